using System.Globalization;
using Dapper;
using IKomek.Dashboard.Features.DemoCity.OtherCities;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.Import;

/// <summary>A generated city brought in through its profile into a fresh database, imported and mined once per class.</summary>
public abstract class OtherCityFixture(string city, double years, double size) : IAsyncLifetime
{
    /// <summary>The history ends the day before the tests' clock: the import refuses dates in the future.</summary>
    public static readonly DateOnly End = DateOnly.FromDateTime(TestClock.Now.DateTime).AddDays(-1);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ikomek-{city}-" + Guid.NewGuid().ToString("N"));

    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public ExportCityFiles Files { get; private set; } = null!;
    public OtherCityResult Result { get; private set; } = null!;
    public CityProfile Profile { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        DataSource = NpgsqlDataSource.Create(await TestPostgres.CreateMigratedDatabaseAsync());
        Files = ExportCityGenerator.Write(new ExportCityOptions(city, Seed: 109, Years: years, EndDate: End, Size: size), _folder);
        Result = await OtherCityRun.RunAsync(DataSource, Files, TestClock.Create(), new Actor("console:test"));
        Profile = (await CityProfileStore.ReadAsync(DataSource))!;
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class SecondCityFixture() : OtherCityFixture("second", 1.5, 0.5);

public sealed class UsCityFixture() : OtherCityFixture("us", 1, 0.5);

/// <summary>Shared checks of an imported city (its own zone, outlines, categories, rejected rows).</summary>
internal static class OtherCityChecks
{
    public static void RejectedRowsAreReportedByLineAndColumn_AndNothingElse(OtherCityFixture city)
    {
        Assert.Equal(city.Files.Rows, city.Result.Import.RowsRead);
        Assert.Equal(city.Files.Rows - city.Files.BadRows.Count, city.Result.Import.Inserted);
        Assert.Equal(city.Files.BadRows.Select(b => (b.Line, b.Column, b.Reason)),
            city.Result.Rejected.Select(e => (e.Row, e.Column, e.Code)).OrderBy(e => e.Row));
    }

    public static async Task NothingHalfStored(OtherCityFixture city, string source)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var (appeals, keys, events) = await conn.QuerySingleAsync<(long, long, long)>("""
            SELECT (SELECT count(*) FROM appeals), (SELECT count(*) FROM appeal_imports WHERE source = @source),
                   (SELECT count(DISTINCT appeal_id) FROM appeal_events WHERE status = 'registered')
            """, new { source });
        Assert.Equal(city.Result.Import.Inserted, appeals);
        Assert.Equal(appeals, keys);
        Assert.Equal(appeals, events);
    }

    /// <summary>Every appeal lies in the outline of its district (given by name, or placed by its point).</summary>
    public static async Task EveryAppealIsInItsDistrictsOutline(OtherCityFixture city)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var rows = (await conn.QueryAsync<(string Code, double Lat, double Lon)>(
            "SELECT d.code, a.lat, a.lon FROM appeals a JOIN districts d ON d.id = a.district_id")).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(r.Code, city.Profile.DistrictAt(r.Lat, r.Lon)?.Code));
        Assert.Equal(city.Profile.Districts.Count, rows.Select(r => r.Code).Distinct().Count());
    }

    /// <summary>The export's first row as the database holds it, with its local time in the city's zone.</summary>
    public static async Task<(string Local, string TypeCode, string Category)> FirstRowAsync(OtherCityFixture city, string key)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<(string, string, string)>("""
            SELECT to_char(a.created_at AT TIME ZONE city_zone(), 'YYYY-MM-DD HH24:MI'), st.code, i.source_category
            FROM appeal_imports i JOIN appeals a ON a.id = i.appeal_id JOIN service_types st ON st.id = a.service_type_id
            WHERE i.source_key = @key
            """, new { key });
    }

    public static async Task<IReadOnlyDictionary<string, string>> TypeByCategoryAsync(OtherCityFixture city)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var rows = await conn.QueryAsync<(string Category, string Code)>("""
            SELECT DISTINCT i.source_category, st.code FROM appeal_imports i
            JOIN appeals a ON a.id = i.appeal_id JOIN service_types st ON st.id = a.service_type_id
            """);
        return rows.GroupBy(r => r.Category).ToDictionary(g => g.Key, g => Assert.Single(g).Code);
    }

    public static string[] FirstDataRow(OtherCityFixture city, char separator, System.Text.Encoding encoding) =>
        File.ReadLines(city.Files.Export, encoding).Skip(1).First().Split(separator);
}

public sealed class SecondCityImportTests(SecondCityFixture city) : IClassFixture<SecondCityFixture>
{
    [Fact]
    public void Import_RejectsTheSpoiledRowsWithTheirLineAndColumn_AndStoresTheRest() =>
        OtherCityChecks.RejectedRowsAreReportedByLineAndColumn_AndNothingElse(city);

    [Fact]
    public Task Import_StoresEachRowWhole_AppealKeyAndHistory() => OtherCityChecks.NothingHalfStored(city, "bishkek-export");

