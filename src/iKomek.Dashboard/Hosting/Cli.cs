using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Cli;
using IKomek.Dashboard.Platform.Database;

namespace IKomek.Dashboard.Hosting;

/// <summary>
/// The verbs' dispatcher (<c>dotnet run --project src/iKomek.Dashboard -- VERB ...</c>): the verbs are the ones the
/// features register (<see cref="IVerb"/>), found through the same registration as the web app's; their arguments
/// are parsed by the one parser (<see cref="VerbArgs"/>). They use the web app's configuration: ConnectionStrings:City,
/// or the app's own PostgreSQL in the data folder. Exit codes: 0 done, 2 bad input (an unknown verb too).
/// </summary>
public static class Cli
{
    /// <summary>A verb, or a request for help; anything else (<c>--urls ...</c>, <c>--City:...</c>) starts the web app.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h");

    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, Console.Out, Console.Error, Console.In, !Console.IsInputRedirected);

    /// <param name="moreVerbs">Registers verbs beside the features' (tests).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input, bool terminal,
        Action<IServiceCollection>? moreVerbs = null)
    {
        var builder = WebApplication.CreateBuilder(VerbArgs.HostArguments(args.Skip(1).ToList()));
        var verbs = Verbs(builder, moreVerbs);

        if (args[0] is "help" or "--help" or "-h")
        {
            if (args.Length > 1 && verbs.FirstOrDefault(v => v.Name == args[1]) is { } one)
            {
                await output.WriteLineAsync(UsageOf(one));
                return 0;
            }
            await output.WriteLineAsync(List(verbs));
            return 0;
        }
        if (verbs.FirstOrDefault(v => v.Name == args[0]) is not { } verb)
        {
            await error.WriteLineAsync($"error: there is no verb '{args[0]}'.");
            await error.WriteLineAsync(List(verbs));
            return 2;
        }
        if (args.Skip(1).Any(a => a is "--help" or "-h"))
        {
            await output.WriteLineAsync(UsageOf(verb));
            return 0;
        }

        var options = builder.Configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
        using var loggerFactory = LoggerFactory.Create(l => l.AddSimpleConsole(c => c.SingleLine = true));
        var log = loggerFactory.CreateLogger("iKomek");
        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += cancel;
        try
        {
            var parsed = VerbArgs.Parse(verb.Name, verb.Syntax, args[1..]);
            await using var context = new VerbContext(parsed, output, error, input, terminal, log, CityClock.Create(options),
                ct => CityDatabase.OpenAsync(builder.Configuration.GetConnectionString("City"), options, builder.Environment.ContentRootPath, log, ct, beside: true));
            return await verb.RunAsync(context, cts.Token);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or MigrationChecksumException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            if (e is ArgumentException) await error.WriteLineAsync($"usage: {verb.Usage}");
            return 2;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
        {
            // PostgreSQL went away mid-way (the app beside stopped its server, or it crashed): what was committed
            // stays; say so plainly, without a stack trace.
            await error.WriteLineAsync($"error: the database connection was lost ({e.GetBaseException().Message}). " +
                (verb.Name == "import" ? "The batches already committed are kept; run the same import again to add the rest." : "Nothing more was done."));
            return 3;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            await error.WriteLineAsync(verb.Name == "import" ? "stopped: the batches already committed are kept; run the same import again to add the rest." : "stopped.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= cancel;
        }
    }

    /// <summary>Every verb the features register, by name.</summary>
    public static IReadOnlyList<IVerb> Verbs() => Verbs(WebApplication.CreateBuilder(), null);

    private static List<IVerb> Verbs(WebApplicationBuilder builder, Action<IServiceCollection>? moreVerbs)
    {
        builder.Services.AddVerb<MigrateVerb>();
        builder.AddFeatures();
        moreVerbs?.Invoke(builder.Services);
        // Only the verbs are taken from this container: the features' other services need the database, which a verb
        // opens itself when it needs it. The verbs hold nothing to dispose.
        using var services = builder.Services.BuildServiceProvider();
        return services.GetServices<IVerb>().OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
    }

    private static string UsageOf(IVerb verb) => $"{verb.Usage}\n       {verb.Summary.ReplaceLineEndings("\n       ")}";

    private static string List(IEnumerable<IVerb> verbs) =>
        "Verbs:\n" + string.Join("\n", verbs.Select(v => "  " + UsageOf(v).ReplaceLineEndings("\n  "))) +
        "\n  help [VERB]\n         this list, or one verb's arguments\nWithout a verb the web app starts.";
}
