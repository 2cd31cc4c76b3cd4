using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using Npgsql;

namespace IKomek.Dashboard.Features.Projects.Editing;

/// <summary>A milestone as its form and the CSV fill it in; <see cref="Id"/> null for a new one.</summary>
public sealed class MilestoneDraft
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public DateTime? DueDate { get; set; }
    public DateTime? DoneDate { get; set; }
}

/// <summary>A risk or a problem issue (kind), with its owner, due date and the akimat meeting flag; closed when <see cref="ClosedOn"/> is set.</summary>
public sealed class RiskDraft
{
    public int? Id { get; set; }
    public string Title { get; set; } = "";
    public string Kind { get; set; } = "risk";
    public int Severity { get; set; } = 2;
    public string? Owner { get; set; }
    public DateTime? DueDate { get; set; }
    public bool ToMeeting { get; set; }
    public DateTime? ClosedOn { get; set; }
}

/// <summary>A direct or final result, planned against achieved.</summary>
public sealed class ResultDraft
{
    public int? Id { get; set; }
    public string Kind { get; set; } = "direct";
    public string NameRu { get; set; } = "";
    public string NameKk { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal? Planned { get; set; }
    public decimal? Achieved { get; set; }
}

public sealed record PlanChangeRow(string Field, string OldValue, string NewValue, string Reason, DateTime ChangedAt, string ChangedBy);

/// <summary>What the edit page shows under the project's fields.</summary>
public sealed record ProjectPartsView(
    IReadOnlyList<MilestoneDraft> Milestones, IReadOnlyList<RiskDraft> Risks, IReadOnlyList<ResultDraft> Results, IReadOnlyList<PlanChangeRow> PlanChanges);

/// <summary>
/// Milestones, risks and results of a project: each save checked, then written in one transaction with the project's
/// updated_by/updated_at and the audit log's entry. The caller has checked <c>CityAction.EditProjects</c>.
/// </summary>
public sealed class ProjectParts(NpgsqlDataSource db, TimeProvider time)
{
    public static readonly string[] RiskKinds = ["risk", "issue"];
    public static readonly string[] ResultKinds = ["direct", "final"];

    private DateTime Today => new AstanaClock(time).Today.ToDateTime(TimeOnly.MinValue);

    public async Task<ProjectPartsView> LoadAsync(int projectId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var p = new { projectId };
        var milestones = await conn.QueryAsync<MilestoneDraft>(new CommandDefinition("""
            SELECT id AS Id, name AS Name, due_date::timestamp AS DueDate, done_date::timestamp AS DoneDate
            FROM project_milestones WHERE project_id = @projectId ORDER BY position NULLS LAST, due_date, id
            """, p, cancellationToken: ct));
        var risks = await conn.QueryAsync<RiskDraft>(new CommandDefinition("""
            SELECT id AS Id, title AS Title, kind AS Kind, severity::int AS Severity, owner AS Owner, due_date::timestamp AS DueDate,
                   to_meeting AS ToMeeting, closed_on::timestamp AS ClosedOn
            FROM project_risks WHERE project_id = @projectId ORDER BY is_open DESC, severity DESC, id
            """, p, cancellationToken: ct));
        var results = await conn.QueryAsync<ResultDraft>(new CommandDefinition("""
            SELECT id AS Id, kind AS Kind, name_ru AS NameRu, name_kk AS NameKk, name_en AS NameEn, unit AS Unit, planned AS Planned, achieved AS Achieved
            FROM project_results WHERE project_id = @projectId ORDER BY kind, id
            """, p, cancellationToken: ct));
        var changes = await conn.QueryAsync<PlanChangeRow>(new CommandDefinition("""
            SELECT field AS Field, old_value AS OldValue, new_value AS NewValue, reason AS Reason, changed_at AS ChangedAt, changed_by AS ChangedBy
            FROM project_plan_changes WHERE project_id = @projectId ORDER BY changed_at DESC, id DESC
            """, p, cancellationToken: ct));
        return new ProjectPartsView(milestones.AsList(), risks.AsList(), results.AsList(), changes.AsList());
    }

    public Task<IReadOnlyList<EditError>> SaveMilestoneAsync(int projectId, MilestoneDraft m, Actor actor, CancellationToken ct = default) =>
        InTransactionAsync((conn, tx) => SaveMilestoneAsync(conn, tx, projectId, m, actor, ct), ct);

    public Task<IReadOnlyList<EditError>> SaveRiskAsync(int projectId, RiskDraft r, Actor actor, CancellationToken ct = default) =>
        InTransactionAsync((conn, tx) => SaveRiskAsync(conn, tx, projectId, r, actor, ct), ct);

