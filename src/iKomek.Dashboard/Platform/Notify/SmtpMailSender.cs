using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IKomek.Dashboard.Platform.Notify;

/// <summary>The SMTP server the panel sends through (section <c>Mail</c>). With no host set, sending is refused with a
/// clear message rather than pretending to succeed.</summary>
public sealed class MailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>None, StartTls (port 587), SslOnConnect (port 465) or Auto.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "iKomek 109 <noreply@ikomek109.kz>";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public interface IMailSender
{
    /// <summary>Sends the message (its From is set from the options when empty). Throws on failure: the callers'
    /// jobs decide whether to retry.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host))
            throw new InvalidOperationException("Mail:Host is not set: no e-mail can be sent (see docs/notifications.md).");
        if (message.From.Count == 0) message.From.Add(MailboxAddress.Parse(o.From));
        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        await client.ConnectAsync(o.Host, o.Port, o.Security, cancellationToken);
        if (!string.IsNullOrEmpty(o.User)) await client.AuthenticateAsync(o.User, o.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

public static class NotifyExtensions
{
    public static IServiceCollection AddNotify(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration("Mail");
        return services.AddSingleton<IMailSender, SmtpMailSender>();
    }
}
