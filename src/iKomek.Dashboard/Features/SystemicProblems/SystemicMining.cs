using System.Diagnostics;
using Dapper;
using Npgsql;
using IKomek.Dashboard.Platform.Audit;

namespace IKomek.Dashboard.Features.SystemicProblems;

/// <summary>What one mining run did.</summary>
public sealed record MiningResult(bool Full, int TouchedGroups, int Candidates, int Problems, TimeSpan Elapsed);

/// <summary>How well the top of the ranking finds the planted problems of a demo city (evaluation only).</summary>
public sealed record PlantedEvaluation(int Planted, int Found, int TopCount, int TopMatching)
{
    public double Recall => Planted == 0 ? 0 : (double)Found / Planted;
    public double Precision => TopCount == 0 ? 0 : (double)TopMatching / TopCount;
}

/// <summary>
/// Runs the set-based mining in PostgreSQL (sql/schema/0012: mine_systemic_problems; its ranking step, mining_rank, as
/// replaced by 0016): a full run recounts every appeal, an incremental run only those past the last run's watermark and
/// rescores the groups they touched and their standing neighbours.
/// </summary>
public sealed class SystemicMining(NpgsqlDataSource db, TimeProvider time)
{
    /// <param name="actor">Who the run's splits, merges and status changes are logged for; by default its job.</param>
    public async Task<MiningResult> RunAsync(bool full, CancellationToken ct = default, Actor? actor = null)
    {
        var watch = Stopwatch.StartNew();
        actor ??= Actor.Job(full ? SystemicMiningJob.FullId : SystemicMiningJob.IncrementalId);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var before = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(max(id), 0) FROM systemic_problem_events", transaction: tx, cancellationToken: ct));
        var r = await conn.QuerySingleAsync<(int Touched, int Candidates, int Problems)>(new CommandDefinition(
            "SELECT touched_groups, candidates, problems FROM mine_systemic_problems(@full, @now)",
            new { full, now = time.GetUtcNow() }, tx, commandTimeout: 900, cancellationToken: ct));
        await LogLifecycleStepsAsync(conn, tx, actor, before, ct);
        await tx.CommitAsync(ct);
        return new MiningResult(full, r.Touched, r.Candidates, r.Problems, watch.Elapsed);
    }

    /// <summary>
    /// The run's steps in a problem's lifecycle into the audit log, in the run's transaction: splits, merges, and the
    /// statuses the mining sets (verified, reopened). Newly identified problems and moves between levels are its
    /// findings, not steps anyone took: the problems' own histories keep them.
    /// </summary>
    private static Task LogLifecycleStepsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Actor actor, long afterEventId, CancellationToken ct) =>
        conn.ExecuteAsync(new CommandDefinition($$"""
            INSERT INTO audit_log (actor, actor_role, address, action, subject_kind, subject_id, details)
            SELECT @actor, NULL, NULL, '{{AuditActions.ProblemChange}}', 'problem', e.problem_id::text,
                   CASE e.kind
                       WHEN 'split' THEN jsonb_build_object('step', 'split') || e.note::jsonb
                       WHEN 'merged' THEN jsonb_build_object('step', 'merged', 'into', e.note::bigint)
                       ELSE jsonb_build_object('step', e.kind, 'to', e.kind)
                   END
            FROM systemic_problem_events e
            WHERE e.id > @afterEventId AND e.actor = 'mining' AND e.kind IN ('split', 'merged', 'verified', 'reopened')
            ORDER BY e.id
            """, new { actor = actor.Name, afterEventId }, tx, commandTimeout: 300, cancellationToken: ct));

    /// <summary>
    /// Recall of the planted (non-decoy) problems within the top <paramref name="top"/> current problems, and
    /// precision of that top: a problem matches a planted one of its service type whose place is within the
    /// planted radius plus 300 m of the problem's centre. Only this reads planted_problems; the mining never does.
    /// </summary>
    public async Task<PlantedEvaluation> EvaluateAgainstPlantedAsync(int top = 50, CancellationToken ct = default)
    {
        const string sql = """
            WITH top AS (
                SELECT id, service_type_id, lat, lon FROM systemic_problems
                WHERE is_current ORDER BY score DESC, id LIMIT @top
            ), matches AS (
                SELECT t.id AS problem_id, p.id AS planted_id
                FROM top t JOIN planted_problems p ON p.service_type_id = t.service_type_id
                 AND p.kind NOT LIKE 'decoy%' AND mining_distance(t.lat, t.lon, p.lat, p.lon) <= p.radius_m + 300
            )
            SELECT (SELECT count(*) FROM planted_problems WHERE kind NOT LIKE 'decoy%')::int AS Planted,
                   (SELECT count(DISTINCT planted_id) FROM matches)::int AS Found,
                   (SELECT count(*) FROM top)::int AS TopCount,
                   (SELECT count(DISTINCT problem_id) FROM matches)::int AS TopMatching
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<PlantedEvaluation>(new CommandDefinition(sql, new { top }, cancellationToken: ct));
    }
}
