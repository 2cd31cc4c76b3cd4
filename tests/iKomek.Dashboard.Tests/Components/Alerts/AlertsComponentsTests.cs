using Bunit;
using Dapper;
using IKomek.Dashboard.Features.Alerts;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IKomek.Dashboard.Tests.Components.Alerts;

/// <summary>An alert's deliveries as the office reads them: who, how, outcome, Astana times, the error.</summary>
public sealed class AlertDeliveriesTableTests : MudContext
{
    [Fact]
    public void Deliveries_ShowPersonChannelOutcomeAndAstanaTimes()
    {
        var sentUtc = new DateTime(2026, 3, 31, 9, 0, 5, DateTimeKind.Utc);
        var cut = Ctx.Render<AlertDeliveriesTable>(p => p.Add(x => x.Deliveries, new List<AlertDeliveryRow>
        {
            new(1, 7, "akim", "Аким города", "email", 1, "sent", 1, null, sentUtc, sentUtc, sentUtc),
            new(2, 7, "head.energy", null, "telegram", 1, "pending", 2, "the Bot API is down", sentUtc, sentUtc.AddMinutes(1), null),
        }));

        var rows = cut.FindAll("[data-testid=delivery-row]");
        Assert.Equal(["sent", "pending"], rows.Select(r => r.GetAttribute("data-status")));
        Assert.Contains("Аким города", rows[0].TextContent);
        Assert.Contains("Эл. почта", rows[0].TextContent);
        Assert.Contains("31.03.2026 14:00:05", rows[0].TextContent);
        Assert.Contains("head.energy", rows[1].TextContent);
        Assert.Contains("31.03.2026 14:01:05", rows[1].TextContent);
        Assert.Contains("the Bot API is down", rows[1].TextContent);
    }

    [Fact]
    public void NoDeliveries_SaysNobodySubscribed()
    {
        var cut = Ctx.Render<AlertDeliveriesTable>(p => p.Add(x => x.Deliveries, new List<AlertDeliveryRow>()));
        Assert.Single(cut.FindAll("[data-testid=no-deliveries]"));
    }
}

/// <summary>The subscriptions page and the office log on a demo city: the role's defaults offered and saved (audited),
/// the log's alert with its deliveries and the acknowledgement from the panel.</summary>
public sealed class AlertsPagesTests(DemoCityDatabase city) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    private void UseAlerts()
    {
        UseDatabase(city.DataSource);
        Context.Services.AddSingleton(city.Clock);
        Context.Services.AddSingleton<AlertSubscriptions>().AddSingleton<AlertsQueries>().AddSingleton<AlertAcks>();
    }

    [Fact]
    public async Task MyAlerts_FirstVisit_OffersTheRolesDefault_AndSavesItAudited()
    {
        UseAlerts();
        SignIn("analyst");

        var cut = Context.Render<MyAlertsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=subscription]")));
        Assert.Single(cut.FindAll("[data-testid=suggested]"));
        Assert.Single(cut.FindAll("[data-testid=missing-endpoint]"));
        Assert.Equal(["me/channels", "me/digests"], cut.FindAll("[data-testid=personal-links] a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Оповещения", cut.Find("[data-testid=personal-links] [aria-current=page]").TextContent);
        await cut.InvokeAsync(() => cut.Find("button[data-testid=sub-save]").Click());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=suggested]")));
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal("critical_appeal", await conn.ExecuteScalarAsync<string>("SELECT array_to_string(kinds, ',') FROM alert_subscriptions WHERE login = 'analyst'"));
        Assert.Contains(await AuditRows.AboutAsync(city.DataSource, "user", "analyst"), a => a.Action == AlertAuditActions.Subscriptions && a.Actor == "analyst");
    }

    [Fact]
    public async Task MyAlerts_RemovingTheOnlySubscription_SavesNone()
    {
        UseAlerts();
        SignIn("operator2");
        var cut = Context.Render<MyAlertsPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=subscription]")));

        await cut.InvokeAsync(() => cut.Find("button[data-testid=sub-remove]").Click());
        Assert.Single(cut.FindAll("[data-testid=no-subscriptions]"));
        await cut.InvokeAsync(() => cut.Find("button[data-testid=sub-save]").Click());

        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM alert_subscriptions WHERE login = 'operator2'"));
        Assert.Contains(await AuditRows.AboutAsync(city.DataSource, "user", "operator2"), a => a.Action == AlertAuditActions.Subscriptions);
    }

    [Fact]
    public async Task Log_ShowsTheAlertsDeliveries_AndAcknowledgesAsTheSignedInPerson()
    {
        UseAlerts();
        SignIn("akim");
        long alertId;
        await using (var conn = await city.DataSource.OpenConnectionAsync())
        {
            alertId = await conn.ExecuteScalarAsync<long>("""
                INSERT INTO alerts (kind, source_key, critical, title_ru, title_kk, title_en, link, raised_at, escalate_at)
                VALUES ('city_status', 'city-status:bunit', true, 'Уровень обстановки в городе: 2 → 3', 'Деңгей', 'Level', '/', city_now(), city_now() + interval '15 minutes')
                RETURNING id
                """);
            await conn.ExecuteAsync("""
                INSERT INTO alert_deliveries (alert_id, login, channel, level, status, attempts, next_attempt_at, created_at, sent_at, ack_token)
                VALUES (@alertId, 'akim', 'email', 1, 'sent', 1, city_now(), city_now(), city_now(), repeat('a', 64))
                """, new { alertId });
        }

        var cut = Context.Render<AlertsLogPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"[data-alert='{alertId}']")));
        var row = cut.Find($"[data-alert='{alertId}']").ParentElement!;
        await cut.InvokeAsync(() => row.QuerySelector("button[data-testid=log-deliveries]")!.Click());
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=delivery-row][data-status=sent]")));

        await cut.InvokeAsync(() => cut.Find($"[data-alert='{alertId}']").ParentElement!.QuerySelector("button[data-testid=log-ack]")!.Click());

        cut.WaitForAssertion(() => Assert.Contains("akim", cut.Find($"[data-alert='{alertId}']").ParentElement!.QuerySelector("[data-testid=log-acked]")!.TextContent));
        Assert.Equal("akim:panel", string.Join(",", (await AuditRows.AboutAsync(city.DataSource, "alert", alertId.ToString())).Select(a => $"{a.Actor}:{a.Detail("from")}")));
    }
}
