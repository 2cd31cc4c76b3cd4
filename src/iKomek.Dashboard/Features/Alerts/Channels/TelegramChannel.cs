using System.Net;
using IKomek.Dashboard.Platform.Notify;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace IKomek.Dashboard.Features.Alerts.Channels;

/// <summary>The panel's bot (section <c>Telegram</c>): its token and name from @BotFather, and the Bot API's address
/// (the real one by default; tests point it at a local server).</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    public string? BotToken { get; set; }
    /// <summary>The bot's user name without the @: the deep link is https://t.me/&lt;BotName&gt;?start=&lt;code&gt;.</summary>
    public string? BotName { get; set; }
    public string? ApiBaseUrl { get; set; }
    /// <summary>How long a link's one-time code is good for.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BotToken) && !string.IsNullOrWhiteSpace(BotName);
}

/// <summary>The bot's client over the configured Bot API address (one HttpClient for the app).</summary>
public sealed class TelegramBot(IHttpClientFactory http, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "telegram";

    public TelegramOptions Options => options.Value;

    public ITelegramBotClient Client() => new TelegramBotClient(
        // The delivery job owns the retries and their back-off: the client waits out no 429 itself.
        new TelegramBotClientOptions(Options.BotToken!, string.IsNullOrWhiteSpace(Options.ApiBaseUrl) ? null : Options.ApiBaseUrl.TrimEnd('/'))
        {
            RetryCount = 0,
        },
        http.CreateClient(HttpClientName));
}

/// <summary>sendMessage to a linked chat: the title in bold, the text, and the two links, in HTML with every text
/// escaped. 403 (the bot blocked or the chat left) and "chat not found": gone; 429 and 5xx, network failures: later.</summary>
public sealed class TelegramChannel(TelegramBot bot) : IOutboundChannel
{
    public string Channel => NotifyChannels.Telegram;

    public async Task<DeliveryResult> SendAsync(NotifyEndpoint to, OutboundMessage message, CancellationToken cancellationToken)
    {
        if (!bot.Options.IsConfigured) return new DeliveryResult(DeliveryOutcome.Retry, "telegram: Telegram:BotToken is not set");
        if (!long.TryParse(to.Address, System.Globalization.CultureInfo.InvariantCulture, out var chatId))
            return new DeliveryResult(DeliveryOutcome.Gone, "telegram: not a chat id");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bot.Options.Timeout);
        try
        {
            await bot.Client().SendMessage(chatId, Html(message), ParseMode.Html, cancellationToken: timeout.Token);
            return DeliveryResult.Sent;
        }
        catch (ApiRequestException e) when (e.ErrorCode == (int)HttpStatusCode.Forbidden
                                             || (e.ErrorCode == (int)HttpStatusCode.BadRequest && e.Message.Contains("chat not found", StringComparison.OrdinalIgnoreCase)))
        {
            return new DeliveryResult(DeliveryOutcome.Gone, $"telegram: {e.ErrorCode} {e.Message}");
        }
        catch (ApiRequestException e)
        {
            var after = e.Parameters?.RetryAfter is { } s ? $" (retry after {s} s)" : "";
            return new DeliveryResult(DeliveryOutcome.Retry, $"telegram: {e.ErrorCode} {e.Message}{after}");
        }
        catch (Exception e) when (e is RequestException or HttpRequestException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new DeliveryResult(DeliveryOutcome.Retry, $"telegram: {e.GetType().Name} {e.Message}");
        }
    }

    /// <summary>The message in Telegram's HTML: only the tags it knows, every text and link escaped. The links' captions
    /// are in the panel's first language, as the message itself comes in the receiver's.</summary>
    internal static string Html(OutboundMessage m)
    {
        var open = ChannelsTexts.Entries["channels.msg.open"].Ru;
        var ack = ChannelsTexts.Entries["channels.msg.ack"].Ru;
        var text = $"<b>{Escape(m.Title)}</b>\n{Escape(m.Body)}\n\n<a href=\"{Escape(m.Link)}\">{open}</a>";
        return m.AckLink == m.Link ? text : text + $" · <a href=\"{Escape(m.AckLink)}\">{ack}</a>";
    }

    // Telegram's HTML knows only &lt; &gt; &amp; &quot;: these four, nothing else.
    internal static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
