using IKomek.Dashboard.Platform.Notify;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IKomek.Dashboard.Tests.Platform.Notify;

public sealed class SmtpMailSenderTests
{
    [Fact]
    public async Task Sends_over_smtp_with_the_configured_sender()
    {
        await using var receiver = new SmtpReceiver();
        var sender = new SmtpMailSender(Options.Create(receiver.Options));
        var message = new MimeMessage { Subject = "Критический инцидент" };
        message.To.Add(MailboxAddress.Parse("akim@astana.kz"));
        message.Body = new TextPart("plain") { Text = "Авария на теплотрассе" };

        await sender.SendAsync(message, CancellationToken.None);

        var got = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal("Критический инцидент", got.Subject);
        Assert.Equal("noreply@ikomek109.kz", got.From.Mailboxes.Single().Address);
        Assert.Equal("Авария на теплотрассе", got.TextBody?.Trim());
    }

    [Fact]
    public async Task A_refusing_server_is_an_error_the_caller_sees()
    {
        await using var receiver = new SmtpReceiver { RefuseNext = 1 };
        var sender = new SmtpMailSender(Options.Create(receiver.Options));
        var message = new MimeMessage { Subject = "x" };
        message.To.Add(MailboxAddress.Parse("a@b.kz"));
        message.Body = new TextPart("plain") { Text = "x" };

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(message, CancellationToken.None));
        await sender.SendAsync(message, CancellationToken.None);
        Assert.Single(await receiver.WaitForAsync(1));
    }

    [Fact]
    public async Task No_host_is_refused_with_a_clear_message()
    {
        var sender = new SmtpMailSender(Options.Create(new MailOptions()));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(new MimeMessage(), CancellationToken.None));
        Assert.Contains("Mail:Host", error.Message);
    }
}
