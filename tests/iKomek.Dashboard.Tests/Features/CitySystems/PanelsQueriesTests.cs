using Dapper;
using IKomek.Dashboard.Features.CitySystems.Panels;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.CitySystems;

/// <summary>The city systems' read model on a real PostgreSQL, against the known set of <see cref="SystemsCity"/>.</summary>
public sealed class PanelsQueriesTests(SystemsCity city) : IClassFixture<SystemsCity>
{
    private PanelsQueries Queries => new(city.DataSource, new AstanaClock(city.Clock));

    [Fact]
    public async Task Systems_CountObjectsAlertsAndLastData_PerSystemInCatalogueOrder()
    {
        var systems = await Queries.GetSystemsAsync();

        Assert.Equal(13, systems.Count);
        Assert.Equal(systems.OrderBy(s => s.Position).Select(s => s.Code), systems.Select(s => s.Code));
        var manholes = systems.Single(s => s.Code == "manholes");
        Assert.Equal(SystemsCity.Manholes, manholes.Objects);
        Assert.Equal(2, manholes.OpenCritical);
        Assert.Equal(1, manholes.OpenWarning);
        Assert.Equal(SystemsCity.NowUtc.AddMinutes(-5), manholes.LastAt);
        Assert.False(manholes.IsStale(TestClock.Now));
        var cameras = systems.Single(s => s.Code == "cameras");
        Assert.Equal((SystemsCity.Cameras, 3L, 0L), (cameras.Objects, cameras.OpenCritical, cameras.OpenWarning));
        // A register's freshness is its latest change; a system with nothing is stale and has no time.
        Assert.Equal(SystemsCity.NowUtc.AddMinutes(-10), cameras.LastAt);
        var fuel = systems.Single(s => s.Code == "fuel");
        Assert.Equal((0L, (DateTime?)null), (fuel.Objects, fuel.LastAt));
        Assert.True(fuel.IsStale(TestClock.Now));
        Assert.True(systems.Single(s => s.Code == "social_map").Personal);
    }

    [Fact]
    public async Task Map_FewObjects_ArePointsColouredByState()
    {
        var map = await Queries.GetMapAsync("manholes", ObjectFilter.None, districtsOnly: false);

        Assert.False(map.IsGrid);
        Assert.Equal(SystemsCity.Manholes, map.Points.Count);
        Assert.Equal(["MH-000", "MH-001"], map.Points.Where(p => p.State == ObjectStates.Critical).Select(p => p.SourceId).Order());
        Assert.Equal("MH-002", Assert.Single(map.Points, p => p.State == ObjectStates.Warning).SourceId);
        Assert.Equal(SystemsCity.StaleManholes, map.Points.Count(p => p.State == ObjectStates.Stale));
        Assert.Equal(SystemsCity.Manholes, map.Districts.Sum(d => d.Count));
    }

    [Fact]
    public async Task Map_ThousandsOfObjects_AreGridCellsThatAddUp()
    {
        var map = await Queries.GetMapAsync("cameras", ObjectFilter.None, districtsOnly: false);

        Assert.True(map.IsGrid);
        Assert.Empty(map.Points);
        Assert.InRange(map.Cells.Count, 50, PanelsQueries.PointLimit);
        Assert.Equal(SystemsCity.Cameras, map.Cells.Sum(c => c.Count));
        Assert.Equal(3, map.Cells.Sum(c => c.Alerts));
    }

    [Fact]
    public async Task Map_DistrictsOnly_HasNoPointsOrCells()
    {
        var map = await Queries.GetMapAsync("social_map", ObjectFilter.None, districtsOnly: true);

        Assert.Empty(map.Points);
        Assert.Empty(map.Cells);
        Assert.Equal(SystemsCity.Households, map.Districts.Sum(d => d.Count));
    }

    [Fact]
    public async Task Objects_KeysetPages_CoverEveryObjectOnceInOrder()
    {
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await Queries.GetObjectsAsync("cameras", ObjectFilter.None, after, limit: 700);
            Assert.Equal(SystemsCity.Cameras, page.Total);
            seen.AddRange(page.Rows.Select(r => r.SourceId));
            after = page.NextAfter;
        }
        while (after is not null);

