using System.Text.Json;
using Dapper;
using IKomek.Dashboard.Features.CitySystems.Intake;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.CitySystems.Intake;

/// <summary>The intake's writes on a real database: whole items or nothing, idempotency, partitions, roll-ups, the
/// latest reading on the object, and the change feed's row.</summary>
public sealed class SystemsWriterTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    private static readonly Actor Sensor = Actor.Api("test sensors");
    private SystemsIntake _intake = null!;
    private SystemsWriter _writer = null!;

    public Task InitializeAsync()
    {
        _writer = new SystemsWriter(city.DataSource, city.Clock);
        _intake = new SystemsIntake(new SystemCatalogue(city.DataSource, city.Clock), new CityReference(city.DataSource, city.Clock), _writer, city.Clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _writer.DisposeAsync();

    private async Task<SystemsIntakeResult> SubmitAsync(string system, SystemsPath path, params string[] items)
    {
        var elements = items.Select(i => JsonDocument.Parse(i).RootElement.Clone()).ToList();
        return await _intake.SubmitAsync((await _intake.Catalogue.FindAsync(system))!, path, elements, Sensor);
    }

    private static string Fuel(string id, string at, double coal, double burn = 300, string place = "") =>
        $$$"""{"source_id": "{{{id}}}", "observed_at": "{{{at}}}"{{{place}}}, "values": {"coal_t": {{{coal.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}, "coal_burn_t_day": {{{burn.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}}}""";

    private async Task<T> OneAsync<T>(string sql, object? args = null)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<T>(sql, args);
    }

    private Task<long> LastChangeAsync() => OneAsync<long>("SELECT coalesce(max(id), 0) FROM appeal_changes");

    [Fact]
    public async Task ABatch_StoresItsValidItemsWhole_ReportsTheOthers_AndLeavesNothingOfThem()
    {
        var result = await SubmitAsync("fuel", SystemsPath.Readings,
            Fuel("w-good", "2026-03-30T08:00:00+05:00", 5000),
            Fuel("w-bad", "2026-03-30T08:00:00+05:00", -5),
            """{"source_id": "w-bad2", "observed_at": "2026-03-30T08:00:00+05:00", "values": {"coal_t": 1, "coal_burn_t_day": 1, "outdoor_temp_c": 99}}""");

        Assert.Equal((1, 0), (result.Accepted, result.Duplicates));
        Assert.Equal(new[] { (1, "coal_t", "range"), (2, "outdoor_temp_c", "range") },
            result.Rejected.Select(e => (e.Index, e.Field!, e.Code)).ToArray());
        Assert.Equal(1, await OneAsync<int>("SELECT count(*)::int FROM city_objects WHERE system_code = 'fuel' AND source_id LIKE 'w-%'"));
        Assert.Equal(0, await OneAsync<int>("""
            SELECT count(*)::int FROM city_readings r JOIN city_objects o ON o.id = r.object_id WHERE o.source_id IN ('w-bad', 'w-bad2')
            """));
    }

    [Fact]
    public async Task TheSameBatchAgain_AddsNothing_CountsDuplicates_AndLeavesTheRollUpsAndFeedAlone()
    {
        string[] batch = [Fuel("i-1", "2026-03-29T08:00:00+05:00", 100), Fuel("i-1", "2026-03-29T09:00:00+05:00", 90), Fuel("i-2", "2026-03-29T08:00:00+05:00", 50)];
        var first = await SubmitAsync("fuel", SystemsPath.Readings, batch);
        var rollup = await OneAsync<(long, double)>("SELECT sum(n)::bigint, sum(sum) FROM city_reading_daily WHERE system_code = 'fuel' AND day = '2026-03-29' AND field = 'coal_t'");
        var change = await LastChangeAsync();

        var again = await SubmitAsync("fuel", SystemsPath.Readings, batch);
        var repeatedInside = await SubmitAsync("fuel", SystemsPath.Readings, Fuel("i-3", "2026-03-29T08:00:00+05:00", 7), Fuel("i-3", "2026-03-29T08:00:00+05:00", 7));

        Assert.Equal((3, 0), (first.Accepted, first.Duplicates));
        Assert.Equal((0, 3), (again.Accepted, again.Duplicates));
        Assert.Equal((1, 1), (repeatedInside.Accepted, repeatedInside.Duplicates));
        Assert.Equal(3, await OneAsync<int>("SELECT count(*)::int FROM city_readings r JOIN city_objects o ON o.id = r.object_id WHERE o.source_id IN ('i-1', 'i-2')"));
        Assert.Equal(rollup, await OneAsync<(long, double)>("SELECT sum(n)::bigint - 1, sum(sum) - 7 FROM city_reading_daily WHERE system_code = 'fuel' AND day = '2026-03-29' AND field = 'coal_t'"));
        // The repeat changed nothing: no change row of its own (the next one is i-3's).
        Assert.Equal(change + 1, await LastChangeAsync());
    }

    [Fact]
    public async Task AReadingOfAMonthWithoutAPartition_MakesIt()
    {
        Assert.Equal(0, await OneAsync<int>("SELECT count(*)::int FROM pg_class WHERE relname = 'city_readings_201907'"));

        var result = await SubmitAsync("manholes", SystemsPath.Readings,
            """{"source_id": "p-1", "observed_at": "2019-07-31T23:30:00-01:00", "values": {"state": "closed", "tilt_deg": 0}}""");

        Assert.Equal(1, result.Accepted);
        // 2019-08-01 00:30 UTC: the partitions are by UTC month.
        Assert.Equal(1, await OneAsync<int>("SELECT count(*)::int FROM city_readings_201908 r JOIN city_objects o ON o.id = r.object_id WHERE o.source_id = 'p-1'"));
    }

    [Fact]
    public async Task RollUps_ArePerAstanaDayDistrictAndNumericField()
    {
        var reference = await new CityReference(city.DataSource, city.Clock).GetAsync();
        var district = reference.NearestDistrict(51.1605, 71.4704);
        const string place = ", \"lat\": 51.1605, \"lon\": 71.4704";
        // 23:30 Astana on the 1st is 18:30 UTC; 00:30 Astana on the 2nd is 19:30 UTC of the 1st.
        await SubmitAsync("fuel", SystemsPath.Readings,
            Fuel("r-1", "2019-02-01T23:30:00+05:00", 100, 10, place), Fuel("r-2", "2019-02-01T18:40:00Z", 300, 30, place),
            Fuel("r-1", "2019-02-01T19:30:00Z", 50, 5, place));

        var day1 = await OneAsync<(long N, double Sum, double Min, double Max)>(
            "SELECT n, sum, min, max FROM city_reading_daily WHERE system_code = 'fuel' AND day = '2019-02-01' AND district_id = @district AND field = 'coal_t'", new { district });
        var day2 = await OneAsync<(long N, double Sum, double Min, double Max)>(
            "SELECT n, sum, min, max FROM city_reading_daily WHERE system_code = 'fuel' AND day = '2019-02-02' AND district_id = @district AND field = 'coal_burn_t_day'", new { district });
        var booleans = await SubmitAsync("street_lighting", SystemsPath.Readings,
            """{"source_id": "r-lamp", "observed_at": "2019-02-01T20:00:00+05:00", "values": {"is_on": true, "fault": false, "power_w": 150}}""");

        Assert.Equal((2L, 400d, 100d, 300d), day1);
        Assert.Equal((1L, 5d, 5d, 5d), day2);
        Assert.Equal(1, booleans.Accepted);
        Assert.Equal(new[] { "power_w" }, (await (await city.DataSource.OpenConnectionAsync()).QueryAsync<string>(
            "SELECT field FROM city_reading_daily WHERE system_code = 'street_lighting' AND day = '2019-02-01'")).ToArray());
    }

    [Fact]
    public async Task ALateReading_IsStored_ButDoesNotOverwriteTheNewerOnTheObject()
    {
        await SubmitAsync("gps", SystemsPath.Readings,
            """{"source_id": "l-truck", "observed_at": "2026-03-30T10:00:00+05:00", "lat": 51.12, "lon": 71.43, "values": {"speed_kmh": 30}}""");
        var seq = await OneAsync<long>("SELECT change_seq FROM city_objects WHERE source_id = 'l-truck'");

        var late = await SubmitAsync("gps", SystemsPath.Readings,
            """{"source_id": "l-truck", "observed_at": "2026-03-30T09:00:00+05:00", "lat": 51.20, "lon": 71.40, "values": {"speed_kmh": 5, "is_working": true}}""");
        var state = await OneAsync<(string Vals, DateTime At, double Lat, long Seq)>(
            "SELECT last_vals::text, last_at, lat, change_seq FROM city_objects WHERE source_id = 'l-truck'");
        var newer = await SubmitAsync("gps", SystemsPath.Readings,
            """{"source_id": "l-truck", "observed_at": "2026-03-30T11:00:00+05:00", "lat": 51.15, "lon": 71.45, "values": {"speed_kmh": 12}}""");
        var moved = await OneAsync<(string Vals, double Lat, long Seq)>("SELECT last_vals::text, lat, change_seq FROM city_objects WHERE source_id = 'l-truck'");

        Assert.Equal(1, late.Accepted);
        Assert.Equal(2, await OneAsync<int>("SELECT count(*)::int FROM city_readings r JOIN city_objects o ON o.id = r.object_id WHERE o.source_id = 'l-truck' AND r.observed_at < '2026-03-30T06:00:00Z'"));
        Assert.Equal("""{"speed_kmh": 30}""", state.Vals);
        Assert.Equal(new DateTime(2026, 3, 30, 5, 0, 0), state.At.ToUniversalTime());
        Assert.Equal(51.12, state.Lat);
        Assert.Equal(seq, state.Seq);
        Assert.Equal(1, newer.Accepted);
        Assert.Equal(("""{"speed_kmh": 12}""", 51.15), (moved.Vals, moved.Lat));
        Assert.True(moved.Seq > seq);
    }

    [Fact]
    public async Task Objects_AreUpsertedBySourceId_AttributesMerged_AndChangeSeqMovesOnlyOnAChange()
    {
        const string camera = """{"source_id": "o-cam", "lat": 51.13, "lon": 71.42, "values": {"camera_kind": "ptz", "near": "school", "status": "online"}}""";
        await SubmitAsync("cameras", SystemsPath.Objects, camera);
        var before = await OneAsync<(string Attrs, long Seq, int District)>("SELECT attrs::text, change_seq, district_id::int FROM city_objects WHERE source_id = 'o-cam'");

        var same = await SubmitAsync("cameras", SystemsPath.Objects, camera);
        var unchanged = await OneAsync<long>("SELECT change_seq FROM city_objects WHERE source_id = 'o-cam'");
        await SubmitAsync("cameras", SystemsPath.Objects, camera.Replace("online", "offline"));
        var after = await OneAsync<(string Attrs, long Seq, string By)>("SELECT attrs::text, change_seq, updated_by FROM city_objects WHERE source_id = 'o-cam'");

        Assert.Equal("""{"near": "school", "status": "online", "camera_kind": "ptz"}""", before.Attrs);
        Assert.Equal((await new CityReference(city.DataSource, city.Clock).GetAsync()).NearestDistrict(51.13, 71.42), before.District);
        Assert.Equal(1, same.Accepted);
        Assert.Equal(before.Seq, unchanged);
        Assert.Contains("\"status\": \"offline\"", after.Attrs);
        Assert.True(after.Seq > before.Seq);
        Assert.Equal("api:test sensors", after.By);
    }

    [Fact]
    public async Task EachCommittedBatch_LeavesOneSystemsChange_WithItsRowsAndChangeSeqRange_AndNotifies()
    {
        await using var listen = await city.DataSource.OpenConnectionAsync();
        var notes = new List<string>();
        listen.Notification += (_, e) => notes.Add(e.Payload);
        await listen.ExecuteAsync("LISTEN city_changes");
        var from = await LastChangeAsync();

        await SubmitAsync("manholes", SystemsPath.Readings,
            """{"source_id": "c-1", "observed_at": "2026-03-31T10:00:00+05:00", "values": {"state": "closed", "tilt_deg": 1}}""",
            """{"source_id": "c-2", "observed_at": "2026-03-31T10:00:00+05:00", "values": {"state": "open", "tilt_deg": 40}}""");
        await listen.WaitAsync(TimeSpan.FromSeconds(10));

        var change = await OneAsync<(string Kind, int Rows, long First, long Last)>(
            "SELECT kind, rows, first_id, last_id FROM appeal_changes WHERE id > @from", new { from });
        var seqs = await OneAsync<(long Min, long Max)>("SELECT min(change_seq), max(change_seq) FROM city_objects WHERE source_id IN ('c-1', 'c-2')");
        Assert.Equal(("systems", 4, seqs.Min, seqs.Max), change);
        var note = JsonDocument.Parse(Assert.Single(notes)).RootElement;
        Assert.Equal("systems", note.GetProperty("kind").GetString());
        Assert.Equal(seqs.Max, note.GetProperty("last_id").GetInt64());
    }

    [Fact]
    public async Task ManyBatchesAtOnce_GoThroughTheGroupCommit_EachReadingStoredOnce()
    {
        var tasks = Enumerable.Range(0, 40).Select(b => SubmitAsync("freight", SystemsPath.Readings, Enumerable.Range(0, 25).Select(i =>
            $$$"""{"source_id": "g-{{{i % 5}}}", "observed_at": "{{{new DateTimeOffset(2019, 3, 1, 0, 0, 0, TimeSpan.FromHours(5)).AddMinutes(b * 25 + i / 5 * 1000 + i % 5):yyyy-MM-ddTHH:mm:sszzz}}}", "values": {"trucks_in": {{{i}}}, "trucks_out": 1}}""").ToArray())).ToList();
        var results = await Task.WhenAll(tasks);

        Assert.Equal((1000, 0), (results.Sum(r => r.Accepted), results.Sum(r => r.Duplicates)));
        Assert.Equal(results.Sum(r => r.Accepted), await OneAsync<int>("SELECT count(*)::int FROM city_readings WHERE system_code = 'freight' AND object_id IN (SELECT id FROM city_objects WHERE source_id LIKE 'g-%')"));
        Assert.Equal(results.Sum(r => r.Accepted), await OneAsync<int>("SELECT sum(n)::int FROM city_reading_daily WHERE system_code = 'freight' AND field = 'trucks_out' AND day BETWEEN '2019-03-01' AND '2019-03-31'"));
    }

    [Fact]
    public async Task AReadingToARegister_IsRefusedBeforeAnythingIsWritten()
    {
        var system = (await _intake.Catalogue.FindAsync("cameras"))!;

        var e = await Assert.ThrowsAsync<ArgumentException>(() => _intake.SubmitAsync(system, SystemsPath.Readings, [], Sensor));

        Assert.Contains("is a register", e.Message);
    }
}
