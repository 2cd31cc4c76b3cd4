using System.Globalization;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.Appeals;

/// <summary>What an operator or an organisation does with an appeal.</summary>
public enum AppealAction { Assign, Forward, StartWork, WaitForCitizen, Resolve, Close, Reopen }

/// <summary>An action the appeal's current status does not allow, or an action missing what it needs.</summary>
public sealed class LifecycleRejectedException(string message) : Exception(message);

/// <summary>
/// The appeal's lifecycle: each action checks the current status, updates the appeal and appends one status event
/// (the history is append-only). Forwarding counts misrouting; waiting for the citizen pauses the SLA clock (the
/// deadline moves by the time spent waiting); closing records satisfaction; a citizen can return it for rework.
/// Each event names its actor, and the audit log records the step in the same transaction.
/// </summary>
public sealed class AppealLifecycle(NpgsqlDataSource db, TimeProvider time)
{
    private static readonly Dictionary<string, AppealAction[]> Allowed = new()
    {
        ["registered"] = [AppealAction.Assign, AppealAction.Resolve],
        ["assigned"] = [AppealAction.Forward, AppealAction.StartWork, AppealAction.WaitForCitizen, AppealAction.Resolve],
        ["forwarded"] = [AppealAction.Forward, AppealAction.StartWork, AppealAction.WaitForCitizen, AppealAction.Resolve],
        ["in_progress"] = [AppealAction.Forward, AppealAction.WaitForCitizen, AppealAction.Resolve],
        ["waiting_citizen"] = [AppealAction.StartWork, AppealAction.Resolve],
        ["resolved"] = [AppealAction.Close, AppealAction.Reopen],
        ["closed"] = [AppealAction.Reopen],
        ["reopened"] = [AppealAction.Assign, AppealAction.Forward, AppealAction.StartWork, AppealAction.Resolve],
    };

    /// <summary>The actions the status allows, in the order an operator meets them.</summary>
    public static IReadOnlyList<AppealAction> ActionsFor(string status) => Allowed.GetValueOrDefault(status) ?? [];

    /// <param name="actor">Who acts: the signed-in person, or the job or client acting for the city.</param>
    /// <param name="organisationId">Required for Assign and Forward: who takes the appeal.</param>
    /// <param name="satisfaction">Required for Close: the citizen's rating, 1 to 5.</param>
    public async Task ApplyAsync(long appealId, AppealAction action, Actor actor, string? note = null, int? organisationId = null,
        int? satisfaction = null, CancellationToken ct = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > 2000 }) throw new LifecycleRejectedException("The note is longer than 2,000 characters.");
        if (action is AppealAction.Assign or AppealAction.Forward && organisationId is null)
            throw new LifecycleRejectedException("Choose the organisation that takes the appeal.");
        if (action == AppealAction.Close && satisfaction is not (>= 1 and <= 5))
            throw new LifecycleRejectedException("Closing needs the citizen's satisfaction from 1 to 5.");
        if (action == AppealAction.Reopen && note is null)
            throw new LifecycleRejectedException("Say why the citizen returned the appeal for rework.");

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var current = await conn.QuerySingleOrDefaultAsync<(string Status, int DepartmentId)?>(new CommandDefinition(
            "SELECT status, department_id::int FROM appeals WHERE id = @appealId FOR UPDATE", new { appealId }, tx, cancellationToken: ct))
            ?? throw new LifecycleRejectedException($"Appeal {appealId} does not exist.");
        if (!ActionsFor(current.Status).Contains(action))
            throw new LifecycleRejectedException($"An appeal in status '{current.Status}' cannot be {Verb(action)}.");

        int? departmentId = null;
        if (organisationId is { } org)
        {
            departmentId = await conn.ExecuteScalarAsync<int?>(new CommandDefinition(
                "SELECT department_id::int FROM organisations WHERE id = @org", new { org }, tx, cancellationToken: ct))
                ?? throw new LifecycleRejectedException($"Organisation {org} does not exist.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var (status, update) = action switch
        {
            AppealAction.Assign => ("assigned", "organisation_id = @org, department_id = @dept"),
            AppealAction.Forward => ("forwarded", "organisation_id = @org, department_id = @dept, forward_count = forward_count + 1"),
            // Back from waiting for the citizen: the deadline moves by the time spent waiting (the SLA clock was paused).
            AppealAction.StartWork when current.Status == "waiting_citizen" => ("in_progress", """
                sla_due_at = sla_due_at + (@now - (SELECT max(at) FROM appeal_events WHERE appeal_id = @appealId AND status = 'waiting_citizen'))
                """),
            AppealAction.StartWork => ("in_progress", null),
            AppealAction.WaitForCitizen => ("waiting_citizen", null),
            // Resolved straight from registration: resolved at the first contact.
            AppealAction.Resolve => ("resolved", "resolved_at = @now, first_contact_resolved = (status = 'registered')"),
            AppealAction.Close => ("closed", "closed_at = @now, satisfaction = @satisfaction"),
            AppealAction.Reopen => ("reopened", "reopened_count = reopened_count + 1, resolved_at = NULL, closed_at = NULL, satisfaction = NULL"),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        var sql = $"""
            UPDATE appeals SET status = @status{(update is null ? "" : ", " + update)} WHERE id = @appealId
            RETURNING organisation_id, department_id;
            """;
        var held = await conn.QuerySingleAsync<(int? Organisation, int Department)>(new CommandDefinition(sql,
            new { appealId, status, org = organisationId, dept = departmentId, now, satisfaction }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO appeal_events (appeal_id, at, status, organisation_id, department_id, note, actor)
            VALUES (@appealId, @now, @status, @org, @dept, @note, @actor)
            """, new { appealId, now, status, org = held.Organisation, dept = held.Department, note, actor = actor.Name }, tx, cancellationToken: ct));
        // The note and the citizen's rating stay out of the log: they are the resident's words and opinion.
        await AuditLog.RecordAsync(conn, tx, actor, AuditActions.AppealStatus, "appeal", appealId.ToString(CultureInfo.InvariantCulture),
            new { from = current.Status, to = status, organisation = held.Organisation }, ct);
        await tx.CommitAsync(ct);
    }

    private static string Verb(AppealAction action) => action switch
    {
        AppealAction.Assign => "assigned",
        AppealAction.Forward => "forwarded",
        AppealAction.StartWork => "taken into work",
        AppealAction.WaitForCitizen => "put on hold for the citizen",
        AppealAction.Resolve => "resolved",
        AppealAction.Close => "closed",
        _ => "reopened",
    };
}
