using Dapper;
using IKomek.Dashboard.Features.Digests;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Database;
using Npgsql;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// A digest's contents and its e-mail on a city you point it at:
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- digests --data /tmp/full-digests [--samples 3]
/// It starts the app (scheduler off) for its database, then for each digest (morning, weekly, monthly) and scope (the
/// city, one department, one deputy's) times the contents' read and the e-mail with its workbook, each warm.
/// </summary>
public static class DigestBench
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var app = await BenchApp.StartAsync(options.DataFolder, "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false");
        await using var db = NpgsqlDataSource.Create(CityDatabase.WithoutJit(app.ConnectionString));
        var queries = new DigestQueries(db, new DeputyScopes(db), TimeProvider.System);
        var reference = await new CityReference(db, TimeProvider.System).GetAsync();
        Console.WriteLine($"City at {options.DataFolder}: {await app.CountAppealsAsync():N0} appeals");

        string head, deputy;
        await using (var conn = await db.OpenConnectionAsync())
        {
            head = await conn.ExecuteScalarAsync<string>("SELECT login FROM users WHERE role = 'department_head' AND department_id IS NOT NULL ORDER BY login LIMIT 1") ?? "";
            deputy = await conn.ExecuteScalarAsync<string>("SELECT login FROM users WHERE role = 'deputy' AND deputy_id IS NOT NULL ORDER BY login LIMIT 1") ?? "";
        }
        var today = new AstanaClock(TimeProvider.System).Today;
        foreach (var kind in DigestKinds.All)
        {
            foreach (var (name, login) in new[] { ("city", "akim"), ("department", head), ("deputy", deputy) })
            {
                var scope = await queries.ScopeOfAsync(login);
                var period = DigestPeriod.For(kind, today);
                var digest = await queries.GetAsync(period, scope);
                var read = new List<double>();
                var mail = new List<double>();
                for (var i = 0; i < options.Samples; i++)
                {
                    read.Add(await Timings.TimeAsync(async () => digest = await queries.GetAsync(period, scope)));
                    mail.Add(await Timings.TimeAsync(() =>
                    {
                        DigestMail.Compose(digest, "ru", "bench@astana.kz", "http://127.0.0.1:5080", reference);
                        return Task.CompletedTask;
                    }));
                }
                Console.WriteLine($"{kind}/{name}: {digest.Current.Received:N0} appeals received, {digest.Departments.Count} departments");
                Timings.Report($"  {kind} {name}: contents read", read);
                Timings.Report($"  {kind} {name}: e-mail and workbook composed", mail);
            }
        }
        return 0;
    }
}
