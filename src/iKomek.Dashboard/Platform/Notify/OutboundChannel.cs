namespace IKomek.Dashboard.Platform.Notify;

/// <summary>The channels a person can be reached by (notify_endpoints.channel).</summary>
public static class NotifyChannels
{
    public const string Push = "push";
    public const string Telegram = "telegram";
    public const string Email = "email";
    public static readonly IReadOnlyList<string> All = [Push, Telegram, Email];
}

/// <summary>Where a person can be reached: a row of notify_endpoints. <see cref="KeysJson"/> holds a push
/// subscription's p256dh and auth keys.</summary>
public sealed record NotifyEndpoint(long Id, string Login, string Channel, string Address, string? KeysJson);

/// <summary>One message to one endpoint, already in the receiver's language. It carries no residents' personal data:
/// <see cref="Link"/> leads into the panel, whose roles decide what is shown; <see cref="AckLink"/> acknowledges it.</summary>
public sealed record OutboundMessage(string Title, string Body, string Link, string AckLink, bool Critical);

public enum DeliveryOutcome
{
    /// <summary>The channel's service accepted it.</summary>
    Sent,
    /// <summary>Not now (the service is down, refused for a while, timed out): try again later.</summary>
    Retry,
    /// <summary>The endpoint is no more (push 404/410, the bot blocked, a mailbox refused for good): disable it.</summary>
    Gone,
}

public sealed record DeliveryResult(DeliveryOutcome Outcome, string? Error = null)
{
    public static readonly DeliveryResult Sent = new(DeliveryOutcome.Sent);
}

/// <summary>Sends to one kind of endpoint. A channel never throws for a failed delivery: it answers
/// <see cref="DeliveryOutcome.Retry"/> or <see cref="DeliveryOutcome.Gone"/> with the reason, so one service being down
/// holds no other.</summary>
public interface IOutboundChannel
{
    /// <summary>One of <see cref="NotifyChannels"/>.</summary>
    string Channel { get; }

    Task<DeliveryResult> SendAsync(NotifyEndpoint to, OutboundMessage message, CancellationToken cancellationToken);
}
