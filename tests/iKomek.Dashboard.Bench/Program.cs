using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using IKomek.Dashboard.Bench;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Features.Appeals;
using Microsoft.Playwright;
using Npgsql;

// The live path, end to end, on a city you point it at (README "Benchmarks"):
//   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- --data /tmp/full [--seconds 20] [--clients 8]
// It starts the app (Release build) on that data folder, then measures intake throughput, the time from the API's
// 201 to the new number in an open Chromium panel, the live panel's server-side render and the explorer's first page.
//   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- rating --data /tmp/full-rating   (RatingBench)
//   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- systems-intake --data /tmp/ikomek-bench-systems   (SystemsIntakeBench)
//   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- alerts --data /tmp/ikomek-alerts   (AlertBench)
//   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- digests --data /tmp/full-digests   (DigestBench)
// The knowledge base's top-3 hit rate on held-out first-contact appeals (KnowledgeBench):
//   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- kb --data /tmp/full-kb [--seed 109] [--percent 20]
//   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- leader-alerts --data /tmp/ikomek-leader-alerts   (LeaderAlertBench)
// A city system's page with a year of readings (SystemsBench):
//   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- systems --data /tmp/systems [--covers 3000] [--every 10]
// A second city (or a US city's 311 export) brought in through its profile, mined, scored on its planted problems (OtherCityBench):
//   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- city2 --data /tmp/ikomek-city2 [--city second|us] [--size 5]
// The wall screen's first paint and the memory of open live panels (docs/benchmarks.md): see WallBench.
//   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- wall-paint | circuits [--url ... --app-pid ...]
if (args.Length > 0 && args[0] == "classify") return ClassifyBench.Run(args[1..]);
if (args.Length > 0 && args[0] == "wall-paint") return await WallBench.RunPaintAsync(args[1..]);
if (args.Length > 0 && args[0] == "circuits") return await WallBench.RunCircuitsAsync(args[1..]);
var options = BenchOptions.Parse(args);
if (args.FirstOrDefault() == "mine") return await MiningBench.RunAsync(options);
if (args.FirstOrDefault() == "card") return await CardBench.RunAsync(options);
if (args.FirstOrDefault() == "pages") return await PagesBench.RunAsync(options);
if (args.FirstOrDefault() == "rate-limits") return await RateLimitBench.RunAsync(options);
if (args.FirstOrDefault() == "rating") return await RatingBench.RunAsync(options, args);
if (args.FirstOrDefault() == "systems-intake") return await SystemsIntakeBench.RunAsync(options);
if (args.FirstOrDefault() == "search") return await SearchBench.RunAsync(options);
if (args.FirstOrDefault() == "alerts") return await AlertBench.RunAsync(options);
if (args.FirstOrDefault() == "leader-alerts") return await LeaderAlertBench.RunAsync(options);
if (args.FirstOrDefault() == "systems") return await SystemsBench.RunAsync(options, args);
if (args.FirstOrDefault() == "digests") return await DigestBench.RunAsync(options);
if (args.FirstOrDefault() == "city2") return await OtherCityBench.RunAsync(options, args);
if (args.FirstOrDefault() == "kb") return await KnowledgeBench.RunAsync(options, args);
// Background start-up work (a node's first mining run, the first topic model's training) is switched off: it would
// compete for the two cores with what is measured here. Both have their own benchmarks. The API's rate limits are
// lifted: this measures what the intake path can take, from one address with one key.
await using var app = await BenchApp.StartAsync(options.DataFolder, "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false",
    "--Open311:RateLimits:PerAddressPerMinute=10000000", "--Open311:RateLimits:PerKeyPerMinute=10000000");
Console.WriteLine($"App at {app.BaseUrl} on {options.DataFolder} ({await app.CountAppealsAsync():N0} appeals)");
await app.EnsureDemoApiClientAsync();
using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
var codes = JsonDocument.Parse(await http.GetStringAsync("/open311/v2/services.json")).RootElement.EnumerateArray()
    .Where(s => !s.GetProperty("metadata").GetBoolean()).Select(s => s.GetProperty("service_code").GetString()!).ToArray();