    [Fact]
    public async Task Dates_AreReadInTheCitysZone_AndTheDatabaseCountsInIt()
    {
        var first = OtherCityChecks.FirstDataRow(city, ';', IKomek.Dashboard.Platform.Csv.CsvEncoding.Strict("windows-1251"));
        var written = DateTime.ParseExact(first[1], "dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
        var stored = await OtherCityChecks.FirstRowAsync(city, first[0]);
        Assert.Equal(written.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), stored.Local);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal("Asia/Bishkek", await conn.ExecuteScalarAsync<string>("SELECT city_zone()"));
        // UTC+6: the stored instant is six hours before the written wall time.
        var utc = await conn.ExecuteScalarAsync<DateTime>("""
            SELECT a.created_at FROM appeal_imports i JOIN appeals a ON a.id = i.appeal_id WHERE i.source_key = @key
            """, new { key = first[0] });
        Assert.Equal(written.AddHours(-6), utc.ToUniversalTime());
    }

    [Fact]
    public Task Districts_FromNamesOrPlacedByTheirPointInTheOutlines() => OtherCityChecks.EveryAppealIsInItsDistrictsOutline(city);

    [Fact]
    public async Task Categories_MapOntoOurTypesOrAnAreasGeneralType_AndTheCitysOwnNameIsKept()
    {
        var types = await OtherCityChecks.TypeByCategoryAsync(city);
        Assert.Equal("roads_sidewalks.potholes_street", types["Ямы на дороге"]);
        Assert.Equal("heating.no_heat_flat", types["Отсутствие отопления"]);
        // Mapped to an area only: the area's general type (the import runs no classifier).
        Assert.StartsWith("public_transport.", types["Работа общественного транспорта"], StringComparison.Ordinal);
        Assert.StartsWith("housing_maintenance.", types["Вопросы по содержанию дома"], StringComparison.Ordinal);
        Assert.InRange(types.Count, 30, 33);
    }

    [Fact]
    public async Task Mining_FindsTheCitysPlantedProblems_AndNotItsDecoys()
    {
        var e = city.Result.Evaluation;
        Assert.Equal(city.Files.Problems.Count(p => !p.IsDecoy), e.Planted);
        Assert.True(e.Recall >= 0.8, $"recall {e.Recall:F2} ({e.Found} of {e.Planted})");
        Assert.True(e.Precision >= 0.6, $"precision {e.Precision:F2} ({e.TopMatching} of {e.TopCount})");
        var history = await MiningHistory.ReadAsync(city.DataSource);
        Assert.False(history.ShorterThanAYear);
    }
}

public sealed class UsCityImportTests(UsCityFixture city) : IClassFixture<UsCityFixture>
{
    [Fact]
    public void Import_RejectsTheSpoiledRowsWithTheirLineAndColumn_AndStoresTheRest() =>
        OtherCityChecks.RejectedRowsAreReportedByLineAndColumn_AndNothingElse(city);

    [Fact]
    public Task Import_StoresEachRowWhole_AppealKeyAndHistory() => OtherCityChecks.NothingHalfStored(city, "chicago-export");

    [Fact]
    public async Task UsDates_AreReadInChicagoTime()
    {
        var first = OtherCityChecks.FirstDataRow(city, ',', new System.Text.UTF8Encoding(false));
        var written = DateTime.ParseExact(first[1], "MM/dd/yyyy hh:mm:ss tt", CultureInfo.InvariantCulture);
        var stored = await OtherCityChecks.FirstRowAsync(city, first[0]);
        Assert.Equal(written.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), stored.Local);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal("America/Chicago", await conn.ExecuteScalarAsync<string>("SELECT city_zone()"));
    }

    [Fact]
    public Task CommunityAreas_FromNumbersOrPlacedByTheirPoint() => OtherCityChecks.EveryAppealIsInItsDistrictsOutline(city);

    [Fact]
    public async Task EnglishCategories_MapOntoOurTypes()
    {
        var types = await OtherCityChecks.TypeByCategoryAsync(city);
        Assert.Equal("roads_sidewalks.potholes_street", types["Pothole in Street"]);
        Assert.Equal("street_lighting.lights_off_street", types["Street Light Out"]);
        Assert.Equal("sanitation.graffiti_street", types["Graffiti Removal"]);
        Assert.StartsWith("sanitation.", types["Rodent Baiting"], StringComparison.Ordinal);
    }

    [Fact]
    public void Mining_FindsTheUsCitysPlantedProblems()
    {
        var e = city.Result.Evaluation;
        Assert.True(e.Recall >= 0.8, $"recall {e.Recall:F2} ({e.Found} of {e.Planted})");
    }
}

/// <summary>A city with a quarter of a year of history: the mining claims no growth or emerging problem and says why.</summary>
public sealed class ShortHistoryFixture() : OtherCityFixture("second", 0.25, 0.5);

public sealed class ShortHistoryMiningTests(ShortHistoryFixture city) : IClassFixture<ShortHistoryFixture>
{
    [Fact]
    public async Task UnderAYear_NoProblemIsEmergingOrGrowing_AndTheHistoryIsCountedInWeeks()
    {
        var history = await MiningHistory.ReadAsync(city.DataSource);
        Assert.True(history.ShorterThanAYear);
        Assert.InRange(history.Weeks, 12, 15);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var problems = (await conn.QueryAsync<(bool Emerging, decimal Growth)>(
            "SELECT is_emerging, (recurrence_parts ->> 'growth')::numeric FROM systemic_problems WHERE is_current")).ToList();
        // Recurring problems are still found in 13 weeks; none of them is called new or growing.
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.False(p.Emerging));
        Assert.All(problems, p => Assert.Equal(0m, p.Growth));
    }
}
