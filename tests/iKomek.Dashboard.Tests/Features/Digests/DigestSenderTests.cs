using System.Globalization;
using ClosedXML.Excel;
using Dapper;
using IKomek.Dashboard.Features.Digests;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Notify;
using IKomek.Dashboard.Platform.Privacy;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace IKomek.Dashboard.Tests.Features.Digests;

/// <summary>The digests end to end on the demo city: subscriptions in the database, the job's sender, a local SMTP server.</summary>
public sealed class DigestSenderTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    private readonly SmtpReceiver _smtp = new();
    private static readonly CultureInfo RuKz = CultureInfo.GetCultureInfo("ru-KZ");

    public async Task InitializeAsync()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("DELETE FROM digest_subscriptions; DELETE FROM notify_endpoints; UPDATE users SET language = 'ru'");
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private DigestQueries Queries => new(city.DataSource, new DeputyScopes(city.DataSource), city.Clock);

    private DigestSender Sender => new(city.DataSource, Queries, new CityReference(city.DataSource, city.Clock),
        new SmtpMailSender(Microsoft.Extensions.Options.Options.Create(_smtp.Options)), new AstanaClock(city.Clock),
        new DigestOptions { PanelUrl = "https://panel.example.kz" }, NullLogger<DigestSender>.Instance);

    /// <summary>An e-mail endpoint of the person (confirmed unless told) and the person's subscriptions to it.</summary>
    private async Task<long> SubscribeAsync(string login, string address, bool confirmed = true, params string[] kinds)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var id = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO notify_endpoints (login, channel, address, created_at, confirmed_at)
            VALUES (@login, 'email', @address, now(), CASE WHEN @confirmed THEN now() END) RETURNING id
            """, new { login, address, confirmed });
        foreach (var kind in kinds)
            await conn.ExecuteAsync("""
                INSERT INTO digest_subscriptions (login, period, endpoint_id, updated_at, updated_by) VALUES (@login, @kind, @id, now(), @login)
                """, new { login, kind, id });
        return id;
    }

    private static byte[] Workbook(MimeMessage message) =>
        message.Attachments.OfType<MimePart>().Single() is var part && part.ContentType.MimeType == DigestMail.XlsxType
            ? ToBytes(part) : throw new InvalidOperationException("no workbook");

    private static byte[] ToBytes(MimePart part)
    {
        var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return bytes.ToArray();
    }

    [Fact]
    public async Task Morning_ArrivesOnce_WithYesterdaysNumbers_InHtmlAndInTheWorkbook()
    {
        await SubscribeAsync("akim", "akim@astana.kz", kinds: DigestKinds.Daily);
        var digest = await Queries.GetAsync(DigestPeriod.For(DigestKinds.Daily, new DateOnly(2026, 3, 31)), DigestScope.WholeCity);

        var run = await Sender.SendDueAsync(DigestKinds.Daily, CancellationToken.None);
        var again = await Sender.SendDueAsync(DigestKinds.Daily, CancellationToken.None);

        Assert.Equal(new DigestSender.Run(1, 0, 0), run);
        Assert.Equal(new DigestSender.Run(0, 1, 0), again);
        var mail = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal("akim@astana.kz", mail.To.Mailboxes.Single().Address);
        Assert.Equal("iKomek 109 · Утренний дайджест · Город Астана · 30.03.2026", mail.Subject);
        var received = digest.Current.Received.ToString("N0", RuKz);
        Assert.Contains($">{System.Net.WebUtility.HtmlEncode(received)}<", mail.HtmlBody);
        Assert.Contains("https://panel.example.kz/me/digests", mail.HtmlBody);
        Assert.False(PersonalData.Contains(mail.HtmlBody), "no resident's personal data in the e-mail");

        using var book = new XLWorkbook(new MemoryStream(Workbook(mail)));
        Assert.Equal(["Сводка", "Инциденты", "Сигналы систем", "Возникающие проблемы", "Управления"], book.Worksheets.Select(s => s.Name));
        var summary = book.Worksheet("Сводка");
        Assert.Equal("Поступило обращений", summary.Cell(2, 1).GetString());
        Assert.Equal(received, summary.Cell(2, 2).GetString());
        Assert.Equal(digest.Before.Received.ToString("N0", RuKz), summary.Cell(2, 3).GetString());
        var departments = book.Worksheet("Управления");
        Assert.Equal(digest.Departments.Count, departments.RowsUsed().Count() - 1);
        Assert.Equal(digest.Current.Received, departments.RowsUsed().Skip(1).Sum(r => long.Parse(r.Cell(2).GetString().Replace("\u00a0", ""), RuKz)));
        Assert.Equal(digest.Critical.Count, book.Worksheet("Инциденты").RowsUsed().Count() - 1);

        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(new DateTime(2026, 3, 30), await conn.ExecuteScalarAsync<DateTime>("SELECT last_sent_for::timestamp FROM digest_subscriptions WHERE login = 'akim'"));
    }

    [Fact]
    public async Task RefusingServer_FailsThatOne_SendsTheOthers_AndTheRetrySendsOnlyTheRest()
    {
        await SubscribeAsync("akim", "akim@astana.kz", kinds: DigestKinds.Weekly);
        await SubscribeAsync("analyst", "analyst@astana.kz", kinds: DigestKinds.Weekly);
        _smtp.RefuseNext = 1;   // the first, in login order: akim

        var failure = await Assert.ThrowsAsync<DigestDeliveryException>(() => Sender.SendDueAsync(DigestKinds.Weekly, CancellationToken.None));
        var retry = await Sender.SendDueAsync(DigestKinds.Weekly, CancellationToken.None);

        Assert.Contains("1 digest(s) not sent", failure.Message);
        Assert.Equal(new DigestSender.Run(1, 1, 0), retry);
        var mails = await _smtp.WaitForAsync(2);
        Assert.Equal(["analyst@astana.kz", "akim@astana.kz"], mails.Select(m => m.To.Mailboxes.Single().Address));
        Assert.All(mails, m => Assert.StartsWith("iKomek 109 · Недельный отчёт · Город Астана · 23.03.2026 – 29.03.2026", m.Subject));
    }

    [Fact]
    public async Task Scoped_ADepartmentHeadsDigest_NamesTheDepartment_InTheChosenLanguage_AndHoldsOnlyIt()
    {
        await SubscribeAsync("head.energy", "head@astana.kz", kinds: DigestKinds.Monthly);
        await using (var conn = await city.DataSource.OpenConnectionAsync())
            await conn.ExecuteAsync("UPDATE users SET language = 'kk' WHERE login = 'head.energy'");
        var scope = await Queries.ScopeOfAsync("head.energy");
        var reference = await new CityReference(city.DataSource, city.Clock).GetAsync();
        var department = reference.Departments[scope.Departments!.Single()];

        await Sender.SendDueAsync(DigestKinds.Monthly, CancellationToken.None);

        var mail = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal($"iKomek 109 · Айлық есеп · {department.NameKk} · 01.02.2026 – 28.02.2026", mail.Subject);
        using var book = new XLWorkbook(new MemoryStream(Workbook(mail)));
        var departments = book.Worksheet("Басқармалар");
        Assert.Equal([department.NameKk], departments.RowsUsed().Skip(1).Select(r => r.Cell(1).GetString()));
        Assert.Empty(book.Worksheet("Жүйе белгілері").RowsUsed().Skip(1));
    }

    [Fact]
    public async Task TwoNodesAtOnce_SendEachDigestOnce()
    {
        foreach (var login in new[] { "akim", "analyst", "head.energy", "deputy.utilities" })
            await SubscribeAsync(login, login + "@astana.kz", kinds: DigestKinds.Daily);

        var runs = await Task.WhenAll(Sender.SendDueAsync(DigestKinds.Daily, CancellationToken.None), Sender.SendDueAsync(DigestKinds.Daily, CancellationToken.None));

        Assert.Equal(4, runs.Sum(r => r.Sent));
        // Every send was accepted by the server before its run ended: what arrived is all there is.
        var mails = _smtp.Received.ToArray();
        Assert.Equal(4, mails.Length);
        Assert.Equal(4, mails.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
    }

    [Fact]
    public async Task NotDue_UnconfirmedDisabledOrOff_IsNotSent()
    {
        await SubscribeAsync("akim", "akim@astana.kz", confirmed: false, DigestKinds.Daily);
        await SubscribeAsync("analyst", "analyst@astana.kz", kinds: DigestKinds.Daily);
        await using (var conn = await city.DataSource.OpenConnectionAsync())
            await conn.ExecuteAsync("UPDATE digest_subscriptions SET enabled = false WHERE login = 'analyst'");

        var run = await Sender.SendDueAsync(DigestKinds.Daily, CancellationToken.None);

        Assert.Equal(new DigestSender.Run(0, 0, 0), run);
        Assert.Empty(_smtp.Received);
    }

    [Fact]
    public async Task SendNow_SendsToTheOwnAddress_Audited_AndLeavesTheScheduledOneDue()
    {
        var mine = await SubscribeAsync("analyst", "analyst@astana.kz", kinds: DigestKinds.Daily);
        var theirs = await SubscribeAsync("akim", "akim@astana.kz");
        var analyst = new Actor("analyst", "analyst");

        var to = await Sender.SendNowAsync(analyst, DigestKinds.Weekly, mine);
        var refused = await Assert.ThrowsAsync<DigestRejectedException>(() => Sender.SendNowAsync(analyst, DigestKinds.Daily, theirs));

        Assert.Equal("analyst@astana.kz", to);
        Assert.Equal("digests.page.badAddress", refused.TextKey);
        Assert.Single(await _smtp.WaitForAsync(1));
        var audit = Assert.Single(await AuditRows.AboutAsync(city.DataSource, "digest", "analyst"), r => r.Action == AuditActions.DigestSend);
        Assert.Equal(("analyst", "weekly", "2026-03-23"), (audit.Actor, audit.Detail("kind"), audit.Detail("period")));
        Assert.Equal(1, (await Sender.SendDueAsync(DigestKinds.Daily, CancellationToken.None)).Sent);
    }
}
