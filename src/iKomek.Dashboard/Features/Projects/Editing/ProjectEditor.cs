using System.Globalization;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.Projects.Editing;

/// <summary>The outcome of a save: the project's id, or the reasons nothing was saved.</summary>
public sealed record EditResult(int? ProjectId, IReadOnlyList<EditError> Errors)
{
    public bool Saved => Errors.Count == 0;

    public static EditResult Refused(params EditError[] errors) => new(null, errors);
}

/// <summary>
/// Creates and edits projects for the project office: every rule checked first, then one transaction per save that
/// writes the project, a project_plan_changes row for each change of the current start, end or budget (the baseline
/// never moves; a new project's baseline is its first plan), who saved it and when, and the audit log's entry.
/// The caller has checked <c>CityAction.EditProjects</c>.
/// </summary>
public sealed class ProjectEditor(NpgsqlDataSource db, TimeProvider time)
{
    private const string DraftColumns = """
        id AS Id, code AS Code, name_ru AS NameRu, name_kk AS NameKk, name_en AS NameEn, project_group AS "Group",
        department_id::int AS DepartmentId, deputy_id::int AS DeputyId, district_id::int AS DistrictId, project_head AS ProjectHead,
        scope AS Scope, lat AS Lat, lon AS Lon, start_date::timestamp AS StartDate, planned_end_date::timestamp AS PlannedEndDate,
        budget_kzt AS BudgetKzt, spent_kzt AS SpentKzt, progress_pct AS ProgressPct, status AS Status, area_ha AS AreaHa,
        storeys::int AS Storeys, capacity AS Capacity, capacity_unit AS CapacityUnit, is_public AS IsPublic
        """;

    public async Task<ProjectDraft?> LoadAsync(string code, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<ProjectDraft>(new CommandDefinition(
            $"SELECT {DraftColumns} FROM projects WHERE code = @code", new { code }, cancellationToken: ct));
    }

