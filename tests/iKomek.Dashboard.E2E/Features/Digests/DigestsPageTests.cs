using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Digests;

/// <summary>A person turns the morning digest on and has one sent now, in a real browser; the e-mail arrives at the local
/// SMTP server and its HTML is looked at in Chromium as a mail client would show it.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DigestsPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Analyst_TurnsTheMorningDigestOn_AndHasOneSentNow()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using (var conn = await db.OpenConnectionAsync())
            await conn.ExecuteAsync("""
                DELETE FROM digest_subscriptions WHERE login = 'analyst';
                INSERT INTO notify_endpoints (login, channel, address, created_at, confirmed_at)
                VALUES ('analyst', 'email', 'analyst@akimat.astana.kz', now(), now()) ON CONFLICT (login, channel, address) DO NOTHING;
                """);
        var digests = await DigestsPage.OpenAsync(fixture, signedInAs: "analyst");
        await PageChecks.OpensWholeAsync(digests, "Мои дайджесты");
        await Assertions.Expect(digests.Page.GetByTestId("personal-links").GetByRole(AriaRole.Link, new() { Name = "Оповещения" })).ToHaveAttributeAsync("href", "me/alerts");

        await digests.Switch("Утренний дайджест — каждый день за вчера").CheckAsync();
        await digests.SaveAsync();
        await Assertions.Expect(digests.Message).ToHaveTextAsync("Подписки сохранены");
        await using (var conn = await db.OpenConnectionAsync())
        {
            Assert.True(await conn.ExecuteScalarAsync<bool>("SELECT enabled FROM digest_subscriptions WHERE login = 'analyst' AND period = 'daily'"));
            Assert.Equal(1, await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM audit_log WHERE action = 'digest.subscriptions' AND actor = 'analyst'"));
        }
        await digests.ScreenshotsAsync("digests");

        var before = fixture.Mail.Received.Count;
        await digests.SendNow("daily").ClickAsync();
        await Assertions.Expect(digests.Message).ToHaveTextAsync("Отправлено на analyst@akimat.astana.kz");
        var mail = (await fixture.Mail.WaitForAsync(before + 1)).Last();
        Assert.Equal("iKomek 109 · Утренний дайджест · Город Астана · 30.03.2026", mail.Subject);
        Assert.Single(mail.Attachments);
        await digests.CloseAsync();

        // The e-mail's HTML as a reader's mail client shows it: no style sheet, no script, the panel's link.
        var view = await fixture.NewPageAsync();
        await view.SetContentAsync(mail.HtmlBody!);
        await Assertions.Expect(view.GetByRole(AriaRole.Link, new() { Name = "Открыть панель" })).ToBeVisibleAsync();
        await Assertions.Expect(view.GetByRole(AriaRole.Cell, new() { Name = "Поступило обращений", Exact = true })).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(view, "digest-email-1920x1080");
        await view.SetViewportSizeAsync(1366, 768);
        await DashboardFixture.ScreenshotAsync(view, "digest-email-1366x768");
        await view.Context.CloseAsync();
    }
}
