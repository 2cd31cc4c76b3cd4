using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Features.DemoCity;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.CitySystems;

/// <summary>An administrator edits an alert rule in a real browser: bad input is refused with its reason, a good edit is
/// stored, audited and shown.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AlertRulesPageTests(DashboardFixture fixture)
{
    private const string Rule = "manholes.cover_tilted";

    [Fact]
    public async Task Administrator_EditsATiltThreshold()
    {
        var rules = await AlertRulesPage.OpenAsync(fixture, signedInAs: "admin");
        await PageChecks.OpensWholeAsync(rules, "Правила оповещений");
        await Assertions.Expect(rules.Row(Rule)).ToContainTextAsync("tilt_deg > 15");

        await rules.EditAsync(Rule);
        await rules.Threshold(1).FillAsync("пятнадцать");
        await rules.SaveAsync();
        await Assertions.Expect(rules.Errors).ToContainTextAsync("Условие 1: значение \"пятнадцать\" не подходит полю «tilt_deg»");

        await rules.Threshold(1).FillAsync("12,5");
        await rules.Confirm.FillAsync("3");
        await rules.SaveAsync();
        await Assertions.Expect(rules.Snackbar("сохранено")).ToBeVisibleAsync();
        await Assertions.Expect(rules.Row(Rule)).ToContainTextAsync("tilt_deg > 12.5");
        await rules.ScreenshotAsync("alert-rules-1920x1080");

        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var (value, confirm, by) = await conn.QuerySingleAsync<(double, int, string)>(
            "SELECT (conditions -> 0 ->> 'value')::float8, confirm, updated_by FROM city_alert_rules WHERE code = @Rule", new { Rule });
        Assert.Equal((12.5, 3, "admin"), (value, confirm, by));
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM audit_log WHERE action = 'alert_rule.change' AND subject_id = @Rule AND actor = 'admin'", new { Rule }));

        // Back as it was for the other tests of the run.
        await conn.ExecuteAsync("""
            UPDATE city_alert_rules SET conditions = '[{"field": "tilt_deg", "op": ">", "value": 15}]', confirm = 2 WHERE code = @Rule
            """, new { Rule });
        await rules.CloseAsync();
    }

    [Fact]
    public async Task Analyst_IsSentToSignIn_FromTheRulesPage()
    {
        using var analyst = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "192.0.2.70");
        Assert.Null(await analyst.SignInAsync("analyst", DemoAccounts.Passwords["analyst"]));

        await analyst.GetAsync(AlertRulesPage.Path);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, analyst.LastResponse!.StatusCode);
        Assert.StartsWith("/account/signin", analyst.LastResponse.Headers.Location!.OriginalString.Replace(fixture.App.BaseUrl, "", StringComparison.Ordinal));
    }
}
