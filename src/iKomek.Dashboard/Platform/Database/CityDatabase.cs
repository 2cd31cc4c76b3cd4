using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Platform.Database;

/// <summary>
/// The city's database, ready to use: an external server when <c>ConnectionStrings:City</c> is set, otherwise the
/// app's own PostgreSQL in the data folder. Migrated, and seeded with the demo city on its first start.
/// </summary>
public sealed class CityDatabase : IAsyncDisposable
{
    private CityDatabase(NpgsqlDataSource dataSource, EmbeddedPostgres? server)
    {
        DataSource = dataSource;
        Server = server;
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>The app's own server, or null on an external one.</summary>
    public EmbeddedPostgres? Server { get; }

    /// <summary>Starts (or connects to) the server and makes sure the database exists; no migrations yet.</summary>
    /// <param name="beside">True for command-line verbs: a server the running app started is used and left running.</param>
    public static async Task<CityDatabase> OpenAsync(string? connectionString, CityOptions options, string contentRoot, ILogger log,
        CancellationToken ct = default, bool beside = false)
    {
        EmbeddedPostgres? server = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.Combine(options.ResolveDataFolder(contentRoot), "pg");
            try
            {
                server = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions(folder, StopAdoptedServer: !beside), log, ct);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException(
                    $"No ConnectionStrings:City is configured and the app could not run its own PostgreSQL in {folder}: {e.Message}", e);
            }
            connectionString = server.ConnectionString(options.DatabaseName);
        }

        try
        {
            await EnsureDatabaseExistsAsync(connectionString, ct);
        }
        catch (NpgsqlException e)
        {
            var csb = new NpgsqlConnectionStringBuilder(connectionString);
            if (server is not null) await server.DisposeAsync();
            throw new InvalidOperationException(
                $"Cannot reach PostgreSQL at {csb.Host}:{csb.Port} (database {csb.Database}): {e.Message}. " +
                "Check that the server runs and ConnectionStrings:City is right, or remove ConnectionStrings:City to let the app run its own PostgreSQL.", e);
        }
        return new CityDatabase(NpgsqlDataSource.Create(WithCityClock(WithoutJit(connectionString), CityClock.Create(options))), server);
    }

    /// <summary>
    /// The app's sessions run without PostgreSQL's JIT compiler: its cost estimates see the millions of appeals behind
    /// a panel's query and compile it (about 250 ms) where the query itself reads a few hundred rollup rows (10 ms).
    /// Pooled connections are not reset with DISCARD ALL on return (a statement per use): the app leaves no session
    /// state behind (settings are SET LOCAL, advisory locks are released or transaction-scoped).
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        if (csb.Options?.Contains("jit", StringComparison.Ordinal) != true) csb.Options = $"{csb.Options} -c jit=off".Trim();
        return csb.ConnectionString;
    }

    /// <summary>
    /// On a fixed clock (City:FixedNow) the sessions' city_now() and city_today() run with the app's clock instead of
    /// the server's (sql/functions/clock/city_now.sql), so SQL and C# agree on the day; on the system clock nothing changes.
    /// </summary>
    public static string WithCityClock(string connectionString, TimeProvider clock)
    {
        var offset = CityClock.OffsetOf(clock);
        if (offset == TimeSpan.Zero) return connectionString;
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        csb.Options = $"{csb.Options} -c city.offset_seconds={offset.TotalSeconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}".Trim();
        return csb.ConnectionString;
    }

    /// <summary>Brings the schema, its functions and views up to date (the demo city is the DemoCity feature's step).</summary>
    public async Task MigrateAsync(ILogger log, CancellationToken ct = default) =>
        await new Migrator(DataSource, Migrator.DefaultSqlFolder, log).MigrateAsync(ct);

    public async Task<bool> HasCityAsync(CancellationToken ct = default)
    {
        await using var conn = await DataSource.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM districts) OR EXISTS (SELECT 1 FROM appeals)", cancellationToken: ct));
    }

    /// <summary>Drops and recreates the database (the seed verb's --reset).</summary>
    public static async Task RecreateDatabaseAsync(string connectionString, CancellationToken ct = default)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await conn.OpenAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition($"DROP DATABASE IF EXISTS \"{csb.Database}\" WITH (FORCE)", cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition($"CREATE DATABASE \"{csb.Database}\"", cancellationToken: ct));
    }

    private static async Task EnsureDatabaseExistsAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var probe = new NpgsqlConnection(connectionString);
            await probe.OpenAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
            await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            await admin.OpenAsync(ct);
            await admin.ExecuteAsync(new CommandDefinition($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", cancellationToken: ct));
        }
    }

    private int _disposed;
    private IDisposable? _logging;

    /// <summary>Disposes the logging the server logs through, after the server stopped, so its last lines are flushed.</summary>
    public void OwnLogging(IDisposable loggerFactory) => _logging = loggerFactory;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await DataSource.DisposeAsync();
        if (Server is not null) await Server.DisposeAsync();
        _logging?.Dispose();
    }
}
