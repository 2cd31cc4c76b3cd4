using System.Text.Json;
using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Platform.Changes;

/// <summary>
/// This node's one LISTEN connection on 'city_changes'. It starts from the newest change id (the watermark); after a
/// lost connection it reconnects and replays every change above the watermark from appeal_changes, so no change is
/// missed, then listens again.
/// </summary>
public sealed class ChangeFeedListener(NpgsqlDataSource db, ChangeFeed feed, TimeProvider time, ILogger<ChangeFeedListener> log) : BackgroundService
{
    public const string Channel = "city_changes";
    private long _watermark = -1;

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
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
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
        conn.Notification += (_, e) => OnNotification(e.Payload);
        await conn.ExecuteAsync(new CommandDefinition($"LISTEN {Channel}", cancellationToken: ct));
        try
        {
            await ReplayAndWaitAsync(conn, ct);
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

    private async Task ReplayAndWaitAsync(NpgsqlConnection conn, CancellationToken ct)
    {

        // Listening first, then reading what happened meanwhile: a change is either replayed or notified (or both;
        // the watermark drops the second copy).
        var missed = await conn.QueryAsync<(long Id, string Kind, int Rows, long FirstId, long LastId, int Critical)>(new CommandDefinition(
            _watermark < 0
                ? "SELECT id, kind, rows, first_id, last_id, critical FROM appeal_changes ORDER BY id DESC LIMIT 1"
                : "SELECT id, kind, rows, first_id, last_id, critical FROM appeal_changes WHERE id > @w ORDER BY id",
            new { w = _watermark }, cancellationToken: ct));
        var first = _watermark < 0;
        foreach (var m in missed)
        {
            if (first) _watermark = m.Id;
            else Deliver(new CityChange(m.Id, m.Kind, m.Rows, m.FirstId, m.LastId, m.Critical, time.GetUtcNow().UtcDateTime));
        }
        if (_watermark < 0) _watermark = 0;
        feed.SetConnected(true);
        log.LogInformation("Change feed listening on '{Channel}' from change {Watermark}", Channel, _watermark);

        while (true) await conn.WaitAsync(ct);
    }

    private void OnNotification(string payload)
    {
        try
        {
            using var doc = JsonDocument.Parse(payload);
            var r = doc.RootElement;
            Deliver(new CityChange(r.GetProperty("id").GetInt64(), r.GetProperty("kind").GetString()!, r.GetProperty("rows").GetInt32(),
                r.GetProperty("first_id").GetInt64(), r.GetProperty("last_id").GetInt64(), r.GetProperty("critical").GetInt32(), time.GetUtcNow().UtcDateTime));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            log.LogWarning("Ignoring a malformed change notification: {Payload}", payload);
        }
    }

    private void Deliver(CityChange change)
    {
        if (change.Id <= _watermark) return;
        _watermark = change.Id;
        try
        {
            feed.Publish(change);
        }
        catch (Exception e)
        {
            log.LogError(e, "A change feed subscriber failed");
        }
    }
}
