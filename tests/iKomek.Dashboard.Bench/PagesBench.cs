using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Features.Projects;
using IKomek.Dashboard.Platform.Database;
using Npgsql;


namespace IKomek.Dashboard.Bench;

/// <summary>
/// The server time of the project office's and the KPIs' pages on a city you point it at:
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- pages --data /tmp/full [--samples 20]
/// It starts the app (scheduler off), signs in as the role each page is for, and times each page's server-side render
/// (a GET of the prerendered page, warm), then the one read a page makes after it is drawn (the complaints near sites).
/// </summary>
public static class PagesBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var app = await BenchApp.StartAsync(options.DataFolder, "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false");
        await using var db = NpgsqlDataSource.Create(CityDatabase.WithoutJit(app.ConnectionString));
        Console.WriteLine($"City at {options.DataFolder}: {await app.CountAppealsAsync():N0} appeals");

        string project, deputy, department;
        await using (var conn = await db.OpenConnectionAsync())
        {
            project = await conn.QuerySingleAsync<string>("SELECT code FROM projects WHERE status = 'active' ORDER BY id LIMIT 1");
            deputy = await conn.QuerySingleAsync<string>("SELECT code FROM deputies ORDER BY id LIMIT 1");
            department = await conn.QuerySingleAsync<string>("SELECT code FROM departments ORDER BY id LIMIT 1");
        }

        using var anonymous = new PanelHttpClient(app.BaseUrl);
        using var office = await SignedInAsync(app.BaseUrl, "project.office");
        using var planning = await SignedInAsync(app.BaseUrl, "planning.office");
        (string Page, PanelHttpClient As)[] pages =
        [
            ("/projects", anonymous),
            ($"/projects/{project}", anonymous),
            ($"/projects/deputy/{deputy}", office),
            ("/projects/risks", office),
            ("/projects/meetings", office),
            ($"/projects/{project}/edit", office),
            ("/open/projects", anonymous),
            ("/open/projects.json", anonymous),
            ("/kpis", anonymous),
            ($"/kpis?department={department}", anonymous),
            ("/kpis/entry", planning),
        ];
        foreach (var (page, client) in pages)
        {
            for (var i = 0; i < 3; i++) await client.GetAsync(page);
            var ms = new List<double>();
            for (var i = 0; i < options.Samples; i++) ms.Add(await Timings.TimeAsync(() => client.GetAsync(page)));
            Timings.Report($"GET {page}", ms);
        }

        // Read after the portfolio is drawn and cached on the node for minutes: timed uncached here.
        var portfolio = new PortfolioQueries(db, TimeProvider.System);
        var rises = new List<double>();
        for (var i = 0; i < 3; i++) rises.Add(await Timings.TimeAsync(() => portfolio.GetComplaintRisesAsync(new ComplaintRiseRule())));
        Timings.Report("complaints near sites (the portfolio's after-render read, uncached)", rises);
        return 0;
    }

    private static async Task<PanelHttpClient> SignedInAsync(string baseUrl, string login)
    {
        var client = new PanelHttpClient(baseUrl);
        if (await client.SignInAsync(login, DemoAccounts.Passwords[login]) is { } refused) throw new InvalidOperationException($"{login}: {refused}");
        return client;
    }
}
