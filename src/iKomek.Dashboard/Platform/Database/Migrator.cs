using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IKomek.Dashboard.Platform.Database;

/// <summary>An applied migration file was edited afterwards: the database and the code disagree.</summary>
public sealed class MigrationChecksumException(string message) : Exception(message);

/// <summary>
/// Applies <c>sql/schema/NNNN_*.sql</c> in order, each once and in its own transaction, recorded with a
/// SHA-256 checksum; then applies the current body of every function in <c>sql/functions/</c> and (re)creates every
/// view of <c>sql/views/</c>: migrations are history, functions and views are code.
/// </summary>
public sealed class Migrator(NpgsqlDataSource db, string sqlFolder, ILogger? log = null)
{
    private readonly ILogger _log = log ?? NullLogger.Instance;

    // Any constant works: it only has to be the same for every node that migrates this database.
    private const long MigrationLockKey = 109_2017;

    public static string DefaultSqlFolder => Path.Combine(AppContext.BaseDirectory, "sql");

    /// <returns>The migration files applied by this call.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // Two nodes starting together: the second waits, then finds everything applied.
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@k)", new { k = MigrationLockKey }, cancellationToken: ct));
        try
        {
            await conn.ExecuteAsync(new CommandDefinition("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    file        text PRIMARY KEY,
                    checksum    text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now())
                """, cancellationToken: ct));
            var applied = (await conn.QueryAsync<(string File, string Checksum)>(
                    new CommandDefinition("SELECT file, checksum FROM schema_migrations", cancellationToken: ct)))
                .ToDictionary(x => x.File, x => x.Checksum);

            var newlyApplied = new List<string>();
            foreach (var path in MigrationFiles())
            {
                var file = Path.GetFileName(path);
                var sql = await File.ReadAllTextAsync(path, ct);
                var checksum = Checksum(sql);
                if (applied.TryGetValue(file, out var recorded))
                {
                    if (recorded != checksum)
                        throw new MigrationChecksumException(
                            $"Migration {file} was edited after it was applied to this database (checksum {checksum[..12]}, " +
                            $"recorded {recorded[..12]}). Applied migrations are immutable: restore the file and add a new numbered migration.");
                    continue;
                }

                await using var tx = await conn.BeginTransactionAsync(ct);
                await conn.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: ct, commandTimeout: 0));
                await conn.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (file, checksum) VALUES (@file, @checksum)", new { file, checksum }, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                newlyApplied.Add(file);
                _log.LogInformation("Applied migration {File}", file);
            }

            await ApplyFunctionsAsync(conn, ct);
            await ApplyViewsAsync(conn, ct);
            return newlyApplied;
        }
        finally
        {
            await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@k)", new { k = MigrationLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>
    /// The current body of every function, <c>CREATE OR REPLACE</c>d at every start after the migrations, in path order
    /// (a file that calls another function's result at apply time sorts after it). Bodies are checked when called, not
    /// here, so one function may call another defined later in the order. A changed signature still needs a migration
    /// that drops the old one.
    /// </summary>
    private async Task ApplyFunctionsAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var folder = Path.Combine(sqlFolder, "functions");
        if (!Directory.Exists(folder)) return;
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SET LOCAL check_function_bodies = off", transaction: tx, cancellationToken: ct));
        foreach (var path in SqlFiles(folder))
            await conn.ExecuteAsync(new CommandDefinition(await File.ReadAllTextAsync(path, ct), transaction: tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Views are code, not history: a start whose view files differ from the last applied ones (or finds one missing)
    /// drops every view of sql/views (file name = view name) and creates them again. A view that reads another view
    /// waits for a later pass, so files need no ordering prefix. A node joining a running cluster on the same version
    /// drops nothing: dropping views under the other nodes' reads can deadlock with them (a live panel's read did),
    /// and a deadlocked attempt is made again.
    /// </summary>
    private async Task ApplyViewsAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var folder = Path.Combine(sqlFolder, "views");
        if (!Directory.Exists(folder)) return;
        var files = SqlFiles(folder).ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => File.ReadAllText(path));
        var checksum = Checksum(string.Join("\n", files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "\n" + f.Value)));
        await conn.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_views (id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1), checksum text NOT NULL)", cancellationToken: ct));
        var (applied, present) = await conn.QuerySingleAsync<(string? Checksum, long Present)>(new CommandDefinition("""
            SELECT (SELECT checksum FROM schema_views), (SELECT count(*) FROM pg_views WHERE schemaname = 'public' AND viewname = ANY(@names))
            """, new { names = files.Keys.ToArray() }, cancellationToken: ct));
        if (applied == checksum && present == files.Count) return;

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RecreateViewsAsync(conn, new Dictionary<string, string>(files), checksum, ct);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                _log.LogWarning("Recreating the views deadlocked with another session's reads; attempt {Attempt} of 5", attempt + 1);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
        }
    }

    private static async Task RecreateViewsAsync(NpgsqlConnection conn, Dictionary<string, string> pending, string checksum, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var name in pending.Keys)
            await conn.ExecuteAsync(new CommandDefinition($"DROP VIEW IF EXISTS {name} CASCADE", transaction: tx, cancellationToken: ct));

        while (pending.Count > 0)
        {
            var before = pending.Count;
            PostgresException? lastMissing = null;
            foreach (var (name, sql) in pending.ToList())
            {
                await tx.SaveAsync("view", ct);
                try
                {
                    await conn.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: ct));
                    await tx.ReleaseAsync("view", ct);
                    pending.Remove(name);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
                {
                    await tx.RollbackAsync("view", ct);
                    lastMissing = e;
                }
            }
            if (pending.Count == before)
                throw new InvalidOperationException($"Views {string.Join(", ", pending.Keys)} read a relation that does not exist: {lastMissing!.MessageText}", lastMissing);
        }
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO schema_views (id, checksum) VALUES (1, @checksum) ON CONFLICT (id) DO UPDATE SET checksum = excluded.checksum
            """, new { checksum }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    private IEnumerable<string> MigrationFiles()
    {
        var folder = Path.Combine(sqlFolder, "schema");
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Migration folder {folder} does not exist");
        return Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal);
    }

    /// <summary>Every .sql file under the folder, its feature subfolders included, in ordinal path order.</summary>
    private static IEnumerable<string> SqlFiles(string folder) =>
        Directory.GetFiles(folder, "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static string Checksum(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
}
