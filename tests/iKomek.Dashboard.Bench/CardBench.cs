using System.Diagnostics;
using Dapper;
using IKomek.Dashboard.Features.Projects.Card;
using IKomek.Dashboard.Platform.Database;
using Npgsql;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// The project card's server time on a city you point it at:
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- card --data /tmp/full [--samples 40]
/// It starts the app (scheduler off), then for a spread of projects times the card's two reads (the card in one round
/// trip, the appeals near the site) and the card's server-side render (GET /projects/{code}), each warm.
/// </summary>
public static class CardBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var app = await BenchApp.StartAsync(options.DataFolder, "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false");
        await using var db = NpgsqlDataSource.Create(CityDatabase.WithoutJit(app.ConnectionString));
        var queries = new ProjectCardQueries(db);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        Console.WriteLine($"City at {options.DataFolder}: {await app.CountAppealsAsync():N0} appeals");

        List<(int Id, string Code)> projects;
        await using (var conn = await db.OpenConnectionAsync())
            projects = (await conn.QueryAsync<(int, string)>(
                "SELECT id, code FROM projects WHERE lat IS NOT NULL ORDER BY id % 7, id LIMIT @n", new { n = options.Samples })).AsList();

        var card = new List<double>();
        var site = new List<double>();
        var render = new List<double>();
        long nearTotal = 0;
        foreach (var (id, code) in projects)
        {
            await queries.GetCardAsync(code);
            await queries.GetSiteAppealsAsync(id);
            await http.GetStringAsync($"/projects/{code}");
            for (var run = 0; run < 3; run++)
            {
                card.Add(await TimeAsync(() => queries.GetCardAsync(code)));
                site.Add(await TimeAsync(async () => nearTotal += (await queries.GetSiteAppealsAsync(id)).Total));
                render.Add(await TimeAsync(() => http.GetStringAsync($"/projects/{code}")));
            }
        }
        Console.WriteLine($"{projects.Count} projects, {nearTotal / 3.0 / projects.Count:N0} appeals near a site on average");
        Report("card read (one round trip)", card);
        Report("appeals near the site (latest 50 + months)", site);
        Report("card server-side render (GET /projects/{code})", render);
        return 0;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        await action();
        return sw.Elapsed.TotalMilliseconds;
    }

    private static void Report(string what, List<double> ms)
    {
        var sorted = ms.Order().ToList();
        double P(int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
        Console.WriteLine($"{what}: n={ms.Count} p50 {P(50):N1} ms, p95 {P(95):N1} ms, max {sorted[^1]:N1} ms");
    }
}
