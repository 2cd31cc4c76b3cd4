using Dapper;
using IKomek.Dashboard.Features.Alerts.Channels;
using IKomek.Dashboard.Platform.Notify;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace IKomek.Dashboard.Tests.Features.Alerts.Channels;

/// <summary>E-mail addresses as endpoints: the confirmation link arrives at a local SMTP server and confirms the address
/// once, in time; bad addresses and a mail server that is down.</summary>
public sealed class EmailEndpointsTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    private EmailEndpoints Emails(SmtpReceiver smtp, TimeProvider? clock = null)
    {
        var time = clock ?? TestClock.Create();
        return new EmailEndpoints(db.DataSource, new ChannelEndpoints(db.DataSource, time), new SmtpMailSender(Options.Create(smtp.Options)), time);
    }

    private static string CodeFrom(MimeKit.MimeMessage mail)
    {
        var text = mail.TextBody ?? "";
        var at = text.IndexOf(EmailEndpoints.ConfirmPath, StringComparison.Ordinal) + EmailEndpoints.ConfirmPath.Length;
        return new string(text[at..].TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
    }

    [Fact]
    public async Task Add_SendsALink_ThatConfirmsTheAddressOnce_AndBothStepsAreAudited()
    {
        await using var smtp = new SmtpReceiver();
        var emails = Emails(smtp);
        var person = await ChannelsTestBed.PersonAsync(db.DataSource, "deputy");

        Assert.True(await emails.AddAsync(person, "  Deputy.One@Astana.KZ ", "https://panel.test/"));

        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("Deputy.One@astana.kz", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Подтвердите адрес для оповещений iKomek 109", mail.Subject);
        Assert.Contains("https://panel.test/me/channels/confirm/", mail.TextBody);
        Assert.Contains("https://panel.test/me/channels/confirm/", mail.HtmlBody);
        var code = CodeFrom(mail);
        var endpoints = new ChannelEndpoints(db.DataSource, TestClock.Create());
        var pending = Assert.Single(await endpoints.ListAsync(person.Name));
        Assert.False(pending.IsActive);
        Assert.Equal("Deputy.One@astana.kz", (await emails.PendingAsync(code))?.Address);

        Assert.True(await emails.ConfirmAsync(code, System.Net.IPAddress.Parse("10.1.2.3")));

        Assert.True(Assert.Single(await endpoints.ListAsync(person.Name)).IsActive);
        Assert.False(await emails.ConfirmAsync(code, null));
        Assert.Null(await emails.PendingAsync(code));
        var audit = await AuditRows.AboutAsync(db.DataSource, "notify_endpoint", pending.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["add", "confirm"], audit.Select(a => a.Detail("change")));
        Assert.All(audit, a => Assert.Equal(person.Name, a.Actor));
        Assert.Equal("10.1.2.3", audit[1].Address);
        Assert.DoesNotContain(audit, a => a.Details.Contains("astana.kz", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Confirm_AfterADay_IsRefused()
    {
        await using var smtp = new SmtpReceiver();
        var clock = new TestClock.ManualClock(TestClock.Now.ToUniversalTime());
        var emails = Emails(smtp, clock);
        var person = await ChannelsTestBed.PersonAsync(db.DataSource);
        await emails.AddAsync(person, "late@astana.kz", "https://panel.test");
        var code = CodeFrom(Assert.Single(await smtp.WaitForAsync(1)));

        clock.Advance(TimeSpan.FromHours(25));

        Assert.Null(await emails.PendingAsync(code));
        Assert.False(await emails.ConfirmAsync(code, null));
        Assert.False(Assert.Single(await new ChannelEndpoints(db.DataSource, clock).ListAsync(person.Name)).IsActive);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("name@")]
    [InlineData("@astana.kz")]
    [InlineData("name@localhost")]
    [InlineData("Аким <akim@astana.kz>")]
    [InlineData("a@astana.kz, b@astana.kz")]
    public async Task Add_NotOnePlainAddress_IsRefused_AndNothingIsSent(string address)
    {
        await using var smtp = new SmtpReceiver();
        var person = await ChannelsTestBed.PersonAsync(db.DataSource);

        var e = await Assert.ThrowsAsync<EndpointRejectedException>(() => Emails(smtp).AddAsync(person, address, "https://panel.test"));

        Assert.Equal("channels.err.email", e.Message);
        Assert.Empty(smtp.Received);
        Assert.Empty(await new ChannelEndpoints(db.DataSource, TestClock.Create()).ListAsync(person.Name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-such-code")]
    [InlineData("'; DROP TABLE notify_codes; --")]
    public async Task Confirm_AnUnknownCode_ConfirmsNothing(string code)
    {
        await using var smtp = new SmtpReceiver();
        Assert.Null(await Emails(smtp).PendingAsync(code));
        Assert.False(await Emails(smtp).ConfirmAsync(code, null));
    }

    [Fact]
    public async Task Add_WhenTheMailServerRefuses_KeepsTheAddress_AndAskingAgainSendsANewLink()
    {
        await using var smtp = new SmtpReceiver { RefuseNext = 1 };
        var emails = Emails(smtp);
        var person = await ChannelsTestBed.PersonAsync(db.DataSource);

        Assert.False(await emails.AddAsync(person, "office@astana.kz", "https://panel.test"));
        Assert.True(await emails.AddAsync(person, "office@astana.kz", "https://panel.test"));

        Assert.True(await emails.ConfirmAsync(CodeFrom(Assert.Single(await smtp.WaitForAsync(1))), null));
        var endpoint = Assert.Single(await new ChannelEndpoints(db.DataSource, TestClock.Create()).ListAsync(person.Name));
        Assert.True(endpoint.IsActive);
        // Asking again for an address in use keeps its confirmation.
        await emails.AddAsync(person, "office@astana.kz", "https://panel.test");
        Assert.True(Assert.Single(await new ChannelEndpoints(db.DataSource, TestClock.Create()).ListAsync(person.Name)).IsActive);
    }

    [Fact]
    public async Task Confirm_ARemovedAddress_IsRefused_AndAddingItAgainNeedsANewConfirmation()
    {
        await using var smtp = new SmtpReceiver();
        var emails = Emails(smtp);
        var endpoints = new ChannelEndpoints(db.DataSource, TestClock.Create());
        var person = await ChannelsTestBed.PersonAsync(db.DataSource);
        await emails.AddAsync(person, "first@astana.kz", "https://panel.test");
        var first = CodeFrom(Assert.Single(await smtp.WaitForAsync(1)));
        await emails.ConfirmAsync(first, null);
        var id = Assert.Single(await endpoints.ListAsync(person.Name)).Id;
        await emails.AddAsync(person, "first@astana.kz", "https://panel.test");
        var second = CodeFrom((await smtp.WaitForAsync(2))[1]);

        await endpoints.RemoveAsync(person, id);

        Assert.Empty(await endpoints.ListAsync(person.Name));
        Assert.False(await emails.ConfirmAsync(second, null));
        await emails.AddAsync(person, "first@astana.kz", "https://panel.test");
        var again = Assert.Single(await endpoints.ListAsync(person.Name));
        Assert.Equal(id, again.Id);
        Assert.False(again.IsActive);
        await using var conn = await db.DataSource.OpenConnectionAsync();
        Assert.Null(await conn.ExecuteScalarAsync<DateTime?>("SELECT confirmed_at FROM notify_endpoints WHERE id = @id", new { id }));
    }
}
