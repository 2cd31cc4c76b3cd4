using System.Net;
using IKomek.Dashboard.Platform.Notify;
using MailKit.Net.Smtp;
using MimeKit;

namespace IKomek.Dashboard.Features.Alerts.Channels;

/// <summary>
/// Alerts by e-mail over the panel's SMTP server (<see cref="IMailSender"/>, section <c>Mail</c>): HTML and plain text,
/// the link into the panel and the acknowledgement link. A mailbox refused for good (5xx on the recipient) is gone; any
/// other failure (4xx, the server unreachable, no server configured) is retried.
/// </summary>
public sealed class EmailChannel(IMailSender mail) : IOutboundChannel
{
    public string Channel => NotifyChannels.Email;

    public async Task<DeliveryResult> SendAsync(NotifyEndpoint to, OutboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await mail.SendAsync(Compose(to, message), cancellationToken);
            return DeliveryResult.Sent;
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            return new DeliveryResult(DeliveryOutcome.Gone, $"{(int)e.StatusCode} {e.Message}");
        }
        catch (SmtpCommandException e)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, $"{(int)e.StatusCode} {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, e.Message);
        }
    }

    public static MimeMessage Compose(NotifyEndpoint to, OutboundMessage m)
    {
        var message = new MimeMessage { Subject = (m.Critical ? "‼ " : "") + m.Title };
        message.To.Add(MailboxAddress.Parse(to.Address));
        var text = $"{m.Title}\n{m.Body}\n\nОткрыть в панели: {m.Link}\nПодтвердить получение: {m.AckLink}\n";
        var html = $"""
            <!doctype html>
            <html lang="ru"><body style="font-family: Arial, sans-serif; color: #1a2b3c">
            <h2 style="color: {(m.Critical ? "#b3261e" : "#0b5394")}">{Html(m.Title)}</h2>
            <p>{string.Join("<br>", m.Body.Split('\n').Select(Html))}</p>
            <p><a href="{Html(m.Link)}">Открыть в панели</a></p>
            <p><a href="{Html(m.AckLink)}" style="display: inline-block; padding: 8px 16px; background: #0b5394; color: #fff; text-decoration: none">Подтвердить получение</a></p>
            </body></html>
            """;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private static string Html(string s) => WebUtility.HtmlEncode(s);
}
