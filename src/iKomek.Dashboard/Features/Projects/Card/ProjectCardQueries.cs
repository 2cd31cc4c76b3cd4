using Dapper;
using IKomek.Dashboard.Platform.Privacy;
using Npgsql;

namespace IKomek.Dashboard.Features.Projects.Card;

/// <summary>Everything the project office keeps for one project, as its card shows it.</summary>
public sealed record ProjectCard(
    int Id,
    string Code,
    string NameRu,
    string NameKk,
    string NameEn,
    string ProjectGroup,
    string DeputyName,
    string DeputyCode,
    string ProjectHead,
    int DepartmentId,
    int? DistrictId,
    string Scope,
    double? Lat,
    double? Lon,
    string? Outline,
    DateTime BaselineStartDate,
    DateTime BaselineEndDate,
    DateTime StartDate,
    DateTime PlannedEndDate,
    DateTime ForecastEndDate,
    DateTime? ActualStartDate,
    DateTime? ActualEndDate,
    decimal BaselineBudgetKzt,
    decimal BudgetKzt,
    decimal SpentKzt,
    decimal ProgressPct,
    decimal PlannedPct,
    decimal ExecutionPct,
    string Status,
    bool IsPublic,
    decimal? AreaHa,
    int? Storeys,
    decimal? Capacity,
    string? CapacityUnit)
{
    /// <summary>Whether the project is finished (its end is actual, not a forecast).</summary>
    public bool IsFinished => Status is "completed" or "archived";

    /// <summary>The end as it stands: the actual end of a finished project, the forecast of the others.</summary>
    public DateTime ExpectedEnd => ActualEndDate ?? ForecastEndDate;

    /// <summary>Days the expected end lies past the current plan's end.</summary>
    public int DelayDays => Math.Max(0, (ExpectedEnd - PlannedEndDate).Days);

    public bool OverBudget => SpentKzt > BudgetKzt;
}

public sealed record PlanChange(string Field, string OldValue, string NewValue, string Reason, DateTime ChangedAt, string ChangedBy);

public sealed record ProjectResult(int Id, string Kind, string NameRu, string NameKk, string NameEn, string Unit, decimal Planned, decimal? Achieved)
{
    /// <summary>Achieved as a share of planned, in %; null before anything is achieved or without a plan.</summary>
    public decimal? AchievedPct => Achieved is { } a && Planned > 0 ? Math.Round(a / Planned * 100, 1) : null;
}

public sealed record Milestone(int Id, string Name, DateTime DueDate, DateTime? DoneDate)
{
    public bool IsLate(DateTime today) => DoneDate is { } done ? done > DueDate : today > DueDate;
}

public sealed record ProjectRisk(int Id, string Kind, string Title, int Severity, bool IsOpen, DateTime RaisedOn, string? Owner,
    DateTime? DueDate, bool ToMeeting, DateTime? ClosedOn);

public sealed record PhotoInfo(int Id, DateTime TakenOn, string Caption, int Width, int Height);

/// <summary>A KPI the project serves with its latest reported period.</summary>
public sealed record ServedKpi(int Id, string Code, string NameRu, string NameKk, string NameEn, string Unit, DateTime? PeriodStart,
    decimal? Target, decimal? Actual, decimal? ExecutionPct);

/// <summary>One appeal of the project group's service types near the site.</summary>
public sealed record SiteAppeal(long Id, string RegNumber, DateTime CreatedAt, int ServiceTypeId, string Status, string? Address,
    string Description, double DistanceM)
{
    /// <summary>The appeal as a reader without <c>CityAction.SeePersonalData</c> reads it.</summary>
    public SiteAppeal Redacted() => this with { Address = PersonalData.RedactAddress(Address), Description = PersonalData.Redact(Description)! };
}

public sealed record SiteMonth(DateTime Month, long Appeals);

/// <summary>The appeals near a site: the latest ones and the monthly counts from a year before the start until today.</summary>
public sealed record SiteAppeals(IReadOnlyList<SiteAppeal> Latest, IReadOnlyList<SiteMonth> Months, long Total, int ServiceTypes);

/// <summary>Everything of the card but the appeals near the site, read in one round trip.</summary>
public sealed record ProjectCardData(
    ProjectCard Project,
    IReadOnlyList<PlanChange> PlanChanges,
    IReadOnlyList<ProjectResult> Results,
    IReadOnlyList<Milestone> Milestones,
    IReadOnlyList<ProjectRisk> Risks,
    IReadOnlyList<PhotoInfo> Photos,
    IReadOnlyList<ServedKpi> Kpis);

