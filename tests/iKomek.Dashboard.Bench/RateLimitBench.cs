using System.Diagnostics;
using IKomek.Dashboard.Platform.RateLimits;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// The cost of one rate-limit decision on the shared counters (docs/benchmarks.md, "Rate limits"):
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- rate-limits --data /tmp/ikomek-bench-limits [--clients 8] [--samples 5000]
/// It starts the app on that data folder (an empty city is enough: --City:SeedDemoCity=false on a new folder) for its
/// PostgreSQL, then times decisions that reach the database (each a new bucket, as the first request of an address; and
/// one hot bucket, as one API key's requests from all clients), one client after another and several at once, and
/// the refusals a node answers from its memory.
/// </summary>
public static class RateLimitBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var app = await BenchApp.StartAsync(options.DataFolder, "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false", "--City:SeedDemoCity=false");
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        var counters = new RateCounters(db, TimeProvider.System, NullLogger<RateCounters>.Instance);
        var minute = TimeSpan.FromMinutes(1);
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 200; i++) await counters.TakeAsync($"warm-{run}-{i}", 1_000_000, minute, default);

        var fresh = new List<double>();
        for (var i = 0; i < options.Samples; i++)
        {
            var bucket = $"fresh-{run}-{i}";
            fresh.Add(await Timings.TimeAsync(async () => await counters.TakeAsync(bucket, 1_000_000, minute, default)));
        }
        Timings.Report("decision in the database, one client, a new bucket each", fresh);

        var hot = new List<double>();
        for (var i = 0; i < options.Samples; i++) hot.Add(await Timings.TimeAsync(async () => await counters.TakeAsync($"hot-{run}", 1_000_000, minute, default)));
        Timings.Report("decision in the database, one client, one hot bucket", hot);

        foreach (var shared in new[] { false, true })
        {
            var latencies = new List<double>();
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
            {
                var mine = new List<double>();
                for (var i = 0; i < options.Samples / options.Clients; i++)
                {
                    var bucket = shared ? $"hot-all-{run}" : $"spread-{run}-{client}-{i}";
                    mine.Add(await Timings.TimeAsync(async () => await counters.TakeAsync(bucket, 1_000_000, minute, default)));
                }
                lock (latencies) latencies.AddRange(mine);
            })));
            Timings.Report($"decision in the database, {options.Clients} clients at once, {(shared ? "one hot bucket" : "a new bucket each")}", latencies);
            Console.WriteLine($"    throughput {latencies.Count / wall.Elapsed.TotalSeconds:N0} decisions/s");
        }

        // Over its limit on this node: refused from memory, no database write.
        await counters.TakeAsync($"over-{run}", 1, minute, default);
        await counters.TakeAsync($"over-{run}", 1, minute, default);
        var refused = Stopwatch.StartNew();
        for (var i = 0; i < options.Samples * 10; i++) await counters.TakeAsync($"over-{run}", 1, minute, default);
        Console.WriteLine($"refusal from the node's memory: {refused.Elapsed.TotalMilliseconds * 1000 / (options.Samples * 10):N2} µs each");
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }
}
