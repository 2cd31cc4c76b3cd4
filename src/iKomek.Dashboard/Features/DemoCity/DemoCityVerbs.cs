using System.Globalization;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Cli;
using IKomek.Dashboard.Platform.Database;
using static IKomek.Dashboard.Platform.Cli.VerbFlags;

namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>The demo city's verbs: <c>seed</c> generates a city, <c>simulate</c> streams appeals into a running panel.</summary>
public static class DemoCityVerbs
{
    public static async Task<int> SeedAsync(CityDatabase city, Dictionary<string, string?> flags, ILogger log, CancellationToken ct)
    {
        var scale = Get(flags, "scale", 0.05, double.Parse);
        var years = Get(flags, "years", 3, int.Parse);
        var seed = Get(flags, "seed", 109, int.Parse);
        DateOnly? endDate = flags.TryGetValue("end-date", out var end) && end is not null
            ? DateOnly.ParseExact(end, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        if (scale is <= 0 or > 5) throw new ArgumentException("--scale must be above 0 and at most 5");
        if (years is < 1 or > 10) throw new ArgumentException("--years must be from 1 to 10");

        var dataSource = city.DataSource;
        if (flags.ContainsKey("reset"))
        {
            await CityDatabase.RecreateDatabaseAsync(dataSource.ConnectionString, ct);
        }
        await new Migrator(dataSource, Migrator.DefaultSqlFolder, log).MigrateAsync(ct);
        if (await city.HasCityAsync(ct))
        {
            Console.Error.WriteLine("error: the database already holds a city. Pass --reset to replace it.");
            return 2;
        }
        var result = await DemoCityGenerator.SeedAsync(dataSource, new DemoCityOptions(seed, scale, years, endDate),
            new Progress<string>(Console.WriteLine), ct);
        Console.WriteLine($"Seeded {result.Appeals:N0} appeals and {result.Events:N0} status events in {result.Elapsed.TotalSeconds:F1} s " +
                          $"({result.Appeals / Math.Max(result.Elapsed.TotalSeconds, 0.001):N0} appeals/s).");
        return 0;
    }

    public static async Task<int> SimulateAsync(CityDatabase city, Dictionary<string, string?> flags, TimeProvider time, CancellationToken ct)
    {
        var rate = Get(flags, "rate", 0.5, double.Parse);
        var minutes = Get(flags, "minutes", 60.0, double.Parse);
        var scenario = (flags.GetValueOrDefault("scenario") ?? "calm") switch
        {
            "calm" => SimulatedScenario.Calm,
            "storm" => SimulatedScenario.Storm,
            "heating" => SimulatedScenario.HeatingFailure,
            var other => throw new ArgumentException($"--scenario '{other}' is not one of calm, storm, heating"),
        };
        if (rate is <= 0 or > 5000) throw new ArgumentException("--rate must be above 0 and at most 5000 appeals per second");
        // The current topic model, when there is one, records its suggestions as the web app's intake does.
        var classifier = new TrainedAppealClassifier();
        if (await new ClassificationQueries(city.DataSource).LoadCurrentAsync(ct) is { } model) classifier.Use(model);
        var intake = new AppealIntake(city.DataSource, classifier, new RoutingTable(city.DataSource, time), new CityReference(city.DataSource, time), time);
        Console.WriteLine($"Streaming a {scenario} city at {rate} appeals/s for {minutes} min; Ctrl+C stops.");
        var sent = await new LiveSimulator(city.DataSource, intake, time).RunAsync(scenario, rate, TimeSpan.FromMinutes(minutes),
            r => Console.WriteLine($"{new AstanaClock(time).Now:HH:mm:ss} {r.RegNumber}{(r.DuplicateOf is null ? "" : " (duplicate)")}"), ct);
        Console.WriteLine($"Sent {sent:N0} appeals.");
        return 0;
    }
}