    public Task<IReadOnlyList<EditError>> SaveResultAsync(int projectId, ResultDraft r, Actor actor, CancellationToken ct = default) =>
        InTransactionAsync((conn, tx) => SaveResultAsync(conn, tx, projectId, r, actor, ct), ct);

    private async Task<IReadOnlyList<EditError>> InTransactionAsync(Func<NpgsqlConnection, NpgsqlTransaction, Task<IReadOnlyList<EditError>>> save, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var errors = await save(conn, tx);
        if (errors.Count == 0) await tx.CommitAsync(ct);
        return errors;
    }

    internal async Task<IReadOnlyList<EditError>> SaveMilestoneAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int projectId, MilestoneDraft m,
        Actor actor, CancellationToken ct)
    {
        var errors = new List<EditError>();
        var name = m.Name.Trim();
        if (name.Length == 0) errors.Add(new("name", "required"));
        else if (name.Length > ProjectRules.MaxText) errors.Add(new("name", "tooLong", ProjectRules.MaxText));
        if (m.DueDate is null) errors.Add(new("due_date", "required"));
        if (m.DoneDate?.Date > Today) errors.Add(new("done_date", "doneInFuture", m.DoneDate.Value, Today));
        if (name.Length > 0 && await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM project_milestones WHERE project_id = @projectId AND name = @name AND id IS DISTINCT FROM @Id)",
                new { projectId, name, m.Id }, tx, cancellationToken: ct)))
            errors.Add(new("name", "duplicateMilestone", name));
        if (errors.Count > 0) return errors;

        var args = new { projectId, m.Id, name, due = m.DueDate!.Value.Date, done = m.DoneDate?.Date, now = time.GetUtcNow(), by = actor.Name };
        var id = m.Id is null
            ? await conn.ExecuteScalarAsync<int>(new CommandDefinition("""
                INSERT INTO project_milestones (project_id, name, due_date, done_date, position, updated_at, updated_by)
                SELECT @projectId, @name, @due::date, @done::date, coalesce(max(position), 0) + 1, @now, @by
                FROM project_milestones WHERE project_id = @projectId
                RETURNING id
                """, args, tx, cancellationToken: ct))
            : await conn.ExecuteScalarAsync<int?>(new CommandDefinition("""
                UPDATE project_milestones SET name = @name, due_date = @due::date, done_date = @done::date, updated_at = @now, updated_by = @by
                WHERE id = @Id AND project_id = @projectId RETURNING id
                """, args, tx, cancellationToken: ct)) ?? 0;
        if (id == 0) return [new("name", "notFound", name)];
        return await TouchAsync(conn, tx, projectId, actor, new { op = m.Id is null ? "milestone.add" : "milestone.edit", milestone = id, name, due = args.due, done = args.done }, ct);
    }

    internal async Task<IReadOnlyList<EditError>> SaveRiskAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int projectId, RiskDraft r,
        Actor actor, CancellationToken ct)
    {
        var errors = new List<EditError>();
        var title = r.Title.Trim();
        var owner = string.IsNullOrWhiteSpace(r.Owner) ? null : r.Owner.Trim();
        if (title.Length == 0) errors.Add(new("title", "required"));
        else if (title.Length > ProjectRules.MaxText) errors.Add(new("title", "tooLong", ProjectRules.MaxText));
        if (owner?.Length > ProjectRules.MaxText) errors.Add(new("owner", "tooLong", ProjectRules.MaxText));
        if (!RiskKinds.Contains(r.Kind)) errors.Add(new("kind", "unknownKind", r.Kind));
        if (r.Severity is < 1 or > 3) errors.Add(new("severity", "severity", r.Severity));
        if (r.ClosedOn?.Date > Today) errors.Add(new("closed_on", "closedInFuture", r.ClosedOn.Value, Today));
        if (r.ToMeeting && owner is null) errors.Add(new("owner", "meetingNeedsOwner"));
        if (r.ToMeeting && r.DueDate is null) errors.Add(new("due_date", "meetingNeedsDue"));
        if (title.Length > 0 && await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM project_risks WHERE project_id = @projectId AND title = @title AND id IS DISTINCT FROM @Id)",
                new { projectId, title, r.Id }, tx, cancellationToken: ct)))
            errors.Add(new("title", "duplicateRisk", title));
        if (errors.Count > 0) return errors;

        var args = new
        {
            projectId, r.Id, title, r.Kind, severity = (short)r.Severity, owner, due = r.DueDate?.Date, r.ToMeeting, closed = r.ClosedOn?.Date,
            today = Today, now = time.GetUtcNow(), by = actor.Name,
        };
        var id = r.Id is null
            ? await conn.ExecuteScalarAsync<int>(new CommandDefinition("""
                INSERT INTO project_risks (project_id, title, severity, is_open, raised_on, kind, owner, due_date, to_meeting, closed_on, updated_at, updated_by)
                VALUES (@projectId, @title, @severity, @closed::date IS NULL, @today::date, @Kind, @owner, @due::date, @ToMeeting, @closed::date, @now, @by)
                RETURNING id
                """, args, tx, cancellationToken: ct))
            : await conn.ExecuteScalarAsync<int?>(new CommandDefinition("""
                UPDATE project_risks SET title = @title, severity = @severity, is_open = @closed::date IS NULL, kind = @Kind, owner = @owner,
                    due_date = @due::date, to_meeting = @ToMeeting, closed_on = @closed::date, updated_at = @now, updated_by = @by
                WHERE id = @Id AND project_id = @projectId RETURNING id
                """, args, tx, cancellationToken: ct)) ?? 0;
        if (id == 0) return [new("title", "notFound", title)];
        return await TouchAsync(conn, tx, projectId, actor,
            new { op = r.Id is null ? "risk.add" : "risk.edit", risk = id, title, r.Kind, r.Severity, owner, due = args.due, r.ToMeeting, closed = args.closed }, ct);
    }

    internal async Task<IReadOnlyList<EditError>> SaveResultAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int projectId, ResultDraft r,
        Actor actor, CancellationToken ct)
    {
        var errors = new List<EditError>();
        if (!ResultKinds.Contains(r.Kind)) errors.Add(new("kind", "unknownKind", r.Kind));
        foreach (var (field, value) in new[] { ("name_ru", r.NameRu), ("name_kk", r.NameKk), ("name_en", r.NameEn), ("unit", r.Unit) })
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add(new(field, "required"));
            else if (value.Length > ProjectRules.MaxText) errors.Add(new(field, "tooLong", ProjectRules.MaxText));
        }
        if (r.Planned is not { } planned) errors.Add(new("planned", "required"));
        else if (planned < 0) errors.Add(new("planned", "negative", planned));
        else if (planned >= 1e12m) errors.Add(new("planned", "tooBig", planned));
        if (r.Achieved is < 0) errors.Add(new("achieved", "negative", r.Achieved));
        else if (r.Achieved >= 1e12m) errors.Add(new("achieved", "tooBig", r.Achieved));
        if (errors.Count > 0) return errors;

        var args = new { projectId, r.Id, r.Kind, ru = r.NameRu.Trim(), kk = r.NameKk.Trim(), en = r.NameEn.Trim(), unit = r.Unit.Trim(), r.Planned, r.Achieved };
        var id = r.Id is null
            ? await conn.ExecuteScalarAsync<int>(new CommandDefinition("""
                INSERT INTO project_results (project_id, kind, name_ru, name_kk, name_en, unit, planned, achieved)
                VALUES (@projectId, @Kind, @ru, @kk, @en, @unit, @Planned, @Achieved) RETURNING id
                """, args, tx, cancellationToken: ct))
            : await conn.ExecuteScalarAsync<int?>(new CommandDefinition("""
                UPDATE project_results SET kind = @Kind, name_ru = @ru, name_kk = @kk, name_en = @en, unit = @unit, planned = @Planned, achieved = @Achieved
                WHERE id = @Id AND project_id = @projectId RETURNING id
                """, args, tx, cancellationToken: ct)) ?? 0;
        if (id == 0) return [new("name_ru", "notFound", args.ru)];
        return await TouchAsync(conn, tx, projectId, actor,
            new { op = r.Id is null ? "result.add" : "result.edit", result = id, r.Kind, name = args.ru, r.Planned, r.Achieved }, ct);
    }

    /// <summary>The project's updated_by/updated_at and the audit entry of a change to one of its parts.</summary>
    private async Task<IReadOnlyList<EditError>> TouchAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int projectId, Actor actor, object details, CancellationToken ct)
    {
        var code = await conn.ExecuteScalarAsync<string>(new CommandDefinition(
            "UPDATE projects SET updated_at = @now, updated_by = @by WHERE id = @projectId RETURNING code",
            new { projectId, now = time.GetUtcNow(), by = actor.Name }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(conn, tx, actor, AuditActions.ProjectChange, "project", code, details, ct);
        return [];
    }
}
