using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using IKomek.Dashboard.Features.CitySystems.Intake;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using Npgsql;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// The city systems' readings intake (docs/benchmarks.md, "City systems intake"):
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- systems-intake --data /tmp/ikomek-bench-systems [--seconds 20] [--clients 4] [--samples 1000]
/// It starts the app on that data folder (a new folder gets a small demo city: the districts the readings are placed in),
/// then sends GPS readings (each with its place, so each is checked and placed in a district) in batches of --samples
/// for --seconds from --clients at once: first through the checks and the writer in this process (the writer's group
/// commit on the app's database), then as POST /api/systems/gps/readings to the running app. Readings per second are
/// the readings stored, each a new one (no duplicates).
/// </summary>
public static class SystemsIntakeBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var app = await BenchApp.StartAsync(options.DataFolder, "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false",
            "--City:DemoScale=0.01", "--City:DemoYears=1", "--City:Systems:Intake:PerKeyPerMinute=10000000");
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        var batch = Math.Max(1, options.Samples);
        var run = Guid.NewGuid().ToString("N")[..6];
        var start = DateTimeOffset.UtcNow.AddDays(-20);

        // 1. The checks and the writer, in process.
        var time = TimeProvider.System;
        await using var writer = new SystemsWriter(db, time);
        var intake = new SystemsIntake(new SystemCatalogue(db, time), new CityReference(db, time), writer, time);
        var gps = (await intake.Catalogue.FindAsync("gps"))!;
        await Measure($"writer (checks + group commit), {options.Clients} clients, batches of {batch}", options, async (client, round) =>
        {
            using var doc = JsonDocument.Parse(Body($"w{run}", client, round, batch, start));
            var result = await intake.SubmitAsync(gps, SystemsPath.Readings, doc.RootElement.GetProperty("items").EnumerateArray().ToList(), Actor.Job("bench"));
            if (result.Rejected.Count > 0) throw new InvalidOperationException(result.Rejected[0].Description);
            return result.Accepted;
        });

        // 2. The HTTP API of the running app.
        var key = (await SystemSources.IssueAsync(db, "gps", "bench " + run, Actor.Console("bench"))).Key;
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        await Measure($"HTTP API POST /api/systems/gps/readings, {options.Clients} clients, batches of {batch}", options, async (client, round) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/systems/gps/readings")
            {
                Content = new StringContent(Body($"h{run}", client, round, batch, start), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(SystemsApi.KeyHeader, key);
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32();
        });
        Console.WriteLine($"load (uptime): {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    /// <summary>A batch of GPS readings: 50 vehicles per client, each round a new moment for each.</summary>
    private static string Body(string prefix, int client, int round, int batch, DateTimeOffset start)
    {
        var sb = new StringBuilder(batch * 170).Append("{\"items\":[");
        for (var i = 0; i < batch; i++)
        {
            var vehicle = i % 50;
            var at = start.AddSeconds((long)round * (batch / 50 + 1) + i / 50).ToOffset(TimeSpan.FromHours(5));
            var (lat, lon) = (51.10 + vehicle * 0.002 + (i % 7) * 0.0001, 71.40 + (round % 100) * 0.001);
            if (i > 0) sb.Append(',');
            sb.Append(CultureInfo.InvariantCulture, $$$"""{"source_id":"{{{prefix}}}-{{{client}}}-{{{vehicle}}}","observed_at":"{{{at:yyyy-MM-ddTHH:mm:sszzz}}}","lat":{{{lat:F5}}},"lon":{{{lon:F5}}},"values":{"speed_kmh":{{{(i % 40):D}}},"is_working":true}}""");
        }
        return sb.Append("]}").ToString();
    }

    private static async Task Measure(string what, BenchOptions options, Func<int, int, Task<int>> send)
    {
        for (var c = 0; c < options.Clients; c++) await send(c, -1 - c);     // warm: the partition, the plans, the connections
        var stored = 0L;
        var rounds = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
        {
            for (var round = 0; stop.Elapsed.TotalSeconds < options.Seconds; round++)
            {
                Interlocked.Add(ref stored, await send(client, round));
                Interlocked.Increment(ref rounds);
            }
        })));
        var seconds = stop.Elapsed.TotalSeconds;
        Console.WriteLine($"{what}: {stored:N0} readings stored in {seconds:N1} s = {stored / seconds:N0} readings/s ({rounds} batches)");
    }
}
