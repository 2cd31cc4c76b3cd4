using Dapper;
using Hangfire;
using Npgsql;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Appeals;

/// <summary>
/// Records, once each, the moment an open appeal passed 75 % of its answer time and the moment it became overdue
/// (sla_alerts). Counts of open and overdue appeals stay computed on read; this keeps when each line was crossed.
/// </summary>
public sealed class SlaSweepJob(NpgsqlDataSource db, TimeProvider time)
{
    public const string Id = "sla-sweep";

    /// <summary>Every five minutes: an appeal crosses a line at most five minutes before the sweep records it.</summary>
    public static readonly ScheduledJob Schedule =
        ScheduledJob.For<SlaSweepJob>(Id, "*/5 * * * *", "jobs.slaSweep", j => j.RunAsync(CancellationToken.None));

    // Two sweeps at once would only race on ON CONFLICT; one at a time keeps the moments recorded by one sweep.
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var (warnings, overdue) = await SweepAsync(db, time.GetUtcNow(), cancellationToken);
        return new JobResult("jobs.result.slaSweep", warnings, overdue);
    }

    public static async Task<(int Warnings, int Overdue)> SweepAsync(NpgsqlDataSource db, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            WITH open_appeals AS (
                SELECT id, created_at, sla_due_at FROM appeals WHERE status NOT IN ('resolved', 'closed')
            ), warned AS (
                INSERT INTO sla_alerts (appeal_id, kind, at)
                SELECT id, 'warning', @now FROM open_appeals
                WHERE created_at + (sla_due_at - created_at) * 0.75 <= @now
                ON CONFLICT DO NOTHING
                RETURNING 1
            ), overdue AS (
                INSERT INTO sla_alerts (appeal_id, kind, at)
                SELECT id, 'overdue', @now FROM open_appeals WHERE sla_due_at <= @now
                ON CONFLICT DO NOTHING
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM warned)::int AS Warnings, (SELECT count(*) FROM overdue)::int AS Overdue
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<(int, int)>(new CommandDefinition(sql, new { now }, cancellationToken: ct));
    }
}