// 1. Live panel server-side render (prerendered GET /), warm.
for (var i = 0; i < 5; i++) await http.GetStringAsync("/");
var render = await Measure(40, async () => await http.GetStringAsync("/"));
Report("live panel server-side render (GET /)", render, "target p95 <= 100 ms");

// 2. Explorer first page for filter combinations.
await using var db = NpgsqlDataSource.Create(CityDatabase.WithoutJit(app.ConnectionString));
var explorer = new AppealsQueries(db);
var now = DateTime.UtcNow;
AppealFilter[] filters =
[
    new(now.AddDays(-30)), new(now.AddDays(-7), DistrictId: 3), new(now.AddDays(-30), AreaId: 1, Status: "closed"),
    new(now.AddDays(-90), ChannelId: 2), new(now.AddDays(-365), DistrictId: 1, AreaId: 3), new(null, Status: "in_progress"),
    new(now.AddDays(-30), Text: "отоплен"), new(now.AddDays(-365), Text: "лифт", DistrictId: 2), new(null),
    new(null, Text: "жылу жоқ"), new(now.AddDays(-365), Text: "lift"), new(null, Overdue: true, DepartmentId: 1),
    new(now.AddDays(-90), Duplicates: true, DistrictId: 4), new(now.AddDays(-365), ServiceTypeId: 40, Status: "closed"),
];
var explorerTimes = new List<double>();
var nextPageTimes = new List<double>();
var countTimes = new List<double>();
foreach (var f in filters)
{
    var first = await explorer.PageAsync(f, 0, 25, null, true, null);
    var t = await Measure(5, () => explorer.PageAsync(f, 0, 25, null, true, null));
    var next = first.Count == 0 ? [] : await Measure(5, () => explorer.PageAsync(f, 25, 25, null, true, new PageCursor(first[^1], false)));
    var count = await Measure(3, () => explorer.CountAsync(f));
    explorerTimes.AddRange(t);
    nextPageTimes.AddRange(next);
    countTimes.AddRange(count);
    Console.WriteLine($"    {Describe(f),-50} first page p95 {P(t, 95),7:N1} ms, next page p95 {(next.Count == 0 ? 0 : P(next, 95)),7:N1} ms, total (capped) p95 {P(count, 95),7:N1} ms");
}
Report("appeals explorer first page, all filter combinations", explorerTimes, "target p95 <= 150 ms");
// A search term without a column sort is what the explorer orders by relevance: those pages are measured on their own.
var rankedTimes = new List<double>();
foreach (var f in filters.Where(f => f.Text is not null))
{
    await explorer.PageAsync(f, 0, 25, AppealsQueries.Relevance, true, null);
    var t = await Measure(5, () => explorer.PageAsync(f, 0, 25, AppealsQueries.Relevance, true, null));
    var second = await Measure(5, () => explorer.PageAsync(f, 25, 25, AppealsQueries.Relevance, true, null));
    rankedTimes.AddRange(t);
    Console.WriteLine($"    {Describe(f),-50} by relevance: first page p95 {P(t, 95),7:N1} ms, second page p95 {P(second, 95),7:N1} ms");
}
Report("appeals explorer first page by relevance (searches)", rankedTimes, "target p95 <= 150 ms");
Report("appeals explorer next page (keyset)", nextPageTimes, "");
Report("appeals explorer total, counted after the page (capped at 10,000)", countTimes, "");

