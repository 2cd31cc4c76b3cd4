using System.Collections.Concurrent;
using Dapper;
using IKomek.Dashboard.Platform.Database;
using Npgsql;

namespace IKomek.Dashboard.Platform.RateLimits;

/// <summary>
/// Counters that every app node shares through PostgreSQL (table rate_counters, functions in sql/functions/rate_limits):
/// one INSERT ... ON CONFLICT per counted attempt, so a limit holds across the nodes behind the load balancer instead of
/// being multiplied by them. Each node also counts its own attempts in memory: that count can only be lower than the
/// shared one, so a bucket over its limit here is refused without asking the database (a flood from one client costs
/// the database nothing once it is over), and while the database is out of reach the node decides on its own count
/// alone (the limits then hold per node, as they did before they were shared) instead of failing the request.
/// </summary>
public sealed class RateCounters(NpgsqlDataSource db, TimeProvider time, ILogger<RateCounters> log)
{
    private const int MaxLocalBuckets = 10_000;
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan WarnEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Counter> _local = new(StringComparer.Ordinal);
    private long _nextPurgeTicks, _nextWarningTicks;

    /// <summary>
    /// Counts one attempt of <paramref name="bucket"/>: null while its attempts within the sliding window are at most
    /// <paramref name="limit"/>, otherwise how long until one more would be. Refused attempts count too: a client
    /// that does not wait stays refused.
    /// </summary>
    public async ValueTask<TimeSpan?> TakeAsync(string bucket, int limit, TimeSpan window, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var local = _local.AddOrUpdate(bucket, _ => Counter.First(now, window), (_, c) => c.Hit(now, window)).At(now, window);
        if (local.Estimate(now) > limit) return Wait(local, limit, now);
        var count = (await SharedAsync("rate_window_hit", bucket, window, now, ct))?.At(now, window) ?? local;
        return count.Estimate(now) <= limit ? null : Wait(count, limit, now);
    }

