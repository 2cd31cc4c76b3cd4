using System.Globalization;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Features.Accounts;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Hosting;

/// <summary>
/// Command-line verbs of the app (<c>dotnet run --project src/iKomek.Dashboard -- VERB ...</c>). They use the same
/// configuration as the web app: ConnectionStrings:City, or the app's own PostgreSQL in the data folder.
/// </summary>
public static class Cli
{
    private const string Usage = """
        Verbs:
          seed [--scale 0.05] [--years 3] [--seed 109] [--end-date yyyy-MM-dd] [--reset]
                 generate the demo city (scale 1 = 4.6M appeals over three years); --reset replaces an existing city
          simulate [--rate 0.5] [--minutes 60] [--scenario calm|storm|heating]
                 stream realistic appeals through the intake path (appeals per second); Ctrl+C stops
          migrate
                 apply the migrations in sql/ and exit
          mine [--full]
                 mine systemic problems now (incremental: appeals since the last run; --full: recount all)
        """ + "\n" + Features.Import.ImportCommand.Usage + "\n" + ClassificationCli.Usage + "\n" + UserCommand.Usage + "\n" + """
        Without a verb the web app starts.
        """;

    private static readonly string[] Verbs = ["seed", "simulate", "migrate", "import", "mine", "help", "--help", .. ClassificationCli.Verbs, .. UserCommand.Verbs];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[0] is "help" or "--help")
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var builder = WebApplication.CreateBuilder(args.Skip(1).Where(a => a.StartsWith("--ConnectionStrings", StringComparison.Ordinal) || a.StartsWith("--City", StringComparison.Ordinal)).ToArray());
        var options = builder.Configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
        using var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole(c => c.SingleLine = true));
        var log = loggerFactory.CreateLogger("iKomek");
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };

        try
        {
            // import and the user verbs take a positional argument and read their own options.
            var flags = args[0] == "import" || UserCommand.Verbs.Contains(args[0]) ? new Dictionary<string, string?>() : ParseFlags(args.Skip(1));
            if (ClassificationCli.Verbs.Contains(args[0]))
            {
                // These verbs open the database only when they need it (no --model, or --save-to-db).
                return await ClassificationCli.RunAsync(args[0], flags, Console.Out, async ct =>
                {
                    var db = await CityDatabase.OpenAsync(builder.Configuration.GetConnectionString("City"), options, builder.Environment.ContentRootPath, log, ct, beside: true);
                    await new Migrator(db.DataSource, Migrator.DefaultSqlFolder, log).MigrateAsync(ct);
                    return (db.DataSource, db);
                }, cts.Token);
            }
            await using var city = await CityDatabase.OpenAsync(builder.Configuration.GetConnectionString("City"), options, builder.Environment.ContentRootPath, log, cts.Token, beside: true);
            switch (args[0])
            {
                case "migrate":
                    await new Migrator(city.DataSource, Migrator.DefaultSqlFolder, log).MigrateAsync(cts.Token);
                    return 0;
                case "seed":
                    return await SeedAsync(city, flags, log, cts.Token);
                case "mine":
                    await new Migrator(city.DataSource, Migrator.DefaultSqlFolder, log).MigrateAsync(cts.Token);
                    return await MineAsync(city, flags, cts.Token);
                case "simulate":
                    await new Migrator(city.DataSource, Migrator.DefaultSqlFolder, log).MigrateAsync(cts.Token);
                    return await SimulateAsync(city, flags, CityClock.Create(options), cts.Token);
                case "import":
                    await new Migrator(city.DataSource, Migrator.DefaultSqlFolder, log).MigrateAsync(cts.Token);
                    return await Features.Import.ImportCommand.RunAsync(city.DataSource, args[1..], cts.Token);
                case "user-add" or "user-disable":
                    await new Migrator(city.DataSource, Migrator.DefaultSqlFolder, log).MigrateAsync(cts.Token);
                    return await UserCommand.RunAsync(city.DataSource, args[0], args[1..], Console.In, !Console.IsInputRedirected, Console.Out, cts.Token);
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or MigrationChecksumException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        return 1;
    }

    private static async Task<int> SeedAsync(CityDatabase city, Dictionary<string, string?> flags, ILogger log, CancellationToken ct)
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

    private static async Task<int> MineAsync(CityDatabase city, Dictionary<string, string?> flags, CancellationToken ct)
    {
        var mining = new SystemicMining(city.DataSource, TimeProvider.System);
        var r = await mining.RunAsync(flags.ContainsKey("full"), ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(r.Full ? "Full" : "Incremental")} mining: {r.TouchedGroups:N0} {(r.Full ? "weekly counts" : "groups touched")}, {r.Candidates:N0} candidates, {r.Problems:N0} current problems in {r.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static async Task<int> SimulateAsync(CityDatabase city, Dictionary<string, string?> flags, TimeProvider time, CancellationToken ct)
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
        var intake = new AppealIntake(city.DataSource, classifier, new RoutingTable(city.DataSource, time), time);
        Console.WriteLine($"Streaming a {scenario} city at {rate} appeals/s for {minutes} min; Ctrl+C stops.");
        var sent = await new LiveSimulator(city.DataSource, intake, time).RunAsync(scenario, rate, TimeSpan.FromMinutes(minutes),
            r => Console.WriteLine($"{new AstanaClock(time).Now:HH:mm:ss} {r.RegNumber}{(r.DuplicateOf is null ? "" : " (duplicate)")}"), ct);
        Console.WriteLine($"Sent {sent:N0} appeals.");
        return 0;
    }

    private static T Get<T>(Dictionary<string, string?> flags, string name, T fallback, Func<string, IFormatProvider, T> parse)
    {
        if (!flags.TryGetValue(name, out var raw)) return fallback;
        if (raw is null) throw new ArgumentException($"--{name} needs a value");
        try { return parse(raw, CultureInfo.InvariantCulture); }
        catch (FormatException) { throw new ArgumentException($"--{name}: '{raw}' is not a valid value"); }
    }

    private static Dictionary<string, string?> ParseFlags(IEnumerable<string> args)
    {
        var flags = new Dictionary<string, string?>();
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (arg.StartsWith("--ConnectionStrings", StringComparison.Ordinal) || arg.StartsWith("--City", StringComparison.Ordinal)) { pending = null; continue; }
                pending = arg[2..];
                flags[pending] = null;
            }
            else if (pending is not null)
            {
                flags[pending] = arg;
                pending = null;
            }
            else throw new ArgumentException($"Unexpected argument '{arg}'.\n{Usage}");
        }
        return flags;
    }
}
