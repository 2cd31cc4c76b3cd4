using System.Diagnostics;
using Dapper;
using IKomek.Dashboard.Features.Ratings;
using Npgsql;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// The managers' rating job on a city you point it at:
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- rating --data /tmp/full-rating --samples 3 [--skip-full]
/// It starts the app with its scheduler off (migrations applied), then times: a full run (the appeal facts rebuilt from
/// every appeal, then the year computed and stored); the whole year computed again from the rollups (as when a day
/// begins); a run after a KPI is touched without changing; an incremental run after one appeal is closed; one after
/// 100 new appeals arrive. Each run's work is
/// printed beside its time. --skip-full leaves out the first (on a city whose facts are already built). The closing and the new appeals stay in that city (run it on a copy).
/// </summary>
public static class RatingBench
{
    public static async Task<int> RunAsync(BenchOptions options, string[] args)
    {
        await using var app = await BenchApp.StartAsync(options.DataFolder, "--City:Scheduler:Enabled=false");
        await using var db = NpgsqlDataSource.Create(app.ConnectionString + ";Command Timeout=900");
        var engine = new RatingEngine(db, TimeProvider.System);
        Console.WriteLine($"City at {options.DataFolder}: {await app.CountAppealsAsync():N0} appeals; load average {Load()}");

        if (!args.Contains("--skip-full")) await TimeAsync("full (facts rebuilt from every appeal, year computed)", () => engine.RecomputeAsync("bench"));
        await using var conn = await db.OpenConnectionAsync();
        for (var i = 0; i < options.Samples; i++)
        {
            // As when a day begins (and a KPI is touched, so the run has a change to follow): the whole year computed
            // from the rollups, what every incremental run did before 0048.
            await conn.ExecuteAsync("UPDATE rating_state SET as_of = NULL; UPDATE kpis SET weight = weight WHERE id = (SELECT min(id) FROM kpis)");
            await TimeAsync("whole year from the rollups (a day began)", () => engine.UpdateAsync("bench"));
        }
        for (var i = 0; i < options.Samples; i++)
        {
            await conn.ExecuteAsync("UPDATE kpis SET weight = weight WHERE id = (SELECT min(id) FROM kpis)");
            await TimeAsync("a KPI touched (its inputs as they were)", () => engine.UpdateAsync("bench"));
        }
        for (var i = 0; i < options.Samples; i++)
        {
            await conn.ExecuteAsync("""
                UPDATE appeals SET status = 'closed', resolved_at = now(), closed_at = now(), satisfaction = 4
                WHERE id = (SELECT id FROM appeals WHERE status IN ('assigned', 'in_progress') ORDER BY id DESC LIMIT 1)
                """);
            await TimeAsync("incremental (one appeal closed)", () => engine.UpdateAsync("bench"));
        }
        await conn.ExecuteAsync("""
            INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, organisation_id, department_id,
                                 citizen_id, language, description, address, lat, lon, status, sla_due_at)
            SELECT 'RBENCH-' || id || '-' || extract(epoch FROM now())::bigint, now(), channel_id, service_type_id, area_id, district_id,
                   organisation_id, department_id, citizen_id, language, description, address, lat, lon, 'registered', now() + interval '7 days'
            FROM appeals ORDER BY id DESC LIMIT 100
            """);
        await TimeAsync("incremental (100 new appeals)", () => engine.UpdateAsync("bench"));
        await TimeAsync("incremental (nothing new)", () => engine.UpdateAsync("bench"));
        Console.WriteLine($"load average {Load()}");
        return 0;
    }

    private static async Task TimeAsync(string what, Func<Task<RatingRun>> run)
    {
        // On a shared machine the wall time is mostly waiting for a core: the CPU this process spent is printed too
        // (PostgreSQL's own is not in it).
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var r = await run();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{what,-52} {sw.Elapsed.TotalSeconds,6:F2} s wall, {used.TotalSeconds,5:F2} s CPU here  ({r.AppealsTouched:N0} appeals refreshed, {r.Computed:N0} ratings computed, {r.Stored:N0} stored)");
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
