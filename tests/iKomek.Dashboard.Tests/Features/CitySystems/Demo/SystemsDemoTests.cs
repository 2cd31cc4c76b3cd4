using System.Text.Json;
using Dapper;
using IKomek.Dashboard.Features.CitySystems.Demo;
using IKomek.Dashboard.Features.CitySystems.Intake;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace IKomek.Dashboard.Tests.Features.CitySystems.Demo;

/// <summary>The demo city's systems: reproducible, scaled, with their rhythms; written in bulk with the seeded city;
/// and the simulator's readings going through the intake.</summary>
public sealed class SystemsDemoTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private async Task<SystemsDemoSettings> SettingsAsync(int seed = 109, double scale = 0.01)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var districts = (await conn.QueryAsync<(int, double, double)>("SELECT id, center_lat, center_lon FROM districts ORDER BY id")).AsList();
        return new SystemsDemoSettings(seed, scale, new DateOnly(2025, 4, 1), TestClock.UtcNow, districts);
    }

    private static string Fingerprint(SystemsDemo demo) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        JsonSerializer.SerializeToUtf8Bytes(new { demo.Objects, demo.Readings })));

    [Fact]
    public async Task TheSameSeed_GivesTheSameSystems_AnotherSeedOthers()
    {
        var settings = await SettingsAsync();

        var first = SystemsDemoGenerator.Generate(settings);
        var again = SystemsDemoGenerator.Generate(settings);
        var other = SystemsDemoGenerator.Generate(settings with { Seed = 7 });

        Assert.Equal(Fingerprint(first), Fingerprint(again));
        Assert.NotEqual(Fingerprint(first), Fingerprint(other));
    }

    [Fact]
    public async Task EverySystemHasObjects_InsideTheCity_AndTheCamerasScaleWithTheCity()
    {
        var small = SystemsDemoGenerator.Generate(await SettingsAsync());
        var larger = SystemsDemoGenerator.Generate(await SettingsAsync(scale: 0.05));

        var systems = await new SystemCatalogue(city.DataSource, city.Clock).GetAsync();
        Assert.Equal(systems.Keys.Order(), small.Objects.Select(o => o.System).Distinct().Order());
        Assert.All(small.Objects, o => Assert.True(SystemItemValidator.InCity(o.Lat, o.Lon), $"{o.SourceId} at {o.Lat}, {o.Lon}"));
        Assert.All(small.Readings.Where(r => r.Lat is not null), r => Assert.True(SystemItemValidator.InCity(r.Lat!.Value, r.Lon!.Value)));
        Assert.Equal(160, small.Objects.Count(o => o.System == "cameras"));
        Assert.Equal(800, larger.Objects.Count(o => o.System == "cameras"));
        Assert.Equal(systems.Values.Where(s => s.IsFeed).Select(s => s.Code).Order(), small.Readings.Select(r => r.System).Distinct().Order());
    }

    [Fact]
    public async Task Rhythms_CoalBurnsInJanuaryNotJuly_GpsInTheShift_FreightLessOnSundays_CovidIn2020And2021()
    {
        var demo = SystemsDemoGenerator.Generate(await SettingsAsync());
        double Burn(int month) => demo.Readings.Where(r => r.System == "fuel" && (r.AtUtc + TimeSpan.FromHours(5)).Month == month)
            .Average(r => Convert.ToDouble(r.Vals["coal_burn_t_day"]));
        double Trucks(DayOfWeek day) => demo.Readings.Where(r => r.System == "freight" && (r.AtUtc + TimeSpan.FromHours(5)).DayOfWeek == day)
            .Average(r => Convert.ToDouble(r.Vals["trucks_in"]));
        var covid = demo.Objects.Where(o => o.System == "covid").Select(o => DateOnly.Parse((string)o.Attrs["reported_on"])).ToList();

        Assert.True(Burn(1) > 5 * Burn(7), $"January {Burn(1):F1} t/day, July {Burn(7):F1}");
        Assert.All(demo.Readings.Where(r => r.System == "gps"), r => Assert.InRange((r.AtUtc + TimeSpan.FromHours(5)).Hour, 8, 19));
        Assert.True(Trucks(DayOfWeek.Sunday) < 0.6 * Trucks(DayOfWeek.Wednesday));
        Assert.All(covid, d => Assert.InRange(d.Year, 2020, 2021));
        Assert.Contains(demo.Objects, o => o.System == "covid" && (string)o.Attrs["case_kind"] == "contact");
        Assert.True(covid.Count(d => d is { Year: 2021, Month: 7 or 8 }) > covid.Count(d => d is { Year: 2020, Month: 4 }) * 3);
        Assert.All(demo.Objects.Where(o => o.System == "social_map"), o => Assert.Matches(@"^\S+ \S+ \S+$", (string)o.Attrs["full_name"]));
    }

    [Fact]
    public async Task TheSeededCity_HoldsTheSystems_TheirLatestReadings_AndRollUps()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();

        var objects = (await conn.QueryAsync<(string, int)>("SELECT system_code, count(*)::int FROM city_objects WHERE updated_by = 'system:demo-city' GROUP BY 1")).ToDictionary(r => r.Item1, r => r.Item2);
        var staleFeeds = await conn.ExecuteScalarAsync<int>("""
            SELECT count(*)::int FROM city_objects o JOIN city_systems s ON s.code = o.system_code
            WHERE s.kind = 'feed' AND s.code <> 'gps' AND o.updated_by = 'system:demo-city' AND (o.last_at IS NULL OR o.last_at < @now - interval '15 minutes')
            """, new { now = TestClock.UtcNow });
        var lastMatches = await conn.ExecuteScalarAsync<bool>("""
            SELECT bool_and(o.last_vals = r.vals) FROM city_objects o
            JOIN LATERAL (SELECT vals FROM city_readings r WHERE r.object_id = o.id ORDER BY observed_at DESC LIMIT 1) r ON true
            WHERE o.system_code = 'fuel'
            """);
        var rolled = await conn.ExecuteScalarAsync<long>("SELECT coalesce(sum(n), 0) FROM city_reading_daily WHERE system_code = 'manholes' AND field = 'tilt_deg'");
        var readings = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM city_readings WHERE system_code = 'manholes'");

        Assert.Equal(13, objects.Count);
        Assert.Equal(160, objects["cameras"]);
        Assert.Equal(0, staleFeeds);
        Assert.True(lastMatches);
        Assert.True(readings > 0);
        Assert.Equal(readings, rolled);
    }

    [Fact]
    public async Task ASimulatorRound_StoresReadingsThroughTheIntake()
    {
        var writer = new SystemsWriter(city.DataSource, city.Clock);
        await using var _ = writer;
        var intake = new SystemsIntake(new SystemCatalogue(city.DataSource, city.Clock), new CityReference(city.DataSource, city.Clock), writer, city.Clock);
        var simulator = new SystemsSimulator(intake, city.DataSource, city.Clock, new SystemsSimulatorOptions { SimulateObjectsPerRound = 50 },
            NullLogger<SystemsSimulator>.Instance);

        var stored = await simulator.RoundAsync(new Random(1));

        Assert.InRange(stored, 1, 50);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        // The seeded history ends before the clock's start; the round's readings are taken at the clock's now.
        Assert.Equal(stored, await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM city_readings WHERE observed_at >= @now", new { now = TestClock.UtcNow }));
    }
}
