using System.Globalization;
using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Projects.Editing;

/// <summary>
/// The three CSV files of the project office, one header each: what the exports write and the import reads back
/// (<c>plan_change_reason</c> is the import's: why a row changes a project's current start, end or budget).
/// </summary>
public static class ProjectCsv
{
    public static readonly string[] ProjectsHeader =
    [
        "code", "name_ru", "name_kk", "name_en", "group", "department", "deputy", "district", "project_head", "scope", "lat", "lon",
        "start_date", "planned_end_date", "budget_kzt", "spent_kzt", "progress_pct", "status", "area_ha", "storeys", "capacity",
        "capacity_unit", "is_public", "plan_change_reason",
    ];

    public static readonly string[] MilestonesHeader = ["project_code", "name", "due_date", "done_date"];

    public static readonly string[] RisksHeader = ["project_code", "title", "kind", "severity", "owner", "due_date", "to_meeting", "closed_on"];

    /// <summary>The kind of file a header is (projects, milestones or risks), or null when it is none of them.</summary>
    public static string? KindOf(IReadOnlyCollection<string> columns) =>
        columns.Contains("name_ru") ? "projects"
        : columns.Contains("title") ? "risks"
        : columns.Contains("name") && columns.Contains("due_date") ? "milestones"
        : null;

    public static string[] HeaderOf(string kind) => kind switch
    {
        "projects" => ProjectsHeader,
        "milestones" => MilestonesHeader,
        _ => RisksHeader,
    };

    private static string? Day(DateTime? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(decimal? n) => n?.ToString(CultureInfo.InvariantCulture);

    public static async IAsyncEnumerable<string?[]> ProjectRowsAsync(NpgsqlDataSource db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<ProjectExportRow>(new CommandDefinition("""
            SELECT p.code AS Code, p.name_ru AS NameRu, p.name_kk AS NameKk, p.name_en AS NameEn, p.project_group AS "Group",
                   dep.code AS Department, dp.code AS Deputy, di.code AS District, p.project_head AS ProjectHead, p.scope AS Scope,
                   p.lat AS Lat, p.lon AS Lon, p.start_date::timestamp AS StartDate, p.planned_end_date::timestamp AS PlannedEndDate,
                   p.budget_kzt AS BudgetKzt, p.spent_kzt AS SpentKzt, p.progress_pct AS ProgressPct, p.status AS Status, p.area_ha AS AreaHa,
                   p.storeys::int AS Storeys, p.capacity AS Capacity, p.capacity_unit AS CapacityUnit, p.is_public AS IsPublic
            FROM projects p
            JOIN departments dep ON dep.id = p.department_id
            JOIN deputies dp ON dp.id = p.deputy_id
            LEFT JOIN districts di ON di.id = p.district_id
            ORDER BY p.code
            """, cancellationToken: ct));
        foreach (var p in rows)
        {
            yield return
            [
                p.Code, p.NameRu, p.NameKk, p.NameEn, p.Group, p.Department, p.Deputy, p.District, p.ProjectHead, p.Scope,
                p.Lat?.ToString("0.######", CultureInfo.InvariantCulture), p.Lon?.ToString("0.######", CultureInfo.InvariantCulture),
                Day(p.StartDate), Day(p.PlannedEndDate), Number(p.BudgetKzt), Number(p.SpentKzt), Number(p.ProgressPct), p.Status,
                Number(p.AreaHa), p.Storeys?.ToString(CultureInfo.InvariantCulture), Number(p.Capacity), p.CapacityUnit,
                p.IsPublic ? "true" : "false", null,
            ];
        }
    }

    public static async IAsyncEnumerable<string?[]> MilestoneRowsAsync(NpgsqlDataSource db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(string Code, string Name, DateTime Due, DateTime? Done)>(new CommandDefinition("""
            SELECT p.code, m.name, m.due_date::timestamp, m.done_date::timestamp
            FROM project_milestones m JOIN projects p ON p.id = m.project_id
            ORDER BY p.code, m.position NULLS LAST, m.due_date, m.id
            """, cancellationToken: ct));
        foreach (var m in rows) yield return [m.Code, m.Name, Day(m.Due), Day(m.Done)];
    }

    public static async IAsyncEnumerable<string?[]> RiskRowsAsync(NpgsqlDataSource db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(string Code, string Title, string Kind, int Severity, string? Owner, DateTime? Due, bool ToMeeting, DateTime? Closed)>(
            new CommandDefinition("""
                SELECT p.code, r.title, r.kind, r.severity::int, r.owner, r.due_date::timestamp, r.to_meeting, r.closed_on::timestamp
                FROM project_risks r JOIN projects p ON p.id = r.project_id
                ORDER BY p.code, r.id
                """, cancellationToken: ct));
        foreach (var r in rows)
            yield return [r.Code, r.Title, r.Kind, r.Severity.ToString(CultureInfo.InvariantCulture), r.Owner, Day(r.Due), r.ToMeeting ? "true" : "false", Day(r.Closed)];
    }

    public static async Task<long> CountAsync(NpgsqlDataSource db, string kind, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var table = kind switch { "projects" => "projects", "milestones" => "project_milestones", _ => "project_risks" };
        return await conn.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM {table}", cancellationToken: ct));
    }

    private sealed record ProjectExportRow(
        string Code, string NameRu, string NameKk, string NameEn, string Group, string Department, string Deputy, string? District,
        string ProjectHead, string Scope, double? Lat, double? Lon, DateTime StartDate, DateTime PlannedEndDate, decimal BudgetKzt,
        decimal SpentKzt, decimal ProgressPct, string Status, decimal? AreaHa, int? Storeys, decimal? Capacity, string? CapacityUnit, bool IsPublic);
}
