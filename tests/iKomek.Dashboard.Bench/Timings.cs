using System.Diagnostics;

namespace IKomek.Dashboard.Bench;

/// <summary>Wall-clock timing of one call and the p50 / p95 / max line the page benches print.</summary>
public static class Timings
{
    public static async Task<double> TimeAsync(Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        await action();
        return sw.Elapsed.TotalMilliseconds;
    }

    public static void Report(string what, List<double> ms)
    {
        var sorted = ms.Order().ToList();
        double P(int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
        Console.WriteLine($"{what}: n={ms.Count} p50 {P(50):N1} ms, p95 {P(95):N1} ms, max {sorted[^1]:N1} ms");
    }
}