    private static TimeSpan Wait(WindowCount count, int limit, DateTimeOffset now)
    {
        var wait = count.UntilAtMost(limit - 1, now);
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1);
    }

    /// <summary>Counts one attempt in the bucket's sliding window and returns the window's count.</summary>
    public async ValueTask<WindowCount> HitWindowAsync(string bucket, TimeSpan window, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var local = _local.AddOrUpdate(bucket, _ => Counter.First(now, window), (_, c) => c.Hit(now, window));
        return ((await SharedAsync("rate_window_hit", bucket, window, now, ct)) ?? local).At(now, window);
    }

    /// <summary>Counts one attempt in the bucket's streak (a pause of a whole window starts it again) and returns it.</summary>
    public async ValueTask<Streak> HitStreakAsync(string bucket, TimeSpan window, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var local = _local.AddOrUpdate(bucket, _ => Counter.First(now, window), (_, c) => c.Extend(now, window));
        var counter = await SharedAsync("rate_streak_hit", bucket, window, now, ct) ?? local;
        return new Streak(counter.Hits, counter.Last);
    }

    /// <summary>The buckets' counts as they stand, without counting anything; a bucket never counted is absent.</summary>
    public async ValueTask<IReadOnlyDictionary<string, Counter>> ReadAsync(IReadOnlyList<string> buckets, CancellationToken ct)
    {
        try
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            var rows = await conn.QueryAsync<Row>(new CommandDefinition(
                "SELECT bucket AS Bucket, window_start AS WindowStart, hits AS Hits, previous_hits AS PreviousHits, last_at AS LastAt FROM rate_counters WHERE bucket = ANY(@buckets)",
                new { buckets = buckets.ToArray() }, cancellationToken: ct));
            return rows.ToDictionary(r => r.Bucket, r => r.ToCounter(), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not OperationCanceledException && DatabaseOutage.Is(e))
        {
            Warn(e);
            return buckets.Where(_local.ContainsKey).ToDictionary(b => b, b => _local[b], StringComparer.Ordinal);
        }
    }

    /// <summary>Forgets a bucket on every node (a successful sign-in clears its failures).</summary>
    public async ValueTask ForgetAsync(string bucket, CancellationToken ct)
    {
        _local.TryRemove(bucket, out _);
        try
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition("DELETE FROM rate_counters WHERE bucket = @bucket", new { bucket }, cancellationToken: ct));
        }
        catch (Exception e) when (e is not OperationCanceledException && DatabaseOutage.Is(e))
        {
            Warn(e);
        }
    }

    /// <summary>The shared count after this attempt; null when the database is out of reach.</summary>
    private async ValueTask<Counter?> SharedAsync(string function, string bucket, TimeSpan window, DateTimeOffset now, CancellationToken ct)
    {
        PruneLocal(now);
        try
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            var row = await conn.QuerySingleAsync<Row>(new CommandDefinition(
                $"SELECT bucket AS Bucket, window_start AS WindowStart, hits AS Hits, previous_hits AS PreviousHits, last_at AS LastAt FROM {function}(@bucket, @seconds, @now)",
                new { bucket, seconds = (int)Math.Ceiling(window.TotalSeconds), now = now.ToUniversalTime() }, cancellationToken: ct));
            await PurgeAsync(conn, now, ct);
            return row.ToCounter();
        }
        catch (Exception e) when (e is not OperationCanceledException && DatabaseOutage.Is(e))
        {
            Warn(e);
            return null;
        }
    }

    /// <summary>Once a minute per node: rows whose last attempt is two windows old decide nothing any more.</summary>
    private async Task PurgeAsync(NpgsqlConnection conn, DateTimeOffset now, CancellationToken ct)
    {
        var due = Interlocked.Read(ref _nextPurgeTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPurgeTicks, (now + PurgeEvery).UtcTicks, due) != due) return;
        await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM rate_counters WHERE last_at < @now - make_interval(secs => 2 * window_seconds)", new { now = now.ToUniversalTime() }, cancellationToken: ct));
    }

    private void PruneLocal(DateTimeOffset now)
    {
        if (_local.Count <= MaxLocalBuckets) return;
        foreach (var (bucket, counter) in _local)
        {
            if (counter.Stale(now)) _local.TryRemove(bucket, out _);
        }
    }

    private void Warn(Exception e)
    {
        var now = time.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextWarningTicks);
        if (now >= due && Interlocked.CompareExchange(ref _nextWarningTicks, now + WarnEvery.Ticks, due) == due)
            log.LogWarning("Rate limits count per node: the database is unavailable ({Error})", e.GetBaseException().Message);
    }

    /// <summary>One bucket's row, the same in memory as in rate_counters; the rolling of windows mirrors the SQL.</summary>
    public sealed record Counter(DateTimeOffset WindowStart, TimeSpan Window, int Hits, int PreviousHits, DateTimeOffset Last)
    {
        public static Counter First(DateTimeOffset now, TimeSpan window) => new(WindowCount.WindowOf(now, window), window, 1, 0, now);

        /// <summary>One more attempt in the sliding window (rate_window_hit).</summary>
        public Counter Hit(DateTimeOffset now, TimeSpan window)
        {
            var rolled = At(now, window);
            return new Counter(rolled.Start, window, rolled.Hits + 1, rolled.PreviousHits, Last > now ? Last : now);
        }

        /// <summary>One more attempt in the streak (rate_streak_hit).</summary>
        public Counter Extend(DateTimeOffset now, TimeSpan window) =>
            this with { Window = window, Hits = now - Last > window ? 1 : Hits + 1, Last = Last > now ? Last : now };

        /// <summary>The sliding window's count as it stands at <paramref name="now"/>: windows that ended are rolled over.</summary>
        public WindowCount At(DateTimeOffset now, TimeSpan window)
        {
            var current = WindowCount.WindowOf(now, window);
            if (WindowStart >= current) return new WindowCount(WindowStart, window, Hits, PreviousHits);
            return new WindowCount(current, window, 0, WindowStart == current - window ? Hits : 0);
        }

        public Streak Streak => new(Hits, Last);

        internal bool Stale(DateTimeOffset now) => now - Last > Window * 2;
    }

    private sealed class Row
    {
        public string Bucket { get; init; } = "";
        public DateTime WindowStart { get; init; }
        public int Hits { get; init; }
        public int PreviousHits { get; init; }
        public DateTime LastAt { get; init; }

        // The window's length is the caller's: the row's only serves the purge.
        public Counter ToCounter() => new(new DateTimeOffset(WindowStart, TimeSpan.Zero), TimeSpan.Zero, Hits, PreviousHits, new DateTimeOffset(LastAt, TimeSpan.Zero));
    }
}
