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
                card.Add(await Timings.TimeAsync(() => queries.GetCardAsync(code)));
                site.Add(await Timings.TimeAsync(async () => nearTotal += (await queries.GetSiteAppealsAsync(id)).Total));
                render.Add(await Timings.TimeAsync(() => http.GetStringAsync($"/projects/{code}")));
            }
        }
        Console.WriteLine($"{projects.Count} projects, {nearTotal / 3.0 / projects.Count:N0} appeals near a site on average");
        Timings.Report("card read (one round trip)", card);
        Timings.Report("appeals near the site (latest 50 + months)", site);
        Timings.Report("card server-side render (GET /projects/{code})", render);
        return 0;
    }
}
