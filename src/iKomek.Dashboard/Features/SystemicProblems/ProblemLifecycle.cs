using System.Globalization;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.SystemicProblems;

/// <summary>What an analyst or a responsible department does to a problem.</summary>
public enum ProblemAction { Confirm, Dismiss, Assign, StartWork, WorkOut, Reopen }

/// <summary>A step the problem's status or the given details do not allow; nothing was changed.</summary>
public sealed class ProblemRejectedException(string message) : Exception(message);

/// <summary>
/// The lifecycle of a systemic problem: identified by the mining, confirmed by an analyst (or dismissed with a
/// reason), assigned to a responsible department, in work (root cause recorded), worked out (measures recorded).
/// Verified (quiet for 8 weeks after) and reopened (back above the baseline) are set by the mining itself.
/// Every step is one row of systemic_problem_events (its actor by login) and one of the audit log, in one transaction.
/// </summary>
public sealed class ProblemLifecycle(NpgsqlDataSource db, TimeProvider time)
{
    private static readonly Dictionary<ProblemAction, (string[] From, string To)> Steps = new()
    {
        [ProblemAction.Confirm] = (["identified", "dismissed"], "confirmed"),
        [ProblemAction.Dismiss] = (["identified", "confirmed"], "dismissed"),
        [ProblemAction.Assign] = (["confirmed", "assigned", "reopened"], "assigned"),
        [ProblemAction.StartWork] = (["assigned", "reopened"], "in_work"),
        [ProblemAction.WorkOut] = (["in_work"], "worked_out"),
        [ProblemAction.Reopen] = (["worked_out", "verified"], "reopened"),
    };

    public static bool IsAllowed(string status, ProblemAction action) => Steps[action].From.Contains(status);

    public async Task ApplyAsync(long problemId, ProblemAction action, Actor actor, string? text = null, int? departmentId = null,
        CancellationToken ct = default)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        switch (action)
        {
            case ProblemAction.Dismiss when text is null:
                throw new ProblemRejectedException("A dismissal needs its reason.");
            case ProblemAction.Assign when departmentId is null:
                throw new ProblemRejectedException("Assigning needs the responsible department.");
            case ProblemAction.StartWork when text is null:
                throw new ProblemRejectedException("Taking into work needs the root cause found.");
            case ProblemAction.WorkOut when text is null:
                throw new ProblemRejectedException("Working out needs the measures taken.");
        }

        var (from, to) = Steps[action];
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var status = await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT status FROM systemic_problems WHERE id = @problemId FOR UPDATE", new { problemId }, tx, cancellationToken: ct))
            ?? throw new ProblemRejectedException($"Problem {problemId} does not exist.");
        if (!from.Contains(status))
        {
            throw new ProblemRejectedException($"A problem that is '{status}' cannot go to '{to}'.");
        }
        if (departmentId is not null && !await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM departments WHERE id = @departmentId)", new { departmentId }, tx, cancellationToken: ct)))
        {
            throw new ProblemRejectedException($"Department {departmentId} does not exist.");
        }

        const string update = """
            UPDATE systemic_problems SET
                status = @to, updated_at = @now,
                dismissed_reason = CASE WHEN @to = 'dismissed' THEN @text ELSE dismissed_reason END,
                department_id = coalesce(@departmentId::smallint, department_id),
                root_cause = CASE WHEN @to = 'in_work' THEN @text ELSE root_cause END,
                measures = CASE WHEN @to = 'worked_out' THEN @text ELSE measures END,
                worked_out_at = CASE WHEN @to = 'worked_out' THEN @now ELSE worked_out_at END
            WHERE id = @problemId;
            INSERT INTO systemic_problem_events (problem_id, at, kind, actor, note) VALUES (@problemId, @now, @to, @actor, @note);
            """;
        var note = action == ProblemAction.Assign ? $"department {departmentId}" + (text is null ? "" : $": {text}") : text;
        await conn.ExecuteAsync(new CommandDefinition(update,
            new { problemId, to, now = time.GetUtcNow(), text, departmentId, actor = actor.Name, note }, tx, cancellationToken: ct));
        // The step's facts; its free text (cause, measures, reason) stays with the problem.
        await AuditLog.RecordAsync(conn, tx, actor, AuditActions.ProblemChange, "problem", problemId.ToString(CultureInfo.InvariantCulture),
            new { step = action.ToString(), from = status, to, department = departmentId }, ct);
        await tx.CommitAsync(ct);
    }
}
