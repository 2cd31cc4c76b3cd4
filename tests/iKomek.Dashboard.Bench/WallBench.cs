using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// The wall screen in a real Chromium (Debian's /usr/bin/chromium, the flags of the browser tests), against an app
/// that is already running or one this program starts on a data folder (docs/benchmarks.md, "Wall first paint and
/// circuit memory"):
/// <code>
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- wall-paint [--url http://127.0.0.1:5080] [--path /?wall=1] [--runs 5]
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- circuits [--url ... --app-pid PID] [--counts 20,50] [--settle 30]
/// </code>
/// Without <c>--url</c> the app's Release build is started on <c>--data</c> (the demo city is seeded on its first start).
/// <c>--url</c> lets the same measurement run against another build, e.g. an older commit checked out elsewhere.
/// </summary>
public static class WallBench
{
    private static readonly string[] _chromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>
    /// Recorded in the page from the first byte of the document on (an init script): when the circuit is up, when the
    /// first chart is drawn, and when the whole panel is: every tile shows its value and every chart's svg.main-svg is
    /// in the document. Times are performance.now(), i.e. milliseconds from the navigation's start.
    /// </summary>
    private const string MarksScript = """
        (() => {
          const marks = window.__wallMarks = {};
          const full = () => {
            const values = [...document.querySelectorAll('.stat-value')];
            const charts = [...document.querySelectorAll('.plotly-chart')];
            return values.length >= 5 && values.every(v => v.textContent.trim().length > 0)
              && charts.length >= 2 && charts.every(c => c.querySelector('svg.main-svg'));
          };
          const check = () => {
            const t = performance.now();
            if (marks.tiles === undefined && document.querySelectorAll('.stat-value').length >= 5) marks.tiles = t;
            if (marks.interactive === undefined && document.querySelector('[data-interactive=true]')) marks.interactive = t;
            if (marks.firstChart === undefined && document.querySelector('.plotly-chart svg.main-svg')) marks.firstChart = t;
            if (marks.full === undefined && full()) marks.full = t;
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        })();
        """;

    private const string FullScript = "() => window.__wallMarks && window.__wallMarks.full !== undefined";

    private const string ResourcesScript = """
        () => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')].map(e => ({
          url: e.name, decoded: e.decodedBodySize, end: e.responseEnd
        }))
        """;

    public static async Task<int> RunPaintAsync(string[] args)
    {
        var runs = int.Parse(Option(args, "runs", "5"), CultureInfo.InvariantCulture);
        var path = Option(args, "path", "/?wall=1");
        await using var app = await ExternalOrStartedApp.OpenAsync(args);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        Console.WriteLine($"wall first paint: {app.BaseUrl}{path}, 1920x1080, {runs} runs; load: {Uptime()}");

        // One untimed visit: the app's first request after its start (JIT, first queries) is not what a wall sees.
        await using (var warm = await browser.NewContextAsync(ContextOptions(app.BaseUrl)))
        {
            var p = await warm.NewPageAsync();
            await p.AddInitScriptAsync(MarksScript);
            await p.GotoAsync(path);
            await p.WaitForFunctionAsync(FullScript, null, new() { Timeout = 120_000 });
        }

        var cold = new List<Marks>();
        var warmRuns = new List<Marks>();
        for (var i = 0; i < runs; i++)
        {
            // A new context is a new profile: empty HTTP cache, no cookies. The reload in it is the warm run.
            await using var context = await browser.NewContextAsync(ContextOptions(app.BaseUrl));
            var page = await context.NewPageAsync();
            await page.AddInitScriptAsync(MarksScript);
            var traffic = new Traffic(page);
            await page.GotoAsync(path);
            await page.WaitForFunctionAsync(FullScript, null, new() { Timeout = 60_000 });
            var c = await ReadMarksAsync(page, traffic);
            cold.Add(c);
            if (i == 0) PrintResources("cold run 1 (new profile)", c);

            traffic = new Traffic(page);
            await page.ReloadAsync();
            await page.WaitForFunctionAsync(FullScript, null, new() { Timeout = 60_000 });
            var w = await ReadMarksAsync(page, traffic);
            warmRuns.Add(w);
            if (i == 0) PrintResources("warm run 1 (reload; 304 = revalidated, 'cache' = not asked for)", w);
            Console.WriteLine($"  run {i + 1}: cold full {c.Full,6:N0} ms (tiles {c.Tiles:N0}, circuit {c.Interactive:N0}, first chart {c.FirstChart:N0}, {c.WireBytes / 1024.0:N0} KiB)" +
                $" | warm full {w.Full,6:N0} ms (circuit {w.Interactive:N0}, first chart {w.FirstChart:N0}, {w.WireBytes / 1024.0:N0} KiB)");
        }
        Summarise("cold (new profile)", cold, "target <= 2,000 ms");
        Summarise("warm (reload)", warmRuns, "target <= 1,000 ms");
        Console.WriteLine($"load after: {Uptime()}");
        return 0;
    }

    public static async Task<int> RunCircuitsAsync(string[] args)
    {
        var counts = Option(args, "counts", "20,50").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var settle = TimeSpan.FromSeconds(int.Parse(Option(args, "settle", "30"), CultureInfo.InvariantCulture));
        var wallPath = Option(args, "wall-path", "/wall");
        await using var app = await ExternalOrStartedApp.OpenAsync(args);
        using var playwright = await Playwright.CreateAsync();
        // Pages share a few renderer processes: the browser's memory, not the app's, is what would run out first on
        // the bench machine with a hundred pages open.
        await using var browser = await LaunchAsync(playwright, "--renderer-process-limit=8");
        Console.WriteLine($"circuit memory: {app.BaseUrl}, app pid {app.Pid}, panels alternate / and {wallPath}, settle {settle.TotalSeconds:N0} s; load: {Uptime()}");

        // Warm the app first (JIT, caches, the first queries) with two panels that are then closed: the baseline is an
        // app that has served the live panel, with no circuit open.
        var contexts = new List<IBrowserContext>();
        await using (var warm = await browser.NewContextAsync(ContextOptions(app.BaseUrl)))
        {
            foreach (var path in new[] { "/", wallPath }) await OpenPanelAsync(warm, path);
        }
        await Task.Delay(settle);
        var baseline = ReadMemory(app.Pid);
        Console.WriteLine($"  baseline (no circuit): RSS {baseline.RssMb:N1} MB, anonymous {baseline.AnonMb:N1} MB");

        var open = 0;
        var previous = (Count: 0, RssMb: baseline.RssMb);
        // Ten pages to a context, as a few wall screens and laptops would be; each page holds its own circuit.
        foreach (var target in counts)
        {
            var sw = Stopwatch.StartNew();
            while (open < target)
            {
                if (open % 10 == 0) contexts.Add(await browser.NewContextAsync(ContextOptions(app.BaseUrl)));
                await OpenPanelAsync(contexts[^1], open % 2 == 0 ? "/" : wallPath);
                open++;
            }
            var opened = sw.Elapsed;
            await Task.Delay(settle);
            var now = ReadMemory(app.Pid);
            var perCircuit = (now.RssMb - baseline.RssMb) / open;
            // The step since the previous count as well: the app's first circuits also grow its pools and GC heaps once.
            var marginal = (now.RssMb - previous.RssMb) / (open - previous.Count);
            var since = previous.Count;
            previous = (open, now.RssMb);
            Console.WriteLine($"  {open} circuits (opened in {opened.TotalSeconds:N0} s, then {settle.TotalSeconds:N0} s settle): RSS {now.RssMb:N1} MB " +
                $"(+{now.RssMb - baseline.RssMb:N1}), anonymous {now.AnonMb:N1} MB; {perCircuit:N2} MB per circuit ({marginal:N2} MB each from {since} to {open}); 1,000 circuits ~ " +
                $"{(baseline.RssMb + perCircuit * 1000) / 1024:N2} GiB RSS (aim <= 2 GiB); load: {Uptime()}");
        }
        foreach (var c in contexts) await c.CloseAsync();
        return 0;
    }

    private static async Task OpenPanelAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync(MarksScript);
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync(FullScript, null, new() { Timeout = 120_000 });
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright, params string[] extraArgs) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Headless = true,
        Args = [.. _chromiumArgs, .. extraArgs],
    });

    private static BrowserNewContextOptions ContextOptions(string baseUrl) => new()
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        Locale = "ru-RU",
        TimezoneId = "Asia/Almaty",
    };

    /// <summary>One response of a navigation: status, encoding, caching, bytes on the wire (headers and body as
    /// sent) and decoded, and when it was complete (ms from the navigation's start).</summary>
    private sealed record Resource(string Url, int Status, string Encoding, string CacheControl, double WireBytes, double Decoded, double End);

    private sealed record Marks(double Tiles, double Interactive, double FirstChart, double Full, IReadOnlyList<Resource> Resources, double SocketBytes)
    {
        public double WireBytes => Resources.Sum(r => r.WireBytes);
    }

    /// <summary>The responses and the WebSocket frames of one navigation, as Chromium reports them.</summary>
    private sealed class Traffic
    {
        private readonly List<IResponse> _responses = [];
        private long _socketBytes;
        private bool _stopped;

        public Traffic(IPage page)
        {
            page.Response += (_, r) => { lock (_responses) if (!_stopped) _responses.Add(r); };
            page.WebSocket += (_, ws) =>
            {
                ws.FrameReceived += (_, f) => { if (!_stopped) Interlocked.Add(ref _socketBytes, f.Binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(f.Text ?? "")); };
                ws.FrameSent += (_, f) => { if (!_stopped) Interlocked.Add(ref _socketBytes, f.Binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(f.Text ?? "")); };
            };
        }

        public long SocketBytes => Interlocked.Read(ref _socketBytes);

        public List<IResponse> Stop()
        {
            lock (_responses)
            {
                _stopped = true;
                return [.. _responses];
            }
        }
    }

    private static async Task<Marks> ReadMarksAsync(IPage page, Traffic traffic)
    {
        var m = await page.EvaluateAsync<Dictionary<string, double>>("() => window.__wallMarks");
        var json = await page.EvaluateAsync<JsonElement>(ResourcesScript);
        var timing = json.EnumerateArray().GroupBy(e => e.GetProperty("url").GetString()!)
            .ToDictionary(g => g.Key, g => (Decoded: g.Last().GetProperty("decoded").GetDouble(), End: g.Last().GetProperty("end").GetDouble()));
        var resources = new List<Resource>();
        foreach (var r in traffic.Stop())
        {
            if (r.Url.StartsWith("data:", StringComparison.Ordinal)) continue;
            var sizes = await r.Request.SizesAsync();
            var headers = r.Headers;
            var t = timing.GetValueOrDefault(r.Url);
            resources.Add(new Resource(r.Url, r.Status, headers.GetValueOrDefault("content-encoding", "-"), headers.GetValueOrDefault("cache-control", "-"),
                sizes.ResponseHeadersSize + sizes.ResponseBodySize, t.Decoded, t.End));
        }
        // What the page loaded without asking the server (memory or disk cache) shows in the timing only.
        foreach (var (url, t) in timing)
        {
            if (resources.All(r => r.Url != url)) resources.Add(new Resource(url, 0, "cache", "", 0, t.Decoded, t.End));
        }
        return new Marks(m.GetValueOrDefault("tiles"), m.GetValueOrDefault("interactive"), m.GetValueOrDefault("firstChart"), m["full"], resources, traffic.SocketBytes);
    }

    private static void PrintResources(string title, Marks marks)
    {
        Console.WriteLine($"  {title}, per resource:");
        foreach (var r in marks.Resources.OrderByDescending(r => Math.Max(r.Decoded, r.WireBytes)))
        {
            Console.WriteLine($"    {r.WireBytes / 1024.0,8:N1} KiB on the wire, {r.Decoded / 1024.0,8:N1} KiB decoded, done at {r.End,6:N0} ms  {r.Status,3} {r.Encoding,-8} {How(r.CacheControl),-36} {Short(r.Url)}");
        }
        Console.WriteLine($"    total: {marks.WireBytes / 1024.0:N1} KiB on the wire (headers included), {marks.Resources.Sum(r => r.Decoded) / 1024.0:N1} KiB decoded; " +
            $"the circuit's WebSocket: {marks.SocketBytes / 1024.0:N1} KiB up to the full paint");
    }

    private static string How(string s) => s.Length > 36 ? s[..36] : s;

    private static string Short(string url)
    {
        var u = new Uri(url);
        var s = u.PathAndQuery;
        return s.Length > 90 ? s[..90] : s;
    }

    private static void Summarise(string what, List<Marks> runs, string target)
    {
        static double Median(IEnumerable<double> v)
        {
            var s = v.Order().ToList();
            return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
        }
        Console.WriteLine($"{what}: full paint median {Median(runs.Select(r => r.Full)):N0} ms (min {runs.Min(r => r.Full):N0}, max {runs.Max(r => r.Full):N0}), " +
            $"tiles {Median(runs.Select(r => r.Tiles)):N0} ms, circuit up {Median(runs.Select(r => r.Interactive)):N0} ms, first chart {Median(runs.Select(r => r.FirstChart)):N0} ms, " +
            $"{Median(runs.Select(r => r.WireBytes)) / 1024.0:N0} KiB on the wire; {target}");
    }

    private static (double RssMb, double AnonMb) ReadMemory(int pid)
    {
        double Kb(string[] lines, string key) =>
            double.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return (Kb(status, "VmRSS:") / 1024, Kb(status, "RssAnon:") / 1024);
    }

    private static string Uptime() => File.ReadAllText("/proc/loadavg").Trim();

    public static string Option(string[] args, string name, string fallback) =>
        args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault() ?? fallback;

    /// <summary>The app to measure: one already running (<c>--url</c>, <c>--app-pid</c>) or this repository's Release
    /// build started on <c>--data</c> and stopped at the end.</summary>
    private sealed class ExternalOrStartedApp : IAsyncDisposable
    {
        private BenchApp? _started;

        public string BaseUrl { get; private init; } = "";
        public int Pid { get; private init; }

        public static async Task<ExternalOrStartedApp> OpenAsync(string[] args)
        {
            var url = Option(args, "url", "");
            if (url.Length > 0)
            {
                return new ExternalOrStartedApp { BaseUrl = url.TrimEnd('/'), Pid = int.Parse(Option(args, "app-pid", "0"), CultureInfo.InvariantCulture) };
            }
            var started = await BenchApp.StartAsync(Option(args, "data", "/tmp/ikomek-wall"), "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false");
            return new ExternalOrStartedApp { BaseUrl = started.BaseUrl, Pid = started.ProcessId, _started = started };
        }

        public async ValueTask DisposeAsync()
        {
            if (_started is not null) await _started.DisposeAsync();
        }
    }
}
