using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// The lifecycle of the demo city's systemic problems, as analysts and departments would have lived it. The mining
/// finds the problems (on a new city all at once, identified "now"); this gives each one a history of its own from
/// the demo seed and the problem's group (level, service type, place), so the same seed gives the same history:
/// most are confirmed within a week of showing and assigned to the department of their area, most of those taken into
/// work and worked out within weeks, some verified 8 weeks after; some are dismissed, some left identified, some left
/// unassigned or in work for months (the rating's systemic indicator counts those against the department). Every step
/// is dated from the problem's first appeals, never past the city's "now", and recorded in the problem's history
/// under <see cref="Actor"/>. A problem someone else has acted on (not the mining, not the demo) is left alone; a step
/// is taken only from the status the previous one left, so the mining's own verdicts (reopened, verified) stand.
/// </summary>
public static class DemoProblemHistory
{
    public const string Actor = "system:demo";

    private sealed record Problem(long Id, short Level, int ServiceTypeId, long Place, string Status, DateTime FirstSeen,
        DateTime IdentifiedAt, short DepartmentId);

    private sealed record Step(string From, string To, DateTimeOffset At, string? Note);

    /// <summary>Takes every step that is due by <paramref name="now"/> and not yet taken; returns the steps taken.
    /// Nothing on a city that is not a demo city (no <c>demo_city</c> row).</summary>
    public static async Task<int> ApplyAsync(NpgsqlDataSource db, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var seed = await conn.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT seed FROM demo_city LIMIT 1", transaction: tx, cancellationToken: ct));
        if (seed is null) return 0;
        var problems = (await conn.QueryAsync<Problem>(new CommandDefinition("""
            SELECT p.id AS Id, p.level AS Level, p.service_type_id AS ServiceTypeId, p.place AS Place, p.status AS Status,
                   p.first_seen AS FirstSeen, p.identified_at AS IdentifiedAt, coalesce(p.department_id, st.department_id) AS DepartmentId
            FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
            WHERE p.merged_into IS NULL AND coalesce(p.department_id, st.department_id) IS NOT NULL
              AND p.status IN ('identified', 'confirmed', 'assigned', 'in_work', 'worked_out')
              AND NOT EXISTS (SELECT 1 FROM systemic_problem_events e WHERE e.problem_id = p.id AND e.actor NOT IN ('mining', @Actor))
            ORDER BY p.id
            FOR UPDATE OF p
            """, new { Actor }, tx, cancellationToken: ct))).AsList();

        var taken = 0;
        foreach (var p in problems)
        {
            var (identified, steps) = Plan(seed.Value, p, now);
            var next = steps.FindIndex(s => s.From == p.Status);
            if (next < 0) continue;
            if (p.Status == "identified" && identified < p.IdentifiedAt)
            {
                // The mining of a new city finds years of problems at once: the demo dates each when it showed.
                await conn.ExecuteAsync(new CommandDefinition("""
                    UPDATE systemic_problems SET identified_at = @identified WHERE id = @Id;
                    UPDATE systemic_problem_events SET at = @identified WHERE problem_id = @Id AND kind = 'identified' AND actor = 'mining';
                    """, new { p.Id, identified }, tx, cancellationToken: ct));
            }
            foreach (var step in steps.Skip(next))
            {
                if (step.At > now) break;
                await conn.ExecuteAsync(new CommandDefinition("""
                    UPDATE systemic_problems SET
                        status = @To, updated_at = @At,
                        dismissed_reason = CASE WHEN @To = 'dismissed' THEN @Note ELSE dismissed_reason END,
                        department_id = CASE WHEN @To = 'assigned' THEN @DepartmentId ELSE department_id END,
                        root_cause = CASE WHEN @To = 'in_work' THEN @Note ELSE root_cause END,
                        measures = CASE WHEN @To = 'worked_out' THEN @Note ELSE measures END,
                        worked_out_at = CASE WHEN @To = 'worked_out' THEN @At ELSE worked_out_at END
                    WHERE id = @Id;
                    INSERT INTO systemic_problem_events (problem_id, at, kind, actor, note)
                    VALUES (@Id, @At, @To, @Actor, CASE WHEN @To = 'assigned' THEN 'department ' || @DepartmentId ELSE @Note END);
                    """, new { p.Id, step.To, step.At, step.Note, DepartmentId = p.DepartmentId, Actor }, tx, cancellationToken: ct));
                taken++;
            }
        }
        await tx.CommitAsync(ct);
        return taken;
    }

    /// <summary>When the problem showed, and its steps in order (their dates may lie ahead of now).</summary>
    private static (DateTime Identified, List<Step> Steps) Plan(int seed, Problem p, DateTimeOffset now)
    {
        var rng = new Random(StableHash(seed, p.Level, p.ServiceTypeId, p.Place));
        var identified = DateTime.SpecifyKind(p.FirstSeen, DateTimeKind.Utc).AddDays(rng.Next(14, 35));
        if (identified > now.UtcDateTime) identified = now.UtcDateTime;
        if (identified > p.IdentifiedAt) identified = p.IdentifiedAt;
        var steps = new List<Step>();
        var at = new DateTimeOffset(identified, TimeSpan.Zero);
        DateTimeOffset After(int minDays, int maxDays) => at = at.AddDays(rng.Next(minDays, maxDays + 1)).AddHours(rng.Next(0, 8));
        var fate = rng.NextDouble();
        if (fate < 0.1) return (identified, steps);                                        // still identified
        if (fate < 0.15)
        {
            steps.Add(new("identified", "dismissed", After(3, 10), "Разовое скопление обращений, не системная проблема"));
            return (identified, steps);
        }
        steps.Add(new("identified", "confirmed", After(1, 7), null));
        if (rng.NextDouble() < 0.15) return (identified, steps);                           // left unassigned
        steps.Add(new("confirmed", "assigned", After(1, 5), null));
        steps.Add(new("assigned", "in_work", After(2, 10), "Причина установлена при выезде на место"));
        if (rng.NextDouble() < 0.25) return (identified, steps);                           // in work, for long perhaps
        steps.Add(new("in_work", "worked_out", After(20, 75), "Проведён ремонт, участок взят на контроль"));
        if (rng.NextDouble() < 0.6) steps.Add(new("worked_out", "verified", After(56, 56), null));
        return (identified, steps);
    }

    /// <summary>A hash that does not change between runs or machines (string.GetHashCode does).</summary>
    private static int StableHash(int seed, short level, int serviceTypeId, long place)
    {
        var h = 2166136261u;
        foreach (var v in new[] { seed, level, serviceTypeId, (long)(place >> 32), place & 0xffffffffL })
        {
            h = (h ^ (uint)v) * 16777619u;
        }
        return (int)(h & 0x7fffffff);
    }
}
