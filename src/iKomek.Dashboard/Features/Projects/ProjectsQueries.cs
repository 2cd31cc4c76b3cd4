using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Projects;

public sealed record ProjectRow(
    int Id,
    string Code,
    string NameRu,
    string NameKk,
    string NameEn,
    string ProjectGroup,
    int DepartmentId,
    int? DistrictId,
    string ProjectHead,
    DateTime StartDate,
    DateTime PlannedEndDate,
    DateTime ForecastEndDate,
    decimal BudgetKzt,
    decimal ProgressPct,
    decimal PlannedPct,
    string Status,
    long OpenRisks)
{
    /// <summary>Days the forecast end lies past the planned end.</summary>
    public int DelayDays => Math.Max(0, (ForecastEndDate - PlannedEndDate).Days);
}

public sealed class ProjectsQueries(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<ProjectRow>> GetProjectsAsync(CancellationToken ct = default)
    {
        const string sql = """
            SELECT p.id AS Id, p.code AS Code, p.name_ru AS NameRu, p.name_kk AS NameKk, p.name_en AS NameEn,
                   p.project_group AS ProjectGroup, p.department_id::int AS DepartmentId, p.district_id::int AS DistrictId,
                   p.project_head AS ProjectHead, p.start_date::timestamp AS StartDate, p.planned_end_date::timestamp AS PlannedEndDate,
                   p.forecast_end_date::timestamp AS ForecastEndDate, p.budget_kzt AS BudgetKzt, p.progress_pct AS ProgressPct,
                   e.planned_pct AS PlannedPct, p.status AS Status, e.open_risks AS OpenRisks
            FROM projects p
            JOIN v_project_execution e ON e.project_id = p.id
            ORDER BY p.status = 'delayed' DESC, e.open_risks DESC, p.id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ProjectRow>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }
}
