using System.Diagnostics;
using Dapper;
using IKomek.Dashboard.Features.Live;
using IKomek.Dashboard.Platform.City;
using Npgsql;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// From a reading to the live panel: how long after a manhole sensor's "open" reading commits its alert is in the
/// live panel's snapshot (the panel's read, LiveQueries, which every open panel reloads on the alert's change).
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- alerts --data /tmp/ikomek-alerts [--samples 40]
/// It starts the app (Release, scheduler off: the evaluator runs on the change feed alone) on that data folder (a small
/// demo city seeded on a first start), adds a few manhole covers, then for each sample writes a reading as the intake
/// does (the object's last_vals and change_seq, a 'systems' change row and NOTIFY, one transaction), and times until the
/// snapshot holds the cover's alert. The cover is closed again (and its alert seen closed) before the next sample.
/// An open panel adds its own coalescing (at most 300 ms, none after a quiet spell) and its render to this.
/// </summary>
public static class AlertBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var app = await BenchApp.StartAsync(options.DataFolder, "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false",
            "--City:DemoScale=0.02", "--City:DemoYears=1");   // the city seeded on a first start: small, the path measured does not read appeals
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        var live = new LiveQueries(db, new AstanaClock(TimeProvider.System));
        Console.WriteLine($"City at {options.DataFolder}: {await app.CountAppealsAsync():N0} appeals; load average {Load()}");

        await using var conn = await db.OpenConnectionAsync();
        var covers = (await conn.QueryAsync<long>("""
            INSERT INTO city_objects (system_code, source_id, name, district_id, lat, lon, attrs, last_vals, last_at, updated_at, updated_by)
            SELECT 'manholes', 'bench-' || g || '-' || extract(epoch FROM now())::bigint, 'Bench ' || g, d.id, 51.10 + g * 0.001, 71.40, '{}',
                   '{"state": "closed", "tilt_deg": 0}', now(), now(), 'bench'
            FROM generate_series(1, 8) g, (SELECT min(id) AS id FROM districts) d
            RETURNING id
            """)).AsList();

        var opened = new List<double>();
        var closed = new List<double>();
        for (var i = 0; i < options.Samples; i++)
        {
            var cover = covers[i % covers.Count];
            var name = await conn.ExecuteScalarAsync<string>("SELECT name FROM city_objects WHERE id = @cover", new { cover });
            opened.Add(await UntilAsync(conn, cover, """{"state": "open", "tilt_deg": 0}""", live, s => s.Any(a => a.ObjectName == name)));
            closed.Add(await UntilAsync(conn, cover, """{"state": "closed", "tilt_deg": 0}""", live, s => s.All(a => a.ObjectName != name)));
        }
        Timings.Report("reading committed -> alert in the live panel's snapshot", opened);
        Timings.Report("reading committed -> alert gone from the snapshot", closed);
        Console.WriteLine($"load average {Load()}");
        await conn.ExecuteAsync("UPDATE city_objects SET last_vals = '{\"state\": \"closed\", \"tilt_deg\": 0}' WHERE id = ANY(@covers)", new { covers });
        return 0;
    }

    /// <summary>Writes the reading as the intake does and polls the snapshot every 20 ms until it shows it.</summary>
    private static async Task<double> UntilAsync(NpgsqlConnection conn, long cover, string vals, LiveQueries live,
        Func<IReadOnlyList<SystemIncident>, bool> shown)
    {
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await conn.ExecuteAsync("""
                WITH o AS (
                    UPDATE city_objects SET last_vals = @vals::jsonb, last_at = now(), updated_at = now(), change_seq = nextval('city_object_changes')
                    WHERE id = @cover RETURNING change_seq
                ), c AS (
                    INSERT INTO appeal_changes (kind, rows, first_id, last_id, critical)
                    SELECT 'systems', 1, change_seq, change_seq, 0 FROM o RETURNING id, first_id
                )
                SELECT pg_notify('city_changes', json_build_object('id', id, 'kind', 'systems', 'rows', 1, 'first_id', first_id,
                                 'last_id', first_id, 'critical', 0)::text) FROM c
                """, new { cover, vals }, tx);
            await tx.CommitAsync();
        }
        var sw = Stopwatch.StartNew();
        while (!shown((await live.GetSnapshotAsync()).SystemIncidents ?? []))
        {
            if (sw.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("the alert did not reach the snapshot in 30 s");
            await Task.Delay(20);
        }
        return sw.Elapsed.TotalMilliseconds;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
