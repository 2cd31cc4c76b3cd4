using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Alerts;

/// <summary>A department head adds an alert subscription, switches it off and saves; the akim sees an alert's delivery in the
/// office log and acknowledges it, in a real browser.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AlertsPagesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task DepartmentHead_AddsASubscriptionSwitchedOff_AndSavesIt()
    {
        var page = await MyAlertsPage.OpenAsync(fixture, signedInAs: "head.energy");
        await PageChecks.OpensWholeAsync(page, "Мои оповещения");
        await Assertions.Expect(page.Subscriptions).ToHaveCountAsync(1);
        await Assertions.Expect(page.Subscriptions.First).ToContainTextAsync("1 — сразу");

        await page.AddAsync();
        await Assertions.Expect(page.Subscriptions).ToHaveCountAsync(2);
        await page.ToggleEnabledAsync(1);
        await page.SaveAsync();
        await Assertions.Expect(page.Snackbar("Подписки сохранены")).ToBeVisibleAsync();
        await page.ScreenshotsAsync("my-alerts");

        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        Assert.Equal([true, false], await conn.QueryAsync<bool>("SELECT enabled FROM alert_subscriptions WHERE login = 'head.energy' ORDER BY id"));
        Assert.True(await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM audit_log WHERE action = 'alert.subscriptions' AND actor = 'head.energy'") >= 1);
        // Back as the demo city has it, for the other tests of the run.
        await conn.ExecuteAsync("DELETE FROM alert_subscriptions WHERE login = 'head.energy' AND NOT enabled");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Akim_SeesTheDeliveries_AndAcknowledges()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var alertId = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO alerts (kind, source_key, critical, title_ru, title_kk, title_en, link, raised_at, escalate_at)
            VALUES ('city_status', 'city-status:e2e-' || gen_random_uuid(), true, 'Уровень обстановки в городе: 2 → 3', 'Жағдай деңгейі: 2 → 3',
                    'City status level: 2 → 3', '/', city_now(), city_now() + interval '15 minutes')
            RETURNING id
            """);
        await conn.ExecuteAsync("""
            INSERT INTO alert_deliveries (alert_id, login, endpoint_id, channel, level, status, attempts, next_attempt_at, created_at, last_error, ack_token)
            SELECT @alertId, 'akim', e.id, 'email', 1, 'pending', 2, city_now() + interval '1 minute', city_now(), 'Mail:Host is not set',
                   replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')
            FROM notify_endpoints e WHERE e.login = 'akim' AND e.channel = 'email'
            """, new { alertId });

        var log = await AlertsLogPage.OpenAsync(fixture, signedInAs: "akim");
        await PageChecks.OpensWholeAsync(log, "Журнал оповещений");
        var row = log.Row(alertId);
        await Assertions.Expect(row).ToContainTextAsync("Уровень обстановки в городе: 2 → 3");
        await row.GetByTestId("log-deliveries").ClickAsync();
        await Assertions.Expect(log.Deliveries.First).ToContainTextAsync("Mail:Host is not set");
        await log.ScreenshotAsync("alerts-log-1920x1080");

        await row.GetByTestId("log-ack").ClickAsync();
        await Assertions.Expect(row.GetByTestId("log-acked")).ToContainTextAsync("akim");
        await log.ResizeAsync(1366, 768);
        await log.ScreenshotAsync("alerts-log-1366x768");

        Assert.Equal("akim", await conn.ExecuteScalarAsync<string>("SELECT acknowledged_by FROM alerts WHERE id = @alertId", new { alertId }));
        await log.CloseAsync();
    }
}
