using System.Globalization;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.Import;

/// <summary>
/// Keeps import runs honest. At start, a run left unfinished by a process that is gone (killed, power lost,
/// PostgreSQL stopped under it) is marked interrupted with the counts its committed batches wrote. On a graceful stop
/// the imports running on this node are cancelled and waited for, so each records how far it got before the app
/// stops its PostgreSQL. Importing the same file again adds exactly the rows that are missing.
/// </summary>
public sealed class ImportRuns(NpgsqlDataSource db, IHostApplicationLifetime lifetime, ILogger<ImportRuns> log) : IHostedService
{
    private int _running;

    /// <summary>Runs an import of this node, cancelled when the app stops.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> import)
    {
        Interlocked.Increment(ref _running);
        try
        {
            return await import(lifetime.ApplicationStopping);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var marked = await MarkInterruptedAsync(db, cancellationToken);
            if (marked > 0) log.LogWarning("{Count} import run(s) of a stopped process marked interrupted", marked);
        }
        catch (NpgsqlException e)
        {
            log.LogWarning("Could not check for interrupted import runs: {Message}", e.Message);
        }
    }

    /// <summary>Waits for this node's imports to record themselves (they were cancelled with ApplicationStopping).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _running) > 0 && !cancellationToken.IsCancellationRequested)
            await Task.Delay(50, CancellationToken.None);
    }

    /// <summary>
    /// Marks the runs whose server process is gone (another backend now, or none) as interrupted, keeping their
    /// counts, and records each in the audit log. Returns how many there were.
    /// </summary>
    public static async Task<int> MarkInterruptedAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var runs = (await conn.QueryAsync<(long Id, string File, string By, int Read, int Inserted, int Skipped, int Rejected)>(new CommandDefinition("""
            UPDATE import_runs r SET finished_at = now(), error = 'interrupted'
            WHERE finished_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = r.backend_pid AND a.backend_start = r.backend_start)
            RETURNING id, file_name, imported_by, rows_read, rows_inserted, rows_skipped, rows_rejected
            """, transaction: tx, cancellationToken: ct))).ToList();
        foreach (var r in runs)
        {
            await AuditLog.RecordAsync(conn, tx, Actor.Job("import-recovery"), AuditActions.Import, "import", r.Id.ToString(CultureInfo.InvariantCulture),
                new { file = r.File, importedBy = r.By, rowsRead = r.Read, inserted = r.Inserted, skipped = r.Skipped, rejected = r.Rejected, outcome = "interrupted" }, ct);
        }
        await tx.CommitAsync(ct);
        return runs.Count;
    }
}
