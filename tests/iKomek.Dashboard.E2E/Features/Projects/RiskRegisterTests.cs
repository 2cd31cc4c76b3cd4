using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Projects;

/// <summary>The risk register in a real browser: filters in the address survive a reload, a click puts its filter there.</summary>
[Collection(DashboardCollection.Name)]
public sealed class RiskRegisterTests(DashboardFixture fixture)
{
    /// <summary>Three high-severity problem issues, one overdue, planted on the demo city's open risks (the project office would record them).</summary>
    /// <returns>How many open high-severity issues there are, and how many of them are overdue (the register's rows for each filter).</returns>
    private async Task<(int Issues, int Overdue)> PlantIssuesAsync()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            WITH picked AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM project_risks WHERE is_open AND severity = 3 ORDER BY id LIMIT 3)
            UPDATE project_risks r SET kind = 'issue', owner = 'Сейтова Д. А.',
                   due_date = CASE WHEN p.n = 1 THEN date '2026-03-01' ELSE date '2026-05-01' END
            FROM picked p WHERE p.id = r.id
            """);
        return await conn.QuerySingleAsync<(int, int)>("""
            SELECT count(*)::int, (count(*) FILTER (WHERE due_date < date '2026-03-31'))::int
            FROM project_risks WHERE is_open AND severity = 3 AND kind = 'issue'
            """);
    }

    [Fact]
    public async Task FilterInTheAddress_SurvivesAReload_AndAClickAddsItsFilter()
    {
        var (issues, overdue) = await PlantIssuesAsync();
        Assert.True(overdue >= 1, "no overdue issue planted");
        var register = await RiskRegisterPage.OpenAsync(fixture, "?severity=3&kind=issue");

        await PageChecks.OpensWholeAsync(register, "Реестр рисков");
        await Assertions.Expect(register.Rows).ToHaveCountAsync(Math.Min(issues, 20));
        Assert.All(await register.Severities.EvaluateAllAsync<string[]>("es => es.map(e => e.dataset.severity)"), s => Assert.Equal("3", s));
        Assert.All(await register.Kinds.EvaluateAllAsync<string[]>("es => es.map(e => e.dataset.kind)"), k => Assert.Equal("issue", k));

        await register.ReloadAsync();
        await Assertions.Expect(register.Rows).ToHaveCountAsync(Math.Min(issues, 20));

        await register.OverdueOnly.ClickAsync();
        await register.Page.WaitForURLAsync(url => new Uri(url).Query.Contains("overdue=1"));
        Assert.Contains("severity=3", register.Page.Url);
        // A page holds 20 rows: every row shown is overdue.
        await Assertions.Expect(register.Rows).ToHaveCountAsync(Math.Min(overdue, 20));
        await Assertions.Expect(register.OverdueMarks).ToHaveCountAsync(Math.Min(overdue, 20));
        await register.ScreenshotsAsync("risks");
        await register.CloseAsync();
    }

    [Fact]
    public async Task UnreadableFilter_IsNamed_AndAnAnonymousReaderIsSentToSignIn()
    {
        var register = await RiskRegisterPage.OpenAsync(fixture, "?severity=7");

        await Assertions.Expect(register.FilterErrors).ToHaveTextAsync("Важность «7» не распознана: допустимы 1, 2, 3.");
        await Assertions.Expect(register.Rows.First).ToBeVisibleAsync();
        await register.CloseAsync();

        var anonymous = await fixture.NewPageAsync();
        await anonymous.GotoAsync(RiskRegisterPage.Path);
        Assert.Equal("/account/signin", new Uri(anonymous.Url).AbsolutePath);
        Assert.DoesNotContain("risks-grid", await anonymous.ContentAsync());
        await anonymous.Context.CloseAsync();
    }

    [Fact]
    public async Task OpenRegister_FollowsTheProjectOffice_Live()
    {
        var register = await RiskRegisterPage.OpenAsync(fixture, "?meeting=1&severity=1");
        var before = await register.Rows.CountAsync();

        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var risk = await conn.ExecuteScalarAsync<int>("""
            UPDATE project_risks SET to_meeting = true
            WHERE id = (SELECT min(id) FROM project_risks WHERE is_open AND severity = 1 AND NOT to_meeting) RETURNING id
            """);
        try
        {
            // The change feed's 'projects' change redraws the open page: no reload.
            await Assertions.Expect(register.Rows).ToHaveCountAsync(before + 1);
        }
        finally
        {
            await conn.ExecuteAsync("UPDATE project_risks SET to_meeting = false WHERE id = @risk", new { risk });
        }
        await register.CloseAsync();
    }
}
