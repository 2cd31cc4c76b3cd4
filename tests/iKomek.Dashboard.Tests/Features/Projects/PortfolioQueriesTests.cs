using Dapper;
using IKomek.Dashboard.Features.Projects;
using IKomek.Dashboard.Tests.Features.SystemicProblems;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Projects;

/// <summary>
/// The portfolio's reads on a real database: the demo city, and projects of a test deputy written by hand so that
/// every count, the on-time share, over budget and the complaint rise can be worked out on paper.
/// </summary>
public sealed class PortfolioQueriesTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    private const string Deputy = "test-deputy";
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.Now.DateTime);

    private PortfolioQueries Queries => new(city.DataSource, city.Clock);

    public async Task InitializeAsync()
    {
        // Five projects of one deputy: on plan; late and replanned over its baseline budget; finished on time but
        // overspent; finished late; not started. Risks: two open high ones (one each on T-1 and T-2).
        const string sql = """
            INSERT INTO deputies (id, code, full_name, portfolio_ru, portfolio_kk, portfolio_en)
            VALUES (90, 'test-deputy', 'Тестов Тест Тестович', 'испытания', 'сынақ', 'tests');
            INSERT INTO projects (id, code, name_ru, name_kk, name_en, project_group, department_id, district_id, deputy_id, project_head, scope,
                                  start_date, planned_end_date, forecast_end_date, actual_end_date, budget_kzt, spent_kzt, progress_pct, status,
                                  baseline_start_date, baseline_end_date, baseline_budget_kzt, actual_start_date, lat, lon)
            VALUES
              (9001, 'T-1', 'Проверочная дорога', 'Тексеру жолы', 'Test road', 'roads', 5, 1, 90, 'Иванов И. И.', '1 км',
               city_today() - 100, city_today() + 100, city_today() + 100, NULL, 1000, 400, 45, 'active', city_today() - 100, city_today() + 100, 1000, city_today() - 100, NULL, NULL),
              (9002, 'T-2', 'Проверочная школа', 'Тексеру мектебі', 'Test school', 'construction', 10, 2, 90, 'Петров П. П.', '600 мест',
               city_today() - 200, city_today() + 50, city_today() + 120, NULL, 1200, 500, 40, 'delayed', city_today() - 200, city_today() + 20, 1000, city_today() - 200, NULL, NULL),
              (9003, 'T-3', 'Проверочный сквер', 'Тексеру скверы', 'Test square', 'improvement', 8, 1, 90, 'Сидоров С. С.', '1 га',
               city_today() - 400, city_today() - 60, city_today() - 70, city_today() - 70, 1000, 1100, 100, 'completed', city_today() - 400, city_today() - 60, 1000, city_today() - 400, NULL, NULL),
              (9004, 'T-4', 'Проверочная сеть', 'Тексеру желісі', 'Test network', 'engineering', 1, 3, 90, 'Иванов И. И.', '2 км',
               city_today() - 500, city_today() - 200, city_today() - 150, city_today() - 150, 1000, 900, 100, 'completed', city_today() - 500, city_today() - 200, 1000, city_today() - 500, NULL, NULL),
              (9005, 'T-5', 'Проверочная поликлиника', 'Тексеру емханасы', 'Test clinic', 'social', 13, 2, 90, 'Ким К. К.', '250 посещений',
               city_today() + 30, city_today() + 400, city_today() + 400, NULL, 2000, 0, 0, 'planned', city_today() + 30, city_today() + 400, 2000, NULL, NULL, NULL);
            INSERT INTO project_risks (project_id, title, severity, is_open, raised_on, closed_on) VALUES
              (9001, 'Риск 1', 3, true, city_today() - 10, NULL),
              (9002, 'Риск 2', 3, true, city_today() - 10, NULL),
              (9002, 'Риск 3', 1, true, city_today() - 10, NULL),
              (9002, 'Риск 4', 3, false, city_today() - 30, city_today() - 5);
            """;
        await using var conn = await city.DataSource.OpenConnectionAsync();
        // Once per class: xUnit makes an instance per test, the database is the class's.
        if (await conn.ExecuteScalarAsync<bool>("SELECT NOT EXISTS (SELECT 1 FROM deputies WHERE id = 90)")) await conn.ExecuteAsync(sql);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Summary_OfHandBuiltProjects_IsWhatPaperSays()
    {
        var rows = await Queries.GetProjectsAsync(new PortfolioFilter(Deputy: Deputy));
        var summary = PortfolioSummary.Of(rows);

        Assert.Equal(["T-1", "T-2", "T-3", "T-4", "T-5"], rows.Select(r => r.Code).Order());
        Assert.Equal("T-2", rows[0].Code); // the late one first
        Assert.Equal(5, summary.Projects);
        Assert.Equal(2, summary.Ongoing);
        Assert.Equal(1, summary.Late);
        // T-2: budget 1200 over its baseline 1000; T-3: 1100 spent of 1000.
        Assert.Equal(["T-2", "T-3"], rows.Where(r => r.IsOverBudget).Select(r => r.Code).Order());
        Assert.Equal(2, summary.OverBudget);
        Assert.Equal(2, summary.Finished);
        // On time: T-1 (forecast = plan) and T-3 (ended 10 days early) of T-1..T-4; T-5 has not started.
        Assert.Equal(4, summary.OnTimeBase);
        Assert.Equal(0.5, summary.OnTimeShare);
        Assert.Null(rows.Single(r => r.Code == "T-5").IsOnTime);
        Assert.Equal(2, summary.OpenHighRisks);
        Assert.Equal(2200m, summary.OngoingBudgetKzt);
        Assert.Equal(900m, summary.OngoingSpentKzt);
        var late = rows.Single(r => r.Code == "T-2");
        Assert.Equal((2L, 1L), (late.OpenRisks, late.OpenHighRisks));
        Assert.Equal(70, late.DelayDays);
        Assert.Equal(30, late.ReplannedDays);
        Assert.Equal([("1", 2), ("2", 2), ("3", 1)], summary.ByDistrict.Select(c => (c.Key, c.Projects)).OrderBy(c => c.Key));
        Assert.Equal(new PortfolioCount("construction", 1, 1, 1), summary.ByGroup.Single(c => c.Key == "construction"));
        Assert.Equal(new PortfolioCount(Deputy, 5, 1, 2), Assert.Single(summary.ByDeputy));
    }

    [Theory]
    [InlineData("roads", null, null, null, null, "T-1")]
    [InlineData(null, "completed", null, null, null, "T-3 T-4")]
    [InlineData(null, null, 2, null, null, "T-2 T-5")]
    [InlineData(null, null, null, 1, null, "T-4")]
    [InlineData(null, null, null, null, "школа", "T-2")]
    [InlineData(null, null, null, null, "test network", "T-4")]
    [InlineData(null, null, null, null, "Иванов", "T-1 T-4")]
    [InlineData(null, null, null, null, "t-5", "T-5")]
    [InlineData(null, null, null, null, "100%", "")]
    [InlineData("no-such-group", "no-such-status", 0, 0, "  ", "T-1 T-2 T-3 T-4 T-5")]
    public async Task Filters_NarrowTheList(string? group, string? status, int? district, int? department, string? text, string expected)
    {
        var rows = await Queries.GetProjectsAsync(new PortfolioFilter(group, status, district, Deputy, department, text));

        Assert.Equal(expected, string.Join(' ', rows.Select(r => r.Code).Order()));
    }

    [Fact]
    public async Task DemoCity_PortfolioAgreesWithItsProjects()
    {
        var rows = await Queries.GetProjectsAsync(new PortfolioFilter());
        var demo = rows.Where(r => r.DeputyCode != Deputy && !r.Code.StartsWith("TR-", StringComparison.Ordinal)).ToList();
        var summary = PortfolioSummary.Of(demo);

        Assert.True(demo.Count >= 600);
        // The deputy for the economy supervises no project of the demo city.
        Assert.Equal(["construction", "social", "utilities"], summary.ByDeputy.Select(c => c.Key).Order());
        Assert.Equal(demo.Count(r => r.Status == "delayed"), summary.Late);
        Assert.InRange(summary.OnTimeShare!.Value, 0.4, 0.95);
        Assert.True(summary.OverBudget > 0);
        Assert.Contains(demo, r => r.ReplannedDays > 0);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        // No unfinished project forecast in the past, on the database too.
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM projects WHERE status IN ('active', 'delayed') AND forecast_end_date < city_today()"));
        Assert.True(await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM project_photos") > 200);
        Assert.True(await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM akimat_meeting_items WHERE decision IS NULL") > 0);
    }

    [Fact]
    public async Task Deputies_AndTheirAccountsAndDepartments()
    {
        var deputies = await Queries.GetDeputiesAsync();

        Assert.Contains(deputies, d => d.Code == "utilities");
        Assert.Equal("utilities", await Queries.GetDeputyCodeOfLoginAsync("deputy.utilities"));
        Assert.Null(await Queries.GetDeputyCodeOfLoginAsync("akim"));
        Assert.Null(await Queries.GetDeputyCodeOfLoginAsync(null));
        Assert.Contains(1, await Queries.GetSupervisedDepartmentsAsync("utilities")); // energy
        Assert.Empty(await Queries.GetSupervisedDepartmentsAsync("nobody"));
    }

    [Fact]
    public async Task ComplaintRise_OnPlantedAppeals()
    {
        // Three road projects 120 days under way at places outside the city (no other appeals there), 2 km apart.
        const string sql = """
            INSERT INTO projects (id, code, name_ru, name_kk, name_en, project_group, department_id, district_id, deputy_id, project_head, scope,
                                  start_date, planned_end_date, forecast_end_date, budget_kzt, spent_kzt, progress_pct, status,
                                  baseline_start_date, baseline_end_date, baseline_budget_kzt, actual_start_date, lat, lon)
            SELECT 9100 + n, 'TR-' || n, 'Дорога ' || n, 'Жол ' || n, 'Road ' || n, 'roads', 5, 1, 1, 'Иванов И. И.', '1 км',
                   city_today() - 120, city_today() + 200, city_today() + 200, 1000, 300, 30, 'active', city_today() - 120, city_today() + 200, 1000, city_today() - 120, 51.30 + n * 0.02, 71.20
            FROM generate_series(1, 3) n
            """;
        await using (var conn = await city.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync(sql);
        }
        var start = Today.AddDays(-120).ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);
        IEnumerable<DateTime> Before(int count) => Enumerable.Range(0, count).Select(k => start.AddDays(-15 - 30 * k));
        IEnumerable<DateTime> Since(int count) => Enumerable.Range(0, count).Select(k => start.AddDays(2 + k * 110.0 / count));
        // TR-1: one pothole complaint a month for six months before, twenty in the 120 days since (300 m from the site),
        // plus ones that do not count: 800 m away, and a type roads do not watch.
        await HandBuiltAppeals.AddAsync(city.DataSource, "tr1a", "roads_sidewalks.potholes_street", 51.32, 71.20, Before(6));
        await HandBuiltAppeals.AddAsync(city.DataSource, "tr1b", "roads_sidewalks.potholes_street", 51.32 + 0.0027, 71.20, Since(20));
        await HandBuiltAppeals.AddAsync(city.DataSource, "tr1c", "roads_sidewalks.potholes_street", 51.32 + 0.0072, 71.20, Since(15));
        await HandBuiltAppeals.AddAsync(city.DataSource, "tr1d", "heating.no_heat", 51.32, 71.20, Since(15));
        // TR-2: as many a month since as before.
        await HandBuiltAppeals.AddAsync(city.DataSource, "tr2a", "roads_sidewalks.potholes_street", 51.34, 71.20, Before(6));
        await HandBuiltAppeals.AddAsync(city.DataSource, "tr2b", "roads_sidewalks.potholes_street", 51.34, 71.20, Since(4));
        // TR-3: nothing before, twelve since.
        await HandBuiltAppeals.AddAsync(city.DataSource, "tr3", "sanitation.dust_street", 51.36, 71.20, Since(12));

        var rule = new ComplaintRiseRule(RadiusM: 500, MonthsBefore: 6);
        var trend = (await Queries.GetComplaintTrendAsync(rule)).Where(r => r.Code.StartsWith("TR-", StringComparison.Ordinal)).ToDictionary(r => r.Code);
        var rises = await Queries.GetComplaintRisesAsync(rule);

        Assert.Equal((6, 20), (trend["TR-1"].BeforeCount, trend["TR-1"].SinceCount));
        Assert.Equal((6, 4), (trend["TR-2"].BeforeCount, trend["TR-2"].SinceCount));
        Assert.Equal((0, 12), (trend["TR-3"].BeforeCount, trend["TR-3"].SinceCount));
        Assert.InRange((double)trend["TR-1"].BeforeMonths, 5.9, 6.1);
        Assert.InRange((double)trend["TR-1"].SinceMonths, 120 / 30.4375 - 0.05, 120 / 30.4375 + 0.05);
        // TR-1: 20 / 3.94 = 5.1 a month against 1: ×5.1, 16 more than the old rate; TR-3: new; TR-2: flat.
        Assert.InRange(trend["TR-1"].Ratio!.Value, 5.0, 5.2);
        Assert.Null(trend["TR-3"].Ratio);
        Assert.Equal(["TR-1", "TR-3"], rises.Where(r => r.Code.StartsWith("TR-", StringComparison.Ordinal)).Select(r => r.Code));
    }

    [Fact]
    public void ComplaintRiseRule_NeedsBothRatioAndAbsoluteMinimum()
    {
        var rule = new ComplaintRiseRule(MinRatio: 1.5, MinExtra: 10);
        ComplaintRiseRow Row(int before, int since) => new(1, "X", "", "", "", "roads", null, before, 12, since, 6);

        Assert.True(rule.IsRise(Row(12, 18)));   // 3 a month against 1: ×3, and 12 more than the old rate gives
        Assert.False(rule.IsRise(Row(2, 10)));   // ×10, but only 9 more
        Assert.False(rule.IsRise(Row(120, 80))); // 20 more, but only ×1.33
        Assert.False(rule.IsRise(Row(0, 9)));    // new, but fewer than 10
        Assert.False(rule.IsRise(Row(12, 18) with { BeforeMonths = 2 })); // too little on record before the start
        Assert.True(rule.IsRise(Row(0, 10)));
    }
}