    public async Task<EditingLists> ListsAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await ListsAsync(conn, null, ct);
    }

    internal static async Task<EditingLists> ListsAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken ct)
    {
        async Task<IReadOnlyList<ListItem>> Read(string sql) =>
            (await conn.QueryAsync<ListItem>(new CommandDefinition(sql, transaction: tx, cancellationToken: ct))).AsList();
        return new EditingLists(
            await Read("SELECT id::int AS Id, code AS Code, name_ru AS NameRu, name_kk AS NameKk, name_en AS NameEn FROM departments ORDER BY name_ru"),
            await Read("SELECT id::int AS Id, code AS Code, full_name AS NameRu, full_name AS NameKk, full_name AS NameEn FROM deputies ORDER BY full_name"),
            await Read("SELECT id::int AS Id, code AS Code, name_ru AS NameRu, name_kk AS NameKk, name_en AS NameEn FROM districts ORDER BY name_ru"));
    }

    /// <summary>Saves a new project (<see cref="ProjectDraft.Id"/> null) or the fields of an existing one.</summary>
    public async Task<EditResult> SaveAsync(ProjectDraft draft, Actor actor, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var result = await SaveAsync(conn, tx, draft, actor, ct);
        if (result.Saved) await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>The save inside the caller's transaction (the import's row); the caller commits when it is saved.</summary>
    internal async Task<EditResult> SaveAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ProjectDraft draft, Actor actor, CancellationToken ct)
    {
        var d = Normalized(draft);
        var errors = ProjectRules.Check(d, await ListsAsync(conn, tx, ct));
        var taken = await conn.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT id FROM projects WHERE code = @Code AND id IS DISTINCT FROM @Id", new { d.Code, d.Id }, tx, cancellationToken: ct));
        if (taken is not null) errors.Add(new EditError("code", "duplicateCode", d.Code));

        ProjectDraft? old = null;
        if (d.Id is { } id)
        {
            old = await conn.QuerySingleOrDefaultAsync<ProjectDraft>(new CommandDefinition(
                $"SELECT {DraftColumns} FROM projects WHERE id = @id FOR UPDATE", new { id }, tx, cancellationToken: ct));
            if (old is null) return EditResult.Refused(new EditError("code", "notFound", d.Code));
        }
        var changes = old is null ? [] : PlanChanges(old, d);
        if (changes.Count > 0 && string.IsNullOrWhiteSpace(d.PlanChangeReason))
            errors.Add(new EditError("plan_change_reason", "reasonRequired", string.Join(", ", changes.Select(c => c.Field))));
        if (errors.Count > 0) return new EditResult(null, errors);

        var now = time.GetUtcNow();
        var args = new DynamicParameters(d);
        args.Add("now", now);
        args.Add("by", actor.Name);
        int projectId;
        try
        {
            if (old is null)
            {
                // projects.id is not generated: the next number, under a lock so that two saves do not take the same one.
                await conn.ExecuteAsync(new CommandDefinition("LOCK TABLE projects IN SHARE ROW EXCLUSIVE MODE", transaction: tx, cancellationToken: ct));
                projectId = await conn.ExecuteScalarAsync<int>(new CommandDefinition("""
                    INSERT INTO projects (id, code, name_ru, name_kk, name_en, project_group, department_id, deputy_id, district_id,
                        project_head, scope, lat, lon, start_date, planned_end_date, forecast_end_date, budget_kzt, spent_kzt,
                        progress_pct, status, area_ha, storeys, capacity, capacity_unit, is_public,
                        baseline_start_date, baseline_end_date, baseline_budget_kzt, actual_start_date, updated_at, updated_by)
                    SELECT coalesce(max(id), 0) + 1, @Code, @NameRu, @NameKk, @NameEn, @Group, @DepartmentId::smallint, @DeputyId::smallint,
                        @DistrictId::smallint, @ProjectHead, @Scope, @Lat, @Lon, @StartDate::date, @PlannedEndDate::date, @PlannedEndDate::date,
                        @BudgetKzt, coalesce(@SpentKzt, 0), coalesce(@ProgressPct, 0), @Status, @AreaHa, @Storeys::smallint, @Capacity,
                        @CapacityUnit, @IsPublic, @StartDate::date, @PlannedEndDate::date, @BudgetKzt,
                        CASE WHEN @Status <> 'planned' THEN @StartDate::date END, @now, @by
                    FROM projects
                    RETURNING id
                    """, args, tx, cancellationToken: ct));
            }
            else
            {
                projectId = old.Id!.Value;
                await conn.ExecuteAsync(new CommandDefinition("""
                    UPDATE projects SET code = @Code, name_ru = @NameRu, name_kk = @NameKk, name_en = @NameEn, project_group = @Group,
                        department_id = @DepartmentId::smallint, deputy_id = @DeputyId::smallint, district_id = @DistrictId::smallint,
                        project_head = @ProjectHead, scope = @Scope, lat = @Lat, lon = @Lon, start_date = @StartDate::date,
                        planned_end_date = @PlannedEndDate::date, budget_kzt = @BudgetKzt, spent_kzt = coalesce(@SpentKzt, 0),
                        progress_pct = coalesce(@ProgressPct, 0), status = @Status, area_ha = @AreaHa, storeys = @Storeys::smallint,
                        capacity = @Capacity, capacity_unit = @CapacityUnit, is_public = @IsPublic,
                        actual_start_date = coalesce(actual_start_date, CASE WHEN @Status <> 'planned' THEN @StartDate::date END),
                        updated_at = @now, updated_by = @by
                    WHERE id = @Id
                    """, args, tx, cancellationToken: ct));
                foreach (var c in changes)
                {
                    await conn.ExecuteAsync(new CommandDefinition("""
                        INSERT INTO project_plan_changes (project_id, field, old_value, new_value, reason, changed_at, changed_by)
                        VALUES (@projectId, @Field, @Old, @New, @reason, @now, @by)
                        """, new { projectId, c.Field, c.Old, c.New, reason = d.PlanChangeReason!.Trim(), now, by = actor.Name }, tx, cancellationToken: ct));
                }
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another save took the code between the check and the write.
            return EditResult.Refused(new EditError("code", "duplicateCode", d.Code));
        }
        await AuditLog.RecordAsync(conn, tx, actor, old is null ? AuditActions.ProjectCreate : AuditActions.ProjectChange, "project", d.Code,
            new { op = old is null ? "create" : "edit", plan = changes.Select(c => new { c.Field, c.Old, c.New }), reason = changes.Count > 0 ? d.PlanChangeReason : null }, ct);
        return new EditResult(projectId, []);
    }

    /// <summary>The current plan's changes between the stored project and the draft, as project_plan_changes writes them.</summary>
    public static List<(string Field, string Old, string New)> PlanChanges(ProjectDraft old, ProjectDraft d)
    {
        var changes = new List<(string, string, string)>();
        static string Day(DateTime? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        if (old.StartDate?.Date != d.StartDate?.Date) changes.Add(("start_date", Day(old.StartDate), Day(d.StartDate)));
        if (old.PlannedEndDate?.Date != d.PlannedEndDate?.Date) changes.Add(("planned_end_date", Day(old.PlannedEndDate), Day(d.PlannedEndDate)));
        if (old.BudgetKzt != d.BudgetKzt)
            changes.Add(("budget_kzt", old.BudgetKzt?.ToString("0", CultureInfo.InvariantCulture) ?? "", d.BudgetKzt?.ToString("0", CultureInfo.InvariantCulture) ?? ""));
        return changes;
    }

    /// <summary>Texts trimmed, the capacity's unit empty as null, dates without a time, the budget in whole tenge.</summary>
    private static ProjectDraft Normalized(ProjectDraft draft)
    {
        var d = draft.Copy();
        d.Code = d.Code.Trim();
        d.NameRu = d.NameRu.Trim();
        d.NameKk = d.NameKk.Trim();
        d.NameEn = d.NameEn.Trim();
        d.ProjectHead = d.ProjectHead.Trim();
        d.Scope = d.Scope.Trim();
        d.CapacityUnit = string.IsNullOrWhiteSpace(d.CapacityUnit) ? null : d.CapacityUnit.Trim();
        d.StartDate = d.StartDate?.Date;
        d.PlannedEndDate = d.PlannedEndDate?.Date;
        d.BudgetKzt = d.BudgetKzt is { } b ? Math.Round(b, 0) : null;
        d.SpentKzt = d.SpentKzt is { } s ? Math.Round(s, 0) : null;
        return d;
    }
}
