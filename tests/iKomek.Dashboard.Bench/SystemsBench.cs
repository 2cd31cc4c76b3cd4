using System.Globalization;
using Dapper;
using IKomek.Dashboard.Features.CitySystems.Panels;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Database;
using Npgsql;
using NpgsqlTypes;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// A city system's page, server time, with a year of readings (docs/benchmarks.md, "City system page"):
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- systems --data /tmp/systems [--covers 3000] [--every 10] [--samples 20]
/// It starts the app on the data folder (demo city on the first start), loads a year of manhole-cover readings by
/// binary COPY into the month partitions (every --every minutes for --covers covers), with their daily roll-ups, the
/// covers' latest values and a few hundred alerts, then times what the page reads (the map, the table's first page,
/// the trends, the alerts) and its server-side render (GET /systems/manholes). Run on a fresh data folder.
/// </summary>
public static class SystemsBench
{
    public static async Task<int> RunAsync(BenchOptions options, string[] args)
    {
        var covers = int.Parse(Option(args, "covers", "3000"), CultureInfo.InvariantCulture);
        var every = int.Parse(Option(args, "every", "10"), CultureInfo.InvariantCulture);
        await using var app = await BenchApp.StartAsync(options.DataFolder, "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false");
        // The load's statements run for minutes: no command timeout.
        await using var db = NpgsqlDataSource.Create(CityDatabase.WithoutJit(app.ConnectionString) + ";Command Timeout=0");
        var now = DateTime.UtcNow;
        await using (var conn = await db.OpenConnectionAsync())
        {
            if (!await conn.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM city_alert_rules WHERE code = 'bench.open')"))
            {
                // A load that stopped half-way leaves its rows: start again from none.
                await conn.ExecuteAsync("""
                    DELETE FROM city_alerts WHERE system_code = 'manholes'; TRUNCATE city_readings, city_reading_daily;
                    DELETE FROM city_objects WHERE system_code = 'manholes'
                    """);
                var started = DateTime.UtcNow;
                var rows = await LoadAsync(conn, covers, every, now);
                Console.WriteLine($"loaded {rows:N0} readings of {covers:N0} covers in {(DateTime.UtcNow - started).TotalSeconds:N0} s");
            }
            Console.WriteLine($"city_readings: {await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM city_readings"):N0} rows; load: {File.ReadAllText("/proc/loadavg").Trim()}");
        }

        var queries = new PanelsQueries(db, new AstanaClock(TimeProvider.System));
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        async Task PageReadsAsync()
        {
            var system = await queries.GetSystemAsync("manholes");
            await queries.GetFieldsAsync("manholes");
            await queries.GetMapAsync("manholes", ObjectFilter.None, districtsOnly: false);
            await queries.GetObjectsAsync("manholes", ObjectFilter.None, null);
            await queries.GetAlertsAsync("manholes");
            await queries.GetDailyAsync("manholes");
        }
        for (var i = 0; i < 3; i++)
        {
            await PageReadsAsync();
            await http.GetStringAsync("/systems/manholes");
        }
        var reads = new List<double>();
        var render = new List<double>();
        var objectPage = new List<double>();
        for (var i = 0; i < options.Samples; i++)
        {
            reads.Add(await Timings.TimeAsync(PageReadsAsync));
            render.Add(await Timings.TimeAsync(() => http.GetStringAsync("/systems/manholes")));
            objectPage.Add(await Timings.TimeAsync(() => http.GetStringAsync($"/systems/manholes/objects/MH-{i % covers:D5}")));
        }
        Timings.Report("system page reads (map, first page, trends, alerts)", reads);
        Timings.Report("system page server-side render (GET /systems/manholes)", render);
        Timings.Report("object page server-side render (its latest 200 readings)", objectPage);
        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static async Task<long> LoadAsync(NpgsqlConnection conn, int covers, int every, DateTime now)
    {
        var from = now.Date.AddDays(-365);
        for (var m = new DateTime(from.Year, from.Month, 1); m <= now; m = m.AddMonths(1))
            await conn.ExecuteAsync("SELECT city_readings_partition(@m::date)", new { m });
        await conn.ExecuteAsync("""
            INSERT INTO city_objects (system_code, source_id, name, district_id, lat, lon, attrs, last_vals, last_at, updated_at, updated_by)
            SELECT 'manholes', 'MH-' || lpad(i::text, 5, '0'), 'Люк ' || i, d.id, d.center_lat + ((i * 37) % 200 - 100) * 0.0004,
                   d.center_lon + ((i * 53) % 200 - 100) * 0.0006, '{"network":"sewer"}',
                   jsonb_build_object('state', CASE WHEN i % 500 = 0 THEN 'open' ELSE 'closed' END, 'tilt_deg', i % 9, 'battery_pct', 50 + i % 50),
                   @now, @now, 'bench'
            FROM generate_series(0, @covers - 1) i JOIN districts d ON d.id = (SELECT id FROM districts ORDER BY id OFFSET i % 5 LIMIT 1)
            """, new { covers, now });
        var ids = (await conn.QueryAsync<long>("SELECT id FROM city_objects WHERE system_code = 'manholes' ORDER BY id")).ToArray();
        long rows = 0;
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY city_readings (object_id, observed_at, system_code, vals, received_at) FROM STDIN (FORMAT BINARY)"))
        {
            var steps = (int)((now - from).TotalMinutes / every);
            for (var s = 0; s < steps; s++)
            {
                var at = from.AddMinutes(s * every);
                foreach (var id in ids)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync("manholes", NpgsqlDbType.Text);
                    await copy.WriteAsync($$"""{"state":"closed","tilt_deg":{{(id + s) % 9}},"battery_pct":{{90 - s * every / 10000}}}""", NpgsqlDbType.Jsonb);
                    await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                    rows++;
                }
            }
            await copy.CompleteAsync();
        }
        // The roll-ups the intake keeps in its transaction, made here in one pass; and alerts as the rules would open them.
        await conn.ExecuteAsync("""
            INSERT INTO city_reading_daily (system_code, day, district_id, field, n, sum, min, max)
            SELECT 'manholes', (r.observed_at AT TIME ZONE 'Asia/Almaty')::date, o.district_id, f, count(*), sum((r.vals ->> f)::float8),
                   min((r.vals ->> f)::float8), max((r.vals ->> f)::float8)
            FROM city_readings r JOIN city_objects o ON o.id = r.object_id CROSS JOIN unnest(ARRAY['tilt_deg', 'battery_pct']) f
            GROUP BY 2, 3, 4;
            INSERT INTO city_alert_rules (system_code, code, name_ru, name_kk, name_en, conditions, severity, updated_at, updated_by)
            VALUES ('manholes', 'bench.open', 'Люк открыт', 'Люк ашық', 'Cover open', '[{"field":"state","op":"eq","value":"open"}]', 'critical', @now, 'bench');
            INSERT INTO city_alerts (kind, rule_id, system_code, object_id, severity, opened_at, closed_at, district_id, lat, lon)
            SELECT 'rule', (SELECT id FROM city_alert_rules WHERE code = 'bench.open'), 'manholes', o.id, 'critical',
                   @now - make_interval(hours => (o.id % 1000)::int), CASE WHEN o.id % 10 = 0 THEN NULL ELSE @now - make_interval(hours => (o.id % 1000)::int) + interval '1 hour' END,
                   o.district_id, o.lat, o.lon
            FROM city_objects o WHERE o.system_code = 'manholes' AND o.id % 7 = 0;
            ANALYZE city_objects; ANALYZE city_alerts; ANALYZE city_reading_daily;
            """, new { now });
        return rows;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
