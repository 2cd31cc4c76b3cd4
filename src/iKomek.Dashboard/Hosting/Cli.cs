using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Features.Accounts;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Cli;

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
            var flags = args[0] == "import" || UserCommand.Verbs.Contains(args[0]) ? new Dictionary<string, string?>() : VerbFlags.Parse(args.Skip(1), Usage);
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
                    return await DemoCityVerbs.SeedAsync(city, flags, log, cts.Token);
                case "mine":
                    await new Migrator(city.DataSource, Migrator.DefaultSqlFolder, log).MigrateAsync(cts.Token);
                    return await MineVerb.RunAsync(city, flags, cts.Token);
                case "simulate":
                    await new Migrator(city.DataSource, Migrator.DefaultSqlFolder, log).MigrateAsync(cts.Token);
                    return await DemoCityVerbs.SimulateAsync(city, flags, CityClock.Create(options), cts.Token);
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
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
        {
            // PostgreSQL went away mid-way (the app beside stopped its server, or it crashed): what was committed
            // stays; say so plainly, without a stack trace.
            Console.Error.WriteLine($"error: the database connection was lost ({e.GetBaseException().Message}). " +
                (args[0] == "import" ? "The batches already committed are kept; run the same import again to add the rest." : "Nothing more was done."));
            return 3;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Console.Error.WriteLine(args[0] == "import" ? "stopped: the batches already committed are kept; run the same import again to add the rest." : "stopped.");
            return 130;
        }
        return 1;
    }

}