// 3. Intake throughput: concurrent clients posting for a fixed time.
var posted = 0;
var intakeLatencies = new List<double>();
var stop = DateTime.UtcNow.AddSeconds(options.Seconds);
var cpuBefore = app.CpuTimes();
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async client =>
{
    var rng = new Random(client);
    using var c = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
    while (DateTime.UtcNow < stop)
    {
        var sw = Stopwatch.StartNew();
        var response = await c.PostAsync("/open311/v2/requests.json", Appeal(rng, codes));
        sw.Stop();
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        Interlocked.Increment(ref posted);
        lock (intakeLatencies) intakeLatencies.Add(sw.Elapsed.TotalMilliseconds);
    }
}));
clock.Stop();
var cpuAfter = app.CpuTimes();
Console.WriteLine($"intake CPU per appeal: app {(cpuAfter.App - cpuBefore.App).TotalMilliseconds * 1000 / posted:N0} µs, " +
    $"PostgreSQL {(cpuAfter.Postgres - cpuBefore.Postgres).TotalMilliseconds * 1000 / posted:N0} µs, " +
    $"load generator {(cpuAfter.Bench - cpuBefore.Bench).TotalMilliseconds * 1000 / posted:N0} µs");
Console.WriteLine($"intake: {posted:N0} appeals in {clock.Elapsed.TotalSeconds:N1} s = {posted / clock.Elapsed.TotalSeconds:N0} appeals/s with {options.Clients} clients (target >= 1,000/s)");
Report("intake POST latency", intakeLatencies, "");

// 4. From the API's 201 to the new number in an open browser panel.
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium", Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
await page.GotoAsync(app.BaseUrl + "/");
await page.Locator(".city-layout[data-interactive=true]").WaitForAsync();
await page.Locator("[data-testid=live-today]").WaitForAsync(new() { Timeout = 60_000 });
await page.EvaluateAsync("""
    () => {
      window.changes = [];
      const el = document.querySelector('[data-testid=live-today]');
      new MutationObserver(() => window.changes.push({ at: Date.now(), text: el.innerText })).observe(el, { characterData: true, childList: true, subtree: true });
    }
    """);
var latencies = new List<double>();
var rng2 = new Random(7);
for (var i = 0; i < options.Samples; i++)
{
    var seen = await page.EvaluateAsync<int>("() => window.changes.length");
    var response = await http.PostAsync("/open311/v2/requests.json", Appeal(rng2, codes));
    var createdAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
    await page.WaitForFunctionAsync("n => window.changes.length > n", seen, new() { Timeout = 10_000 });
    var at = await page.EvaluateAsync<long>("n => window.changes[n].at", seen);
    latencies.Add(at - createdAt);
    await Task.Delay(700);
}
Report("API 201 -> new number in the open panel", latencies, "target p95 < 1,000 ms");
return 0;

static async Task<List<double>> Measure(int runs, Func<Task> action)
{
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        await action();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    return times;
}

static double P(IReadOnlyList<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static void Report(string what, IReadOnlyList<double> ms, string target) =>
    Console.WriteLine($"{what}: n={ms.Count} p50 {P(ms, 50):N1} ms, p95 {P(ms, 95):N1} ms, max {ms.Max():N1} ms {target}");

static string Describe(AppealFilter f) => string.Join(" ", new[]
{
    f.FromUtc is { } from ? $"{(DateTime.UtcNow - from).TotalDays:N0}d" : "all-time",
    f.DistrictId is { } d ? $"district={d}" : null, f.AreaId is { } a ? $"area={a}" : null, f.ChannelId is { } c ? $"channel={c}" : null,
    f.Status is { } s ? $"status={s}" : null, f.Text is { } t ? $"text='{t}'" : null, f.Overdue is true ? "overdue" : null,
    f.Duplicates is true ? "repeats" : null, f.DepartmentId is { } dep ? $"department={dep}" : null, f.ServiceTypeId is { } st ? $"type={st}" : null,
}.Where(x => x is not null));

static FormUrlEncodedContent Appeal(Random rng, string[] codes) => new(new Dictionary<string, string>
{
    ["api_key"] = "demo-astana-ikomek-109",
    ["service_code"] = codes[rng.Next(codes.Length)],
    ["lat"] = (51.08 + rng.NextDouble() * 0.12).ToString("0.00000", CultureInfo.InvariantCulture),
    ["long"] = (71.35 + rng.NextDouble() * 0.18).ToString("0.00000", CultureInfo.InvariantCulture),
    ["description"] = "Тестовое обращение нагрузочного прогона: нет воды в доме",
});
