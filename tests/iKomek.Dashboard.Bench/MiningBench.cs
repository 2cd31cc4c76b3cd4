using System.Diagnostics;
using Dapper;
using IKomek.Dashboard.Features.SystemicProblems;
using Npgsql;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// The systemic-problem mining on a city you point it at:
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- mine --data /tmp/full-mining [--new 5000]
/// It starts the app with its scheduler off (migrations applied), times a full run, scores the top 50 against the
/// planted ground truth, adds new appeals (copies of recent ones, stamped within the last hour) and times the
/// incremental run that follows, then an incremental run with nothing new. The added appeals stay in that city (run it on a copy).
/// </summary>
public static class MiningBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var app = await BenchApp.StartAsync(options.DataFolder, "--City:Scheduler:Enabled=false");
        await using var db = NpgsqlDataSource.Create(app.ConnectionString + ";Command Timeout=900");
        var mining = new SystemicMining(db, TimeProvider.System);
        Console.WriteLine($"City at {options.DataFolder}: {await app.CountAppealsAsync():N0} appeals");

        var full = await mining.RunAsync(full: true);
        Print(full);
        var figures = await mining.EvaluateAgainstPlantedAsync(50);
        Console.WriteLine($"planted problems: recall@50 {figures.Recall:F2} ({figures.Found} of {figures.Planted}), " +
                          $"precision@50 {figures.Precision:F2} ({figures.TopMatching} of {figures.TopCount})");

        await using (var conn = await db.OpenConnectionAsync())
        {
            var sw = Stopwatch.StartNew();
            var added = await conn.ExecuteAsync("""
                INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, organisation_id, department_id,
                                     citizen_id, language, description, address, lat, lon, status, sla_due_at)
                SELECT 'BENCH-' || id || '-' || extract(epoch FROM now())::bigint, now() - random() * interval '1 hour', channel_id, service_type_id, area_id, district_id, organisation_id,
                       department_id, citizen_id, language, description, address, lat, lon, 'registered', now() + interval '7 days'
                FROM appeals WHERE reg_number NOT LIKE 'BENCH-%' ORDER BY id DESC LIMIT @n
                """, new { n = options.NewAppeals });
            Console.WriteLine($"added {added:N0} new appeals in {sw.Elapsed.TotalSeconds:F1} s");
        }
        Print(await mining.RunAsync(full: false));
        Print(await mining.RunAsync(full: false));
        return 0;
    }

    private static void Print(MiningResult r) => Console.WriteLine(
        $"{(r.Full ? "full" : "incremental"),-12} mining: {r.Elapsed.TotalSeconds,6:F1} s  ({r.TouchedGroups:N0} {(r.Full ? "weekly counts" : "groups touched")}, {r.Candidates:N0} candidates, {r.Problems:N0} current problems)");
}