        Assert.Equal(SystemsCity.Cameras, seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Objects_Filters_ByDistrictChoiceAndText()
    {
        var district = await FirstDistrictAsync();
        var offline = await Queries.GetObjectsAsync("cameras", new ObjectFilter(Choices: new Dictionary<string, string> { ["status"] = "offline" }), null);
        Assert.Equal(SystemsCity.Cameras / 5, offline.Total);
        Assert.All(offline.Rows, r => Assert.Equal("offline", r.Value("status")!.Value.GetString()));
        Assert.Equal(3, offline.Rows.Count(r => r.State == ObjectStates.Critical));

        var inDistrict = await Queries.GetObjectsAsync("manholes", new ObjectFilter(DistrictId: district), null);
        Assert.Equal(SystemsCity.Manholes / 5, inDistrict.Total);
        Assert.All(inDistrict.Rows, r => Assert.Equal(district, (int)r.DistrictId!));

        var byText = await Queries.GetObjectsAsync("cameras", new ObjectFilter(Text: "cam-0012"), null);
        Assert.Equal(Enumerable.Range(120, 10).Select(i => $"CAM-{i:D5}"), byText.Rows.Select(r => r.SourceId));
        // A reading's value filters too (the cover's latest state).
        var open = await Queries.GetObjectsAsync("manholes", new ObjectFilter(Choices: new Dictionary<string, string> { ["state"] = "open" }), null);
        Assert.Equal(["MH-000", "MH-001"], open.Rows.Select(r => r.SourceId));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("'; DROP TABLE city_objects; --")]
    public async Task Objects_BadText_MatchesLiterallyAndNothing(string text)
    {
        var page = await Queries.GetObjectsAsync("cameras", new ObjectFilter(Text: text), null);

        Assert.Equal(0, page.Total);
        Assert.Empty(page.Rows);
    }

    [Fact]
    public async Task Objects_UnknownOrMalformedFieldInTheFilter_IsIgnoredOrMatchesNothing()
    {
        var malformed = await Queries.GetObjectsAsync("cameras",
            new ObjectFilter(Choices: new Dictionary<string, string> { ["status') OR true --"] = "x" }), null);
        Assert.Equal(SystemsCity.Cameras, malformed.Total);
        var unknown = await Queries.GetObjectsAsync("cameras", new ObjectFilter(Choices: new Dictionary<string, string> { ["colour"] = "red" }), null);
        Assert.Equal(0, unknown.Total);
        var noSystem = await Queries.GetObjectsAsync("no_such_system", ObjectFilter.None, null);
        Assert.Equal(0, noSystem.Total);
        Assert.Null(await Queries.GetSystemAsync("no_such_system"));
    }

    [Fact]
    public async Task Aggregates_CountByDistrictAndChoice_AddUpToTheObjects()
    {
        var rows = await Queries.GetAggregatesAsync("social_map", ObjectFilter.None, ["category"]);

        Assert.Equal(SystemsCity.Households, rows.Sum(r => r.Count));
        Assert.Equal(SystemsCity.Households / 4, rows.Where(r => r.Value == "disabled").Sum(r => r.Count));
        Assert.All(rows, r => Assert.Equal("category", r.Field));
    }

    [Fact]
    public async Task Daily_ReadsTheRollUps_OfTheLastDays()
    {
        var daily = await Queries.GetDailyAsync("manholes", days: 5);

        Assert.Equal(5 * 5, daily.Count);
        Assert.All(daily, d => Assert.Equal("tilt_deg", d.Field));
        Assert.Equal(daily.OrderBy(d => d.Day).Select(d => d.Day), daily.Select(d => d.Day));
    }

    [Fact]
    public async Task Monthly_CountsARegistersObjectsByMonthOfTheirLastChange()
    {
        var months = await Queries.GetMonthlyAsync("construction", null);

        Assert.Equal(SystemsCity.Buildings, months.Sum(m => m.Count));
        Assert.Equal(months.Select(m => m.Key).Order(StringComparer.Ordinal), months.Select(m => m.Key));
    }

    [Fact]
    public async Task Alerts_OpenFirst_ThenTheLatestClosed()
    {
        var alerts = await Queries.GetAlertsAsync("manholes");

        Assert.Equal(6, alerts.Count);
        Assert.Equal([true, true, true, false, false, false], alerts.Select(a => a.IsOpen));
        Assert.Equal("critical", alerts[0].Severity);
        Assert.Equal("Люк открыт", alerts[0].RuleRu);
        var closed = alerts.Where(a => !a.IsOpen).ToList();
        Assert.Equal(closed.OrderByDescending(a => a.OpenedAt).Select(a => a.Id), closed.Select(a => a.Id));
    }

    [Fact]
    public async Task Object_AndItsReadings_NewestFirstAcrossMonths()
    {
        var o = await Queries.GetObjectAsync("manholes", "MH-003");
        Assert.NotNull(o);
        var readings = await Queries.GetReadingsAsync(o.Id, limit: 500);

        Assert.Equal(24 * 40 / 6 + 1, readings.Count);
        Assert.Equal(readings.OrderByDescending(r => r.ObservedAt).Select(r => r.ObservedAt), readings.Select(r => r.ObservedAt));
        Assert.True(readings[^1].ObservedAt.Month != readings[0].ObservedAt.Month);
        Assert.Null(await Queries.GetObjectAsync("manholes", "MH-999"));
        Assert.Null(await Queries.GetObjectAsync("cameras", "MH-003"));
    }

    [Fact]
    public async Task Catalogue_EveryChoiceValueAndUnit_HasItsWordsInThreeLanguages()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var choices = await conn.QueryAsync<string>(
            "SELECT 'systems.choice.' || system_code || '.' || name || '.' || c FROM city_system_fields, unnest(choices) c");
        var units = await conn.QueryAsync<string>("SELECT DISTINCT 'systems.unit.' || unit FROM city_system_fields WHERE unit IS NOT NULL");
        var texts = new Texts();

        foreach (var key in choices.Concat(units))
            Assert.False(texts[key].StartsWith('['), $"{key} has no text");
    }

    private async Task<int> FirstDistrictAsync()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>("SELECT min(id) FROM districts");
    }
}
