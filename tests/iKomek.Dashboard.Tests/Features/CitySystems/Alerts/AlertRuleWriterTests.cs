using Dapper;
using IKomek.Dashboard.Features.CitySystems.Alerts;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.CitySystems.Alerts;

/// <summary>An administrator's edit of a rule: refused when bad (nothing stored), audited, and in force at once.</summary>
public sealed class AlertRuleWriterTests : AlertSeries
{
    private AlertRuleWriter Writer()
    {
        var queries = new AlertQueries(Db);
        return new AlertRuleWriter(Db, queries, Evaluator, Clock);
    }

    private async Task<AlertRule> RuleAsync(string code) => (await new AlertQueries(Db).GetRulesAsync()).Single(r => r.Code == code);

    private static AlertRuleEdit Edit(AlertRule r) =>
        new(r.Id, r.Conditions, r.ClearMargin, r.Confirm, r.Months, r.Severity, r.RaisesStatus, r.IsEnabled);

    [Fact]
    public async Task LoweredThreshold_OpensAtOnce_IsAudited_AndDisablingClosesIt()
    {
        var manhole = await ObjectAsync("manholes", vals: """{"state": "closed", "tilt_deg": 12}""");
        await Evaluator.OnChangesAsync(0, 0);
        var tilted = await RuleAsync("manholes.cover_tilted");

        var run = await Writer().SaveAsync(TestActors.Admin, Edit(tilted) with
        {
            Conditions = """[{"field": "tilt_deg", "op": ">", "value": 10}]""", Confirm = 1, Months = [4, 3, 4],
        });

        Assert.Equal(1, run.Opened);
        Assert.Equal(["manholes.cover_tilted"], await OpenOnAsync(manhole));
        var stored = await RuleAsync("manholes.cover_tilted");
        Assert.Equal(("admin", 1), (stored.UpdatedBy, stored.Confirm));
        Assert.Equal([3, 4], stored.Months!);
        var audit = Assert.Single(await AuditRows.AboutAsync(Db, "alert_rule", "manholes.cover_tilted"));
        Assert.Equal(("admin", "alert_rule.change"), (audit.Actor, audit.Action));
        string Conditions(string side) => System.Text.Json.JsonDocument.Parse(audit.Detail(side)!).RootElement.GetProperty("conditions").GetString()!;
        Assert.Contains("\"value\": 15", Conditions("before"));
        Assert.Contains("\"value\":10", Conditions("after"));

        await Writer().SaveAsync(TestActors.Admin, Edit(stored) with { IsEnabled = false });
        Assert.Empty(await OpenOnAsync(manhole));
    }

    [Fact]
    public async Task BadEdit_IsRefused_AndNothingIsStoredOrAudited()
    {
        var rule = await RuleAsync("fuel.coal_days_january");

        var e = await Assert.ThrowsAsync<AlertRuleRejectedException>(() => Writer().SaveAsync(TestActors.Admin, Edit(rule) with
        {
            Conditions = """[{"field": "coal_tons", "op": "<", "value": 10}]""", Confirm = 0,
        }));

        Assert.Equal(["alerts.err.confirm", "alerts.err.unknownField"], e.Errors.Select(x => x.Key));
        var after = await RuleAsync("fuel.coal_days_january");
        Assert.Equal((rule.Conditions, rule.Confirm, rule.UpdatedAt, rule.UpdatedBy), (after.Conditions, after.Confirm, after.UpdatedAt, after.UpdatedBy));
        Assert.Empty(await AuditRows.AboutAsync(Db, "alert_rule", rule.Code));
        await Assert.ThrowsAsync<AlertRuleRejectedException>(() => Writer().SaveAsync(TestActors.Admin, Edit(rule) with { Id = 9999 }));
    }
}
