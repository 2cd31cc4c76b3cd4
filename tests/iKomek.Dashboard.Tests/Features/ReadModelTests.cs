using Dapper;
using IKomek.Dashboard.Features.Administration;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.Kpis;
using IKomek.Dashboard.Features.Live;
using IKomek.Dashboard.Features.Projects;
using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Tests.Infrastructure;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Features;

/// <summary>The queries behind each page, against a small demo city in a real PostgreSQL.</summary>
public sealed class ReadModelTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private readonly AstanaClock _clock = new(TestClock.Create());

    [Fact]
    public async Task LiveSnapshot_IsConsistentWithItself()
    {
        var s = await new LiveQueries(city.DataSource, _clock).GetSnapshotAsync();

        Assert.True(s.AppealsToday > 0);
        Assert.True(s.TypicalByNow > 0);
        Assert.Equal(s.AppealsToday, s.ByChannel.Sum(c => c.Count));
        Assert.Equal(s.AppealsToday, s.ByDistrict.Sum(c => c.Count));
        Assert.NotEmpty(s.TopServiceTypes);
        Assert.True(s.TopServiceTypes.Sum(c => c.Count) <= s.AppealsToday);
        Assert.Equal(s.TopServiceTypes.OrderByDescending(c => c.Count).Select(c => c.Count), s.TopServiceTypes.Select(c => c.Count));
        Assert.Equal(24, s.Hourly.Count);
        Assert.Equal(s.AppealsToday, s.Hourly.Sum(h => h.Today));
        Assert.Equal(0, s.Hourly.Where(h => h.Hour > s.AsOf.Hour).Sum(h => h.Today));
        Assert.NotNull(s.FirstCallMonth);
        Assert.InRange(s.FirstCallMonth.Value, 0.5, 1.0);
        Assert.InRange(s.OverdueNow, 0, s.OpenNow);
        Assert.True(s.OpenNow > 0);
        Assert.True(s.OverdueByDepartment.Sum(d => d.Count) <= s.OverdueNow);
        Assert.Equal(s.CriticalIncidents.OrderByDescending(i => i.CreatedAt).Select(i => i.Id), s.CriticalIncidents.Select(i => i.Id));
    }

    [Fact]
    public async Task LiveSnapshot_TodayMatchesARawCount()
    {
        var s = await new LiveQueries(city.DataSource, _clock).GetSnapshotAsync();
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var raw = await conn.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM appeals WHERE (created_at AT TIME ZONE 'Asia/Almaty')::date = @day::date AND created_at < @now",
            new { day = s.AsOf.Date, now = s.AsOf.UtcDateTime });

        Assert.Equal(raw, s.AppealsToday);
    }

    [Fact]
    public async Task AppealsSearch_PagesWithoutOverlapAndCountsTheWholeSet()
    {
        var queries = new AppealsQueries(city.DataSource);
        var filter = new AppealFilter(FromUtc: TestClock.UtcNow.AddDays(-30));

        var first = await queries.SearchAsync(filter, 0, 25, null, false);
        var second = await queries.SearchAsync(filter, 25, 25, null, false);

        Assert.Equal(25, first.Rows.Count);
        Assert.Empty(first.Rows.Select(r => r.Id).Intersect(second.Rows.Select(r => r.Id)));
        Assert.True(first.Rows[^1].CreatedAt >= second.Rows[0].CreatedAt);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals WHERE created_at >= @from", new { from = filter.FromUtc }), first.Total);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(nameof(AppealRow.RegNumber), false)]
    [InlineData(nameof(AppealRow.Status), true)]
    [InlineData(nameof(AppealRow.SlaDueAt), false)]
    public async Task KeysetPaging_ForwardAndBack_GivesTheSamePagesAsSkipping(string? sort, bool descending)
    {
        var queries = new AppealsQueries(city.DataSource);
        var filter = new AppealFilter(FromUtc: TestClock.UtcNow.AddDays(-60), DistrictId: 2);
        var byOffset = new List<IReadOnlyList<AppealRow>>();
        for (var p = 0; p < 4; p++) byOffset.Add(await queries.PageAsync(filter, p * 20, 20, sort, descending, null));

        var page = byOffset[0];
        for (var p = 1; p < 4; p++)
        {
            page = await queries.PageAsync(filter, p * 20, 20, sort, descending, new PageCursor(page[^1], Before: false));
            Assert.Equal(byOffset[p].Select(r => r.Id), page.Select(r => r.Id));
        }
        for (var p = 2; p >= 0; p--)
        {
            page = await queries.PageAsync(filter, p * 20, 20, sort, descending, new PageCursor(page[0], Before: true));
            Assert.Equal(byOffset[p].Select(r => r.Id), page.Select(r => r.Id));
        }
    }

    [Fact]
    public async Task AppealsSearch_FiltersAndSorts()
    {
        var queries = new AppealsQueries(city.DataSource);

        var yesil = await queries.SearchAsync(new AppealFilter(DistrictId: 3, Status: "closed"), 0, 50, nameof(AppealRow.RegNumber), descending: false);

        Assert.NotEmpty(yesil.Rows);
        Assert.All(yesil.Rows, r => Assert.Equal((3, "closed"), (r.DistrictId, r.Status)));
        Assert.Equal(yesil.Rows.Select(r => r.RegNumber).Order(StringComparer.Ordinal), yesil.Rows.Select(r => r.RegNumber));
    }

    [Fact]
    public async Task AppealsSearch_TextFindsByRegistrationNumberAndWords()
    {
        var queries = new AppealsQueries(city.DataSource);
        var any = (await queries.SearchAsync(new AppealFilter(), 0, 1, null, false)).Rows[0];

        var byNumber = await queries.SearchAsync(new AppealFilter(Text: any.RegNumber), 0, 10, null, false);
        var byWildcardChars = await queries.SearchAsync(new AppealFilter(Text: "%_%"), 0, 10, null, false);

        Assert.Contains(byNumber.Rows, r => r.Id == any.Id);
        Assert.Empty(byWildcardChars.Rows);
    }

    [Theory]
    [InlineData("отоплен")]
    [InlineData("жылу")]
    [InlineData("Лифт не")]
    public async Task AppealsSearch_WordsMatchAsPrefixesInRussianAndKazakh(string words)
    {
        var found = await new AppealsQueries(city.DataSource).SearchAsync(new AppealFilter(Text: words), 0, 50, null, false);

        Assert.NotEmpty(found.Rows);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var texts = await conn.QueryAsync<string>("SELECT lower(description || ' ' || coalesce(address, '')) FROM appeals WHERE id = ANY(@ids)",
            new { ids = found.Rows.Select(r => r.Id).ToArray() });
        var prefixes = words.ToLowerInvariant().Split(' ');
        Assert.All(texts, text =>
        {
            var tokens = System.Text.RegularExpressions.Regex.Split(text, @"[^\p{L}\p{N}]+");
            Assert.All(prefixes, p => Assert.Contains(tokens, t => t.StartsWith(p, StringComparison.Ordinal)));
        });
    }

    [Fact]
    public async Task AppealsSearch_OverdueDuplicatesAndDepartment_FilterWhatTheySay()
    {
        var queries = new AppealsQueries(city.DataSource);
        await using (var setup = await city.DataSource.OpenConnectionAsync())
        {
            // A small city may have nothing overdue at this hour: make sure one open appeal is.
            await setup.ExecuteAsync("UPDATE appeals SET sla_due_at = city_now() - interval '1 day' WHERE id = (SELECT id FROM appeals WHERE status NOT IN ('resolved', 'closed') ORDER BY id LIMIT 1)");
        }

        var overdue = await queries.SearchAsync(new AppealFilter(Overdue: true), 0, 100, null, false);
        var repeats = await queries.SearchAsync(new AppealFilter(Duplicates: true), 0, 100, null, false);
        var department = await queries.SearchAsync(new AppealFilter(DepartmentId: 1), 0, 100, null, false);

        Assert.NotEmpty(overdue.Rows);
        Assert.All(overdue.Rows, r => Assert.True(r.ResolvedAt is null && r.SlaDueAt < TestClock.UtcNow && r.Status is not ("resolved" or "closed")));
        Assert.NotEmpty(repeats.Rows);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals WHERE id = ANY(@ids) AND duplicate_of IS NULL", new { ids = repeats.Rows.Select(r => r.Id).ToArray() }));
        Assert.All(department.Rows, r => Assert.Equal(1, r.DepartmentId));
    }

    [Fact]
    public async Task Export_StreamsTheFilteredSetNewestFirst_AndTheFilterSurvivesTheQueryString()
    {
        var filter = new AppealFilter(FromUtc: TestClock.UtcNow.AddDays(-7), DistrictId: 2, Status: "closed");
        var parsed = AppealFilter.FromQuery(new Microsoft.AspNetCore.Http.QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(filter.ToQueryString())));
        var queries = new AppealsQueries(city.DataSource);

        var rows = new List<AppealExportRow>();
        await foreach (var r in queries.ExportAsync(parsed, 100_000)) rows.Add(r);
        var page = await queries.SearchAsync(filter, 0, 1, null, false);

        Assert.Equal(filter with { FromUtc = parsed.FromUtc }, parsed);
        Assert.Equal(page.Total, rows.Count);
        Assert.All(rows, r => Assert.Equal(("closed", "baikonyr"), (r.Status, r.District)));
        Assert.Equal(rows.OrderByDescending(r => r.CreatedAt).Select(r => r.RegNumber), rows.Select(r => r.RegNumber));
    }

    [Fact]
    public async Task AppealsSearch_UnknownSortColumn_FallsBackToNewestFirst()
    {
        var rows = (await new AppealsQueries(city.DataSource).SearchAsync(new AppealFilter(), 0, 20, "description; DROP TABLE appeals", false)).Rows;

        Assert.Equal(rows.OrderByDescending(r => r.CreatedAt).Select(r => r.Id), rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Scorecard_HasEveryManagerWithIndicatorsInRange()
    {
        var rows = await new RatingsQueries(city.DataSource).GetScorecardAsync();
        await using var conn = await city.DataSource.OpenConnectionAsync();

        Assert.Equal(await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM managers"), rows.Count);
        Assert.All(rows, r =>
        {
            foreach (var pct in new[] { r.KpiPct, r.ProjectsPct, r.AppealsPct, r.SystemicPct }) Assert.InRange(pct, 0m, 120m);
        });
        Assert.Equal(rows.OrderByDescending(r => r.TotalPct).Select(r => r.TotalPct), rows.Select(r => r.TotalPct));
        Assert.Contains(rows, r => r.AppealsPct < 100);
    }

    [Fact]
    public async Task Projects_AllListedWithPlanInRange()
    {
        var rows = await new ProjectsQueries(city.DataSource).GetProjectsAsync();

        Assert.True(rows.Count >= 400);
        Assert.All(rows, p => Assert.InRange(p.PlannedPct, 0m, 100m));
        Assert.Contains(rows, p => p.Status == "delayed");
    }

    [Fact]
    public async Task Kpis_LatestMonthAndHistory()
    {
        var queries = new KpisQueries(city.DataSource);
        var rows = await queries.GetKpisAsync();
        var history = await queries.GetHistoryAsync(rows[0].Id);

        Assert.True(rows.Count >= 50);
        Assert.All(rows, k => Assert.NotNull(k.Actual));
        Assert.NotEmpty(history);
        Assert.Equal(history.OrderBy(p => p.PeriodStart).Select(p => p.PeriodStart), history.Select(p => p.PeriodStart));
        Assert.Equal(rows[0].PeriodStart, history.Last(p => p.Actual is not null).PeriodStart);
    }

    [Fact]
    public async Task Administration_ShowsMigrationsAndTheDemoCity()
    {
        var s = await new AdministrationQueries(city.DataSource).GetSnapshotAsync();

        Assert.StartsWith("PostgreSQL", s.Database.ServerVersion);
        Assert.Contains(s.Migrations, m => m.File == "0001_reference_data.sql");
        Assert.NotNull(s.DemoCity);
        Assert.Equal(DemoCityDatabase.Options.Seed, s.DemoCity.Seed);
        Assert.Contains(s.Tables, t => t.Table == "appeals" && t.Rows > 0);
        Assert.NotEmpty(s.Users);
    }
}
