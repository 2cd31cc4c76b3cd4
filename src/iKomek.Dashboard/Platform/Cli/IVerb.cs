using IKomek.Dashboard.Platform.Database;

namespace IKomek.Dashboard.Platform.Cli;

/// <summary>
/// A command-line verb (<c>dotnet run --project src/iKomek.Dashboard -- VERB ...</c>). A feature declares its verbs
/// beside their code and registers them in its <c>&lt;Feature&gt;Feature.cs</c> (<see cref="VerbRegistration.AddVerb{T}"/>);
/// the host's dispatcher finds them through DI, parses the arguments against <see cref="Syntax"/> and runs the verb.
/// </summary>
public interface IVerb
{
    /// <summary>What is typed: <c>seed</c>, <c>user-add</c>.</summary>
    string Name { get; }

    /// <summary>What it does, a line or two for the list of verbs.</summary>
    string Summary { get; }

    /// <summary>Its arguments, as typed: <c>mine [--full]</c>.</summary>
    string Usage { get; }

    VerbSyntax Syntax { get; }

    /// <returns>The exit code: 0 done, 2 bad input (or throw <see cref="ArgumentException"/>, which the dispatcher prints).</returns>
    Task<int> RunAsync(VerbContext context, CancellationToken ct);
}

public static class VerbRegistration
{
    public static IServiceCollection AddVerb<T>(this IServiceCollection services) where T : class, IVerb =>
        services.AddSingleton<IVerb, T>();
}

/// <summary>
/// What a running verb has: its parsed arguments, the console, a logger, the clock and the city's database, opened
/// on first use with the app's configuration (ConnectionStrings:City, or the app's own PostgreSQL in the data folder)
/// and closed with the context.
/// </summary>
public sealed class VerbContext(
    VerbArgs args, TextWriter output, TextWriter error, TextReader input, bool terminal, ILogger log, TimeProvider time,
    Func<CancellationToken, Task<CityDatabase>> openDatabase) : IAsyncDisposable
{
    private CityDatabase? _database;

    public VerbArgs Args => args;
    public TextWriter Out => output;
    public TextWriter Error => error;
    public TextReader In => input;

    /// <summary>True when <see cref="In"/> is a person at a terminal (a password is then asked without echo).</summary>
    public bool Terminal => terminal;

    public ILogger Log => log;
    public TimeProvider Time => time;

    /// <summary>The city's database as it is (the <c>seed</c> verb may drop it before migrating).</summary>
    public async Task<CityDatabase> DatabaseAsync(CancellationToken ct) => _database ??= await openDatabase(ct);

    /// <summary>The city's database with every migration applied.</summary>
    public async Task<CityDatabase> MigratedDatabaseAsync(CancellationToken ct)
    {
        var city = await DatabaseAsync(ct);
        await new Migrator(city.DataSource, Migrator.DefaultSqlFolder, log).MigrateAsync(ct);
        return city;
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}
