using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Platform.Changes;

/// <summary>
/// This node's one LISTEN connection on 'city_changes'. A notification only wakes it: what it delivers it reads from
/// appeal_changes, by transaction. Each read takes the database's snapshot and returns the changes whose transactions
/// committed after the previous read's snapshot and by this one (pg_visible_in_snapshot on the change's xid), so
/// every committed change is delivered exactly once whatever the order in which ids were taken and transactions
/// committed, across lost connections and restarts of PostgreSQL too.
/// </summary>
/// <remarks>
/// Why snapshots and not a watermark on the id, or a window behind it: ids are taken when the statement runs, and a
/// transaction (an import batch, a group commit) can hold a low id for seconds or minutes before it commits; no id
/// window is wide enough for every such transaction, while a snapshot names exactly the transactions still running.
/// </remarks>
public sealed class ChangeFeedListener(NpgsqlDataSource db, ChangeFeed feed, TimeProvider time, ILogger<ChangeFeedListener> log) : BackgroundService
{
    public const string Channel = "city_changes";

    /// <summary>Read even without a notification this often: a lost notification costs at most this long.</summary>
    private static readonly TimeSpan SafetyRead = TimeSpan.FromSeconds(5);

    /// <summary>The snapshot of the last read (pg_snapshot text); null before the first.</summary>
    private string? _snapshot;

    private volatile bool _notified;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                feed.SetConnected(false);
                log.LogWarning("Change feed connection lost ({Message}); reconnecting in {Delay} ms", e.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
                continue;
            }
            delay = TimeSpan.FromMilliseconds(250);
        }
        feed.SetConnected(false);
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        conn.Notification += (_, _) => _notified = true;
        await conn.ExecuteAsync(new CommandDefinition($"LISTEN {Channel}", cancellationToken: ct));
        try
        {
            // Listening first, then reading: a change that commits meanwhile is in this read or wakes the next one.
            await ReadAsync(conn, ct);
            feed.SetConnected(true);
            log.LogInformation("Change feed listening on '{Channel}'", Channel);
            while (true)
            {
                if (!_notified) await conn.WaitAsync(SafetyRead, ct);
                // Notifications that come during a read wake the next one: a burst costs a read or two, not one each.
                _notified = false;
                await ReadAsync(conn, ct);
            }
        }
        finally
        {
            // Pooled connections are not reset on return: one that is still sound goes back without its LISTEN.
            if (conn.State == System.Data.ConnectionState.Open)
            {
                try { await conn.ExecuteAsync(new CommandDefinition("UNLISTEN *", commandTimeout: 5)); }
                catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException) { }
            }
        }
    }

    /// <summary>
    /// One statement, one snapshot: the rows it sees are those committed in the snapshot it returns. The first read
    /// only takes the snapshot (a node starts from now; panels read their state themselves).
    /// </summary>
    private async Task ReadAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        if (_snapshot is null)
        {
            _snapshot = await conn.ExecuteScalarAsync<string>(new CommandDefinition("SELECT pg_current_snapshot()::text", cancellationToken: ct));
            return;
        }
        var rows = (await conn.QueryAsync<ChangeRow>(new CommandDefinition("""
            SELECT s.snap::text AS Snapshot, c.id AS Id, c.kind AS Kind, c.rows AS Rows, c.first_id AS FirstId, c.last_id AS LastId, c.critical AS Critical
            FROM (SELECT pg_current_snapshot() AS snap) s
            LEFT JOIN appeal_changes c
              ON c.xid >= pg_snapshot_xmin(@previous::pg_snapshot) AND NOT pg_visible_in_snapshot(c.xid, @previous::pg_snapshot)
            ORDER BY c.id
            """, new { previous = _snapshot }, cancellationToken: ct))).ToList();
        var received = time.GetUtcNow().UtcDateTime;
        foreach (var r in rows)
        {
            if (r.Id is not { } id) continue;
            try
            {
                feed.Publish(new CityChange(id, r.Kind!, r.Rows!.Value, r.FirstId!.Value, r.LastId!.Value, r.Critical!.Value, received));
            }
            catch (Exception e)
            {
                log.LogError(e, "A change feed subscriber failed");
            }
        }
        _snapshot = rows[0].Snapshot;
    }

    private sealed class ChangeRow
    {
        public string Snapshot { get; init; } = "";
        public long? Id { get; init; }
        public string? Kind { get; init; }
        public int? Rows { get; init; }
        public long? FirstId { get; init; }
        public long? LastId { get; init; }
        public int? Critical { get; init; }
    }
}
