using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Projects.OpenData;

/// <summary>
/// One published project as the open data shows it: what astana.gov.kz publishes of its infrastructure portfolio
/// (name, supervisor, head, dates, scope, results, % of execution, planned budget, photos). Nothing internal: no risks,
/// no spending, no logins of the staff who edited it.
/// </summary>
public sealed record OpenProject(
    int Id,
    string Code,
    string NameRu,
    string NameKk,
    string NameEn,
    string ProjectGroup,
    string? DistrictCode,
    string DepartmentCode,
    string Status,
    string Deputy,
    string ProjectHead,
    string Scope,
    DateTime StartDate,
    DateTime PlannedEndDate,
    DateTime ForecastEndDate,
    DateTime? ActualStartDate,
    DateTime? ActualEndDate,
    decimal BudgetKzt,
    decimal ProgressPct,
    decimal? AreaHa,
    short? Storeys,
    decimal? Capacity,
    string? CapacityUnit,
    double? Lat,
    double? Lon)
{
    public IReadOnlyList<OpenResult> Results { get; init; } = [];
    public IReadOnlyList<OpenPhoto> Photos { get; init; } = [];
}

/// <summary>A direct or final result of a published project, planned against achieved.</summary>
public sealed record OpenResult(int ProjectId, string Kind, string NameRu, string NameKk, string NameEn, string Unit, decimal Planned, decimal? Achieved);

/// <summary>A photo of a published project: its id for the photo endpoint, never the bytes or who uploaded it.</summary>
public sealed record OpenPhoto(int Id, int ProjectId, DateTime TakenOn, string Caption)
{
    public string ThumbnailUrl => $"/projects/photos/{Id}/thumb";
    public string Url => $"/projects/photos/{Id}";
}

/// <summary>
/// The open data's filter (?group=roads&amp;district=esil), the same for the page and both downloads. Unknown values are
/// reported by <see cref="Error"/> (a text key and the value), never silently dropped.
/// </summary>
public sealed record OpenDataFilter(string? Group = null, string? District = null)
{
    public static readonly string[] Groups = ["roads", "construction", "engineering", "improvement", "social"];

    public static OpenDataFilter From(string? group, string? district) =>
        new(string.IsNullOrWhiteSpace(group) ? null : group.Trim(), string.IsNullOrWhiteSpace(district) ? null : district.Trim());

    /// <summary>The first value the filter cannot use, as a text key and the value; null when it is all known.</summary>
    public (string Key, string Value)? Error(IEnumerable<string> districtCodes) =>
        Group is { } g && !Groups.Contains(g) ? ("opendata.error.group", g)
        : District is { } d && !districtCodes.Contains(d) ? ("opendata.error.district", d)
        : null;
}

/// <summary>The open data's reads: published projects only (is_public), whatever else the tables hold.</summary>
public sealed class OpenDataQueries(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<OpenProject>> GetProjectsAsync(OpenDataFilter filter, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var projects = (await conn.QueryAsync<OpenProject>(new CommandDefinition("""
            SELECT p.id AS Id, p.code AS Code, p.name_ru AS NameRu, p.name_kk AS NameKk, p.name_en AS NameEn,
                   p.project_group AS ProjectGroup, di.code AS DistrictCode, d.code AS DepartmentCode, p.status AS Status,
                   dp.full_name AS Deputy, p.project_head AS ProjectHead, p.scope AS Scope,
                   p.start_date::timestamp AS StartDate, p.planned_end_date::timestamp AS PlannedEndDate,
                   p.forecast_end_date::timestamp AS ForecastEndDate, p.actual_start_date::timestamp AS ActualStartDate,
                   p.actual_end_date::timestamp AS ActualEndDate, p.budget_kzt AS BudgetKzt, p.progress_pct AS ProgressPct,
                   p.area_ha AS AreaHa, p.storeys AS Storeys, p.capacity AS Capacity, p.capacity_unit AS CapacityUnit,
                   p.lat AS Lat, p.lon AS Lon
            FROM projects p
            JOIN departments d ON d.id = p.department_id
            JOIN deputies dp ON dp.id = p.deputy_id
            LEFT JOIN districts di ON di.id = p.district_id
            WHERE p.is_public
              AND (@Group::text IS NULL OR p.project_group = @Group)
              AND (@District::text IS NULL OR di.code = @District)
            ORDER BY p.code
            """, new { filter.Group, filter.District }, cancellationToken: ct))).AsList();
        if (projects.Count == 0) return projects;

        var ids = projects.Select(p => p.Id).ToArray();
        var results = (await conn.QueryAsync<OpenResult>(new CommandDefinition("""
            SELECT project_id AS ProjectId, kind AS Kind, name_ru AS NameRu, name_kk AS NameKk, name_en AS NameEn, unit AS Unit,
                   planned AS Planned, achieved AS Achieved
            FROM project_results WHERE project_id = ANY(@ids) ORDER BY project_id, kind, id
            """, new { ids }, cancellationToken: ct))).ToLookup(r => r.ProjectId);
        var photos = (await conn.QueryAsync<OpenPhoto>(new CommandDefinition("""
            SELECT id AS Id, project_id AS ProjectId, taken_on::timestamp AS TakenOn, caption AS Caption
            FROM project_photos WHERE project_id = ANY(@ids) ORDER BY project_id, taken_on, id
            """, new { ids }, cancellationToken: ct))).ToLookup(p => p.ProjectId);
        return projects.Select(p => p with { Results = results[p.Id].ToList(), Photos = photos[p.Id].ToList() }).ToList();
    }
}