/// <summary>A photo's bytes as the photo endpoints serve them.</summary>
public sealed record PhotoFile(byte[] Bytes, string ContentType, bool IsPublic);

public sealed class ProjectCardQueries(NpgsqlDataSource db)
{
    /// <summary>How far from the site an appeal counts as "near" it, in metres.</summary>
    public const double SiteRadiusM = 500;

    /// <summary>How many of the latest appeals near the site the card lists.</summary>
    public const int LatestAppeals = 50;

    public async Task<ProjectCardData?> GetCardAsync(string code, CancellationToken ct = default)
    {
        const string sql = """
            SELECT p.id AS Id, p.code AS Code, p.name_ru AS NameRu, p.name_kk AS NameKk, p.name_en AS NameEn,
                   p.project_group AS ProjectGroup, d.full_name AS DeputyName, d.code AS DeputyCode, p.project_head AS ProjectHead,
                   p.department_id::int AS DepartmentId, p.district_id::int AS DistrictId, p.scope AS Scope, p.lat AS Lat, p.lon AS Lon,
                   p.outline::text AS Outline,
                   p.baseline_start_date::timestamp AS BaselineStartDate, p.baseline_end_date::timestamp AS BaselineEndDate,
                   p.start_date::timestamp AS StartDate, p.planned_end_date::timestamp AS PlannedEndDate,
                   p.forecast_end_date::timestamp AS ForecastEndDate, p.actual_start_date::timestamp AS ActualStartDate,
                   p.actual_end_date::timestamp AS ActualEndDate, p.baseline_budget_kzt AS BaselineBudgetKzt, p.budget_kzt AS BudgetKzt,
                   p.spent_kzt AS SpentKzt, p.progress_pct AS ProgressPct, e.planned_pct AS PlannedPct, e.execution_pct AS ExecutionPct,
                   p.status AS Status, p.is_public AS IsPublic, p.area_ha AS AreaHa, p.storeys::int AS Storeys, p.capacity AS Capacity,
                   p.capacity_unit AS CapacityUnit
            FROM projects p
            JOIN deputies d ON d.id = p.deputy_id
            JOIN v_project_execution e ON e.project_id = p.id
            WHERE p.code = @code;

            SELECT c.field AS Field, c.old_value AS OldValue, c.new_value AS NewValue, c.reason AS Reason, c.changed_at AS ChangedAt,
                   coalesce(u.display_name, c.changed_by) AS ChangedBy
            FROM project_plan_changes c JOIN projects p ON p.id = c.project_id LEFT JOIN users u ON u.login = c.changed_by
            WHERE p.code = @code ORDER BY c.changed_at, c.id;

            SELECT r.id AS Id, r.kind AS Kind, r.name_ru AS NameRu, r.name_kk AS NameKk, r.name_en AS NameEn, r.unit AS Unit,
                   r.planned AS Planned, r.achieved AS Achieved
            FROM project_results r JOIN projects p ON p.id = r.project_id
            WHERE p.code = @code ORDER BY r.kind = 'final', r.id;

            SELECT m.id AS Id, m.name AS Name, m.due_date::timestamp AS DueDate, m.done_date::timestamp AS DoneDate
            FROM project_milestones m JOIN projects p ON p.id = m.project_id
            WHERE p.code = @code ORDER BY m.position NULLS LAST, m.due_date, m.id;

            SELECT r.id AS Id, r.kind AS Kind, r.title AS Title, r.severity::int AS Severity, r.is_open AS IsOpen,
                   r.raised_on::timestamp AS RaisedOn, r.owner AS Owner, r.due_date::timestamp AS DueDate, r.to_meeting AS ToMeeting,
                   r.closed_on::timestamp AS ClosedOn
            FROM project_risks r JOIN projects p ON p.id = r.project_id
            WHERE p.code = @code ORDER BY r.is_open DESC, r.severity DESC, r.due_date NULLS LAST, r.id;

            SELECT f.id AS Id, f.taken_on::timestamp AS TakenOn, f.caption AS Caption, f.width AS Width, f.height AS Height
            FROM project_photos f JOIN projects p ON p.id = f.project_id
            WHERE p.code = @code ORDER BY f.taken_on, f.id;

            SELECT k.id AS Id, k.code AS Code, k.name_ru AS NameRu, k.name_kk AS NameKk, k.name_en AS NameEn, k.unit AS Unit,
                   last.period_start::timestamp AS PeriodStart, last.target AS Target, last.actual AS Actual, last.execution_pct AS ExecutionPct
            FROM project_kpis pk JOIN projects p ON p.id = pk.project_id JOIN kpis k ON k.id = pk.kpi_id
            LEFT JOIN LATERAL (
                SELECT period_start, target, actual, execution_pct FROM v_kpi_execution e
                WHERE e.kpi_id = k.id AND e.actual IS NOT NULL ORDER BY period_start DESC LIMIT 1) last ON true
            WHERE p.code = @code ORDER BY k.id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { code }, cancellationToken: ct));
        var project = await grid.ReadSingleOrDefaultAsync<ProjectCard>();
        if (project is null) return null;
        return new ProjectCardData(project,
            (await grid.ReadAsync<PlanChange>()).AsList(),
            (await grid.ReadAsync<ProjectResult>()).AsList(),
            (await grid.ReadAsync<Milestone>()).AsList(),
            (await grid.ReadAsync<ProjectRisk>()).AsList(),
            (await grid.ReadAsync<PhotoInfo>()).AsList(),
            (await grid.ReadAsync<ServedKpi>()).AsList());
    }

    /// <summary>
    /// Appeals of the project group's service types within <see cref="SiteRadiusM"/> of the site (card_site_appeals in
    /// sql/functions/projects): the latest ones, and the count per month from a year before the start until this month.
    /// </summary>
    public async Task<SiteAppeals> GetSiteAppealsAsync(int projectId, CancellationToken ct = default)
    {
        const string sql = """
            SELECT a.id AS Id, a.reg_number AS RegNumber, a.created_at AS CreatedAt, a.service_type_id AS ServiceTypeId, a.status AS Status,
                   a.address AS Address, a.description AS Description, s.distance_m AS DistanceM
            FROM card_site_appeals(@projectId, @radius) s JOIN appeals a ON a.id = s.appeal_id
            ORDER BY s.created_at DESC, s.appeal_id DESC LIMIT @latest;

            -- Counted once, then laid on the months: a join on the function would run it per month.
            SELECT m.month::timestamp AS Month, coalesce(c.appeals, 0) AS Appeals
            FROM projects p
            CROSS JOIN generate_series(card_site_since(p.start_date), date_trunc('month', city_now()), interval '1 month') m (month)
            LEFT JOIN (SELECT date_trunc('month', created_at) AS month, count(*) AS appeals
                       FROM card_site_appeals(@projectId, @radius) GROUP BY 1) c ON c.month = m.month
            WHERE p.id = @projectId
            ORDER BY m.month;

            SELECT count(*)::int FROM projects p JOIN project_group_service_types g ON g.project_group = p.project_group WHERE p.id = @projectId;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var args = new { projectId, radius = SiteRadiusM, latest = LatestAppeals };
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, args, cancellationToken: ct));
        var latest = (await grid.ReadAsync<SiteAppeal>()).AsList();
        var months = (await grid.ReadAsync<SiteMonth>()).AsList();
        var types = await grid.ReadSingleAsync<int>();
        return new SiteAppeals(latest, months, months.Sum(m => m.Appeals), types);
    }

    /// <summary>A photo or its thumbnail with whether its project is public (anonymous readers get only those).</summary>
    public async Task<PhotoFile?> GetPhotoAsync(int id, bool thumbnail, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT {(thumbnail ? "f.thumbnail" : "f.image")} AS Bytes, f.content_type AS ContentType, p.is_public AS IsPublic
            FROM project_photos f JOIN projects p ON p.id = f.project_id WHERE f.id = @id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var photo = await conn.QuerySingleOrDefaultAsync<PhotoFile>(new CommandDefinition(sql, new { id }, cancellationToken: ct));
        // The table keeps the image's type only: a thumbnail says its own by its first bytes.
        return photo is not null && thumbnail ? photo with { ContentType = ImageType(photo.Bytes) ?? photo.ContentType } : photo;
    }

    /// <summary>The type of a JPEG, PNG or WebP image by its signature; null for anything else.</summary>
    public static string? ImageType(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) ? "image/png"
        : bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;
}
