using Dapper;
using IKomek.Dashboard.Platform.Privacy;
using Npgsql;

namespace IKomek.Dashboard.Features.SystemicProblems;

/// <summary>One problem of the ranked list, with its appeals in the period (and in the compared period) and a trend.</summary>
public sealed record ProblemRow(
    long Rank, long Id, string Title, int ServiceTypeId, int AreaId, int? DistrictId, string? Address, string Status,
    int? DepartmentId, decimal Recurrence, decimal Resonance, decimal Criticality, decimal Score, int AppealsCount,
    int Citizens, int ExcessWeeks, bool IsEmerging, bool IsCurrent, DateTime FirstSeen, DateTime LastSeen,
    long InPeriod, long InCompared, string TrendCsv, decimal Vulnerable)
{
    /// <summary>At least a third of its appeals concern vulnerable residents (the list marks it; texts that name them by
    /// chance are a few percent of any problem's).</summary>
    public bool ConcernsVulnerable => Vulnerable >= 0.33m;

    /// <summary>Appeals in each of the 26 weeks up to the latest (sent as text: Dapper does not map int[] into records).</summary>
    public int[] Trend { get; } = TrendCsv.Length == 0 ? [] : TrendCsv.Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}

/// <summary>The list's filters: area, district, status, and a period with an optional second period to compare.</summary>
/// <param name="DepartmentId">Only this department's problems (<see cref="SystemicProblemsQueries.DepartmentOf"/>): a
/// department head's scope, set from the reader, never from the address.</param>
public sealed record ProblemFilter(int? AreaId = null, int? DistrictId = null, string? Status = null,
    DateTime? FromUtc = null, DateTime? ToUtc = null, DateTime? CompareFromUtc = null, DateTime? CompareToUtc = null,
    int? DepartmentId = null);

/// <summary>How many problems of other departments one area holds in one status: what a department head sees of them.</summary>
public sealed record ProblemTally(int AreaId, string Status, long Count);

/// <summary>The akim's counters: problems identified (all not dismissed), in work, worked out.</summary>
public sealed record ProblemCounters(long Identified, long InWork, long WorkedOut, long Emerging);

/// <summary>Everything the problem page shows above its appeals.</summary>
public sealed record ProblemDetail(
    long Id, string Title, int ServiceTypeId, int AreaId, int? DistrictId, string? Address, double? Lat, double? Lon,
    string Status, int? DepartmentId, decimal Recurrence, decimal Resonance, decimal Criticality, decimal Score,
    int AppealsCount, int Citizens, int ExcessWeeks, decimal Expected, bool IsEmerging, bool IsCurrent, short? Level,
    DateTime FirstSeen, DateTime LastSeen, DateTime IdentifiedAt, string? RecurrenceParts, string? ResonanceParts,
    string? CriticalityParts, long? MergedInto, string? DismissedReason, string? RootCause, string? Measures,
    DateTime? WorkedOutAt, long? SplitFrom);

/// <summary>A week of the problem's place: its appeals of the type against the baseline expected there.</summary>
public sealed record ProblemWeek(DateTime Week, int Appeals, double Expected, int Threshold);

public sealed record ProblemAppeal(long Id, string RegNumber, DateTime CreatedAt, string Status, string? Address,
    double? Lat, double? Lon, int ChannelId, int? OrganisationId, int DepartmentId, string Description)
{
    /// <summary>The appeal as a reader without <c>CityAction.SeePersonalData</c> reads it.</summary>
    public ProblemAppeal Redacted() => this with { Address = PersonalData.RedactAddress(Address), Description = PersonalData.Redact(Description)! };
}

public sealed record ProblemEvent(DateTime At, string Kind, string Actor, string? Note);

public sealed record NamedCount(int Id, long Count);

public sealed record NearbyProject(int Id, string NameRu, string NameKk, string NameEn, string Status, decimal ProgressPct, double DistanceM);

public sealed class SystemicProblemsQueries(NpgsqlDataSource db)
{
    /// <summary>Statuses in which a problem is being worked on.</summary>
    public static readonly string[] InWorkStatuses = ["confirmed", "assigned", "in_work", "reopened"];

    /// <summary>
    /// A problem's department (p: systemic_problems, st: its service type): the one it is assigned to (by an analyst,
    /// or by the mining from most of its appeals), else the department that handles its service type. A department
    /// head reads the problems of their own department one by one and the others only counted.
    /// </summary>
    public const string DepartmentOf = "coalesce(p.department_id, st.department_id)::int";

    // The problems the list holds (current ones and every one an analyst has taken up), ranked across the city, with
    // the list's filters but the department's.
    private const string Listed = $"""
            listed AS (
                SELECT p.*, {DepartmentOf} AS scope_department, row_number() OVER (ORDER BY p.score DESC, p.id) AS rank
                FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
                WHERE (p.is_current OR p.status <> 'identified') AND p.merged_into IS NULL
            ), filtered AS (
                SELECT * FROM listed
                WHERE (@AreaId::int IS NULL OR area_id = @AreaId)
                  AND (@DistrictId::int IS NULL OR district_id = @DistrictId)
                  AND (@Status::text IS NULL OR status = @Status)
                  AND (@FromUtc::timestamptz IS NULL OR last_seen >= @FromUtc)
                  AND (@ToUtc::timestamptz IS NULL OR first_seen < @ToUtc)
            )
            """;

    /// <summary>The ranked list: current problems and every problem an analyst has taken up, best score first.</summary>
    public async Task<IReadOnlyList<ProblemRow>> GetRankedAsync(ProblemFilter f, int limit = 200, CancellationToken ct = default)
    {
        const string sql = $"""
            WITH {Listed}, picked AS (
                SELECT * FROM filtered
                WHERE (@DepartmentId::int IS NULL OR scope_department = @DepartmentId)
                ORDER BY rank LIMIT @limit
            ), weeks AS (
                SELECT a.systemic_problem_id AS id,
                       count(*) FILTER (WHERE (@FromUtc::timestamptz IS NULL OR a.created_at >= @FromUtc) AND (@ToUtc::timestamptz IS NULL OR a.created_at < @ToUtc)) AS in_period,
                       count(*) FILTER (WHERE a.created_at >= @CompareFromUtc AND a.created_at < @CompareToUtc) AS in_compared
                FROM appeals a WHERE a.systemic_problem_id IN (SELECT id FROM picked)
                GROUP BY 1
            ), weekly AS (
                -- Each problem's appeals counted once per week, for the trend below.
                SELECT a.systemic_problem_id AS id, date_trunc('week', a.created_at) AS week, count(*) AS n
                FROM appeals a WHERE a.systemic_problem_id IN (SELECT id FROM picked)
                GROUP BY 1, 2
            ), trend AS (
                -- The last 26 weeks of its appeals, up to its latest one.
                SELECT p.id, array_agg(coalesce(w.n, 0)::int ORDER BY g.week) AS trend
                FROM picked p
                CROSS JOIN LATERAL generate_series(date_trunc('week', p.last_seen) - interval '25 weeks', date_trunc('week', p.last_seen), interval '1 week') AS g (week)
                LEFT JOIN weekly w ON w.id = p.id AND w.week = g.week
                GROUP BY p.id
            )
            SELECT p.rank AS Rank, p.id AS Id, p.title AS Title, p.service_type_id AS ServiceTypeId, p.area_id::int AS AreaId,
                   p.district_id::int AS DistrictId, p.address AS Address, p.status AS Status, p.department_id::int AS DepartmentId,
                   p.recurrence AS Recurrence, p.resonance AS Resonance, p.criticality AS Criticality, p.score AS Score,
                   p.appeals_count AS AppealsCount, p.citizens AS Citizens, p.excess_weeks AS ExcessWeeks, p.is_emerging AS IsEmerging,
                   p.is_current AS IsCurrent, p.first_seen AS FirstSeen, p.last_seen AS LastSeen,
                   coalesce(w.in_period, 0) AS InPeriod, coalesce(w.in_compared, 0) AS InCompared, coalesce(array_to_string(t.trend, ','), '') AS TrendCsv,
                   coalesce((p.criticality_parts->>'vulnerable')::numeric, 0) AS Vulnerable
            FROM picked p LEFT JOIN weeks w ON w.id = p.id LEFT JOIN trend t ON t.id = p.id
            ORDER BY p.rank
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ProblemRow>(new CommandDefinition(sql, new
        {
            f.AreaId, f.DistrictId, f.Status, f.FromUtc, f.ToUtc, f.CompareFromUtc, f.CompareToUtc, f.DepartmentId, limit,
        }, cancellationToken: ct))).AsList();
    }

    /// <summary>The problems of departments other than <paramref name="department"/> under the list's filters, counted by
    /// area and status: no problem's row, place or id.</summary>
    public async Task<IReadOnlyList<ProblemTally>> GetOtherDepartmentsAsync(ProblemFilter f, int department, CancellationToken ct = default)
    {
        const string sql = $"""
            WITH {Listed}
            SELECT area_id::int AS AreaId, status AS Status, count(*) AS Count
            FROM filtered WHERE scope_department <> @department
            GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ProblemTally>(new CommandDefinition(sql, new
        {
            f.AreaId, f.DistrictId, f.Status, f.FromUtc, f.ToUtc, department,
        }, cancellationToken: ct))).AsList();
    }

    public async Task<ProblemCounters> GetCountersAsync(CancellationToken ct = default)
    {
        const string sql = """
            SELECT count(*) FILTER (WHERE status <> 'dismissed') AS Identified,
                   count(*) FILTER (WHERE status = ANY(@InWork)) AS InWork,
                   count(*) FILTER (WHERE status IN ('worked_out', 'verified')) AS WorkedOut,
                   count(*) FILTER (WHERE is_emerging AND is_current AND status <> 'dismissed') AS Emerging
            FROM systemic_problems
            WHERE (is_current OR status <> 'identified') AND merged_into IS NULL
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<ProblemCounters>(new CommandDefinition(sql, new { InWork = InWorkStatuses }, cancellationToken: ct));
    }

    /// <summary>One problem, or null when there is none or it is not <paramref name="department"/>'s (a department
    /// head's scope: another department's problem is "not found" to them, as another department's appeal is).</summary>
    public async Task<ProblemDetail?> GetProblemAsync(long id, int? department = null, CancellationToken ct = default)
    {
        const string sql = $"""
            SELECT p.id AS Id, p.title AS Title, p.service_type_id AS ServiceTypeId, p.area_id::int AS AreaId, p.district_id::int AS DistrictId,
                   p.address AS Address, p.lat AS Lat, p.lon AS Lon, p.status AS Status, p.department_id::int AS DepartmentId,
                   p.recurrence AS Recurrence, p.resonance AS Resonance, p.criticality AS Criticality, p.score AS Score,
                   p.appeals_count AS AppealsCount, p.citizens AS Citizens, p.excess_weeks AS ExcessWeeks, p.expected AS Expected,
                   p.is_emerging AS IsEmerging, p.is_current AS IsCurrent, p.level AS Level, p.first_seen AS FirstSeen, p.last_seen AS LastSeen,
                   p.identified_at AS IdentifiedAt, p.recurrence_parts::text AS RecurrenceParts, p.resonance_parts::text AS ResonanceParts,
                   p.criticality_parts::text AS CriticalityParts, p.merged_into AS MergedInto, p.dismissed_reason AS DismissedReason,
                   p.root_cause AS RootCause, p.measures AS Measures, p.worked_out_at AS WorkedOutAt, p.split_from AS SplitFrom
            FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
            WHERE p.id = @id AND (@department::int IS NULL OR {DepartmentOf} = @department)
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<ProblemDetail>(new CommandDefinition(sql, new { id, department }, cancellationToken: ct));
    }

    /// <summary>The problems that split off from this one (sql/schema/0016), oldest first.</summary>
    public async Task<IReadOnlyList<long>> GetSplitIntoAsync(long id, CancellationToken ct = default)
    {
        const string sql = "SELECT id FROM systemic_problems WHERE split_from = @id ORDER BY id";
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<long>(new CommandDefinition(sql, new { id }, cancellationToken: ct))).AsList();
    }

    /// <summary>Weekly counts of the problem's type at its place against the baseline the mining judged them by.</summary>
    public async Task<IReadOnlyList<ProblemWeek>> GetWeeksAsync(long id, CancellationToken ct = default)
    {
        const string sql = """
            WITH p AS (SELECT level, service_type_id, place FROM systemic_problems WHERE id = @id),
            totals AS (
                SELECT (SELECT sum(appeals) FROM mining_place_totals WHERE level = 2)::float8 AS city,
                       (SELECT sum(t.appeals) FROM mining_type_weekly t JOIN p USING (service_type_id))::float8 AS type_total,
                       (SELECT pt.appeals FROM mining_place_totals pt JOIN p USING (level, place))::float8 AS place_total,
                       (SELECT sum(w.appeals) FROM mining_weekly w JOIN p USING (level, service_type_id, place))::float8 AS group_total
            ), share AS (SELECT greatest(place_total - group_total, 1) / nullif(city - type_total, 0) AS s FROM totals)
            SELECT t.week::timestamp AS Week, coalesce(w.appeals, 0) AS Appeals, t.appeals * share.s AS Expected,
                   mining_threshold(t.appeals * share.s) AS Threshold
            FROM p JOIN mining_type_weekly t USING (service_type_id)
            CROSS JOIN share
            LEFT JOIN mining_weekly w ON (w.level, w.service_type_id, w.place, w.week) = (p.level, p.service_type_id, p.place, t.week)
            ORDER BY t.week
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ProblemWeek>(new CommandDefinition(sql, new { id }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<ProblemAppeal>> GetAppealsAsync(long id, int limit, CancellationToken ct = default)
    {
        const string sql = """
            SELECT id AS Id, reg_number AS RegNumber, created_at AS CreatedAt, status AS Status, address AS Address, lat AS Lat, lon AS Lon,
                   channel_id::int AS ChannelId, organisation_id AS OrganisationId, department_id::int AS DepartmentId, description AS Description
            FROM appeals WHERE systemic_problem_id = @id ORDER BY created_at DESC LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ProblemAppeal>(new CommandDefinition(sql, new { id, limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>Organisations and departments that answered the problem's appeals, most first.</summary>
    public async Task<(IReadOnlyList<NamedCount> Organisations, IReadOnlyList<NamedCount> Departments)> GetInvolvedAsync(long id, CancellationToken ct = default)
    {
        const string sql = """
            SELECT organisation_id AS Id, count(*) AS Count FROM appeals WHERE systemic_problem_id = @id AND organisation_id IS NOT NULL
            GROUP BY 1 ORDER BY 2 DESC LIMIT 8;
            SELECT department_id::int AS Id, count(*) AS Count FROM appeals WHERE systemic_problem_id = @id GROUP BY 1 ORDER BY 2 DESC LIMIT 8;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { id }, cancellationToken: ct));
        return ((await grid.ReadAsync<NamedCount>()).AsList(), (await grid.ReadAsync<NamedCount>()).AsList());
    }

    /// <summary>Projects of the project office within 1.5 km of the problem: work that may already address it.</summary>
    public async Task<IReadOnlyList<NearbyProject>> GetNearbyProjectsAsync(long id, CancellationToken ct = default)
    {
        const string sql = """
            SELECT pr.id AS Id, pr.name_ru AS NameRu, pr.name_kk AS NameKk, pr.name_en AS NameEn, pr.status AS Status,
                   pr.progress_pct AS ProgressPct, mining_distance(p.lat, p.lon, pr.lat, pr.lon) AS DistanceM
            FROM systemic_problems p JOIN projects pr ON pr.lat IS NOT NULL
            WHERE p.id = @id AND mining_distance(p.lat, p.lon, pr.lat, pr.lon) <= 1500
            ORDER BY DistanceM LIMIT 6
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<NearbyProject>(new CommandDefinition(sql, new { id }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<ProblemEvent>> GetHistoryAsync(long id, CancellationToken ct = default)
    {
        // A step names its actor by login; the history shows the person's name (older steps kept the name itself).
        const string sql = """
            SELECT e.at AS At, e.kind AS Kind, coalesce(u.display_name, e.actor) AS Actor, e.note AS Note
            FROM systemic_problem_events e LEFT JOIN users u ON u.login = e.actor
            WHERE e.problem_id = @id ORDER BY e.at, e.id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ProblemEvent>(new CommandDefinition(sql, new { id }, cancellationToken: ct))).AsList();
    }

    /// <summary>How many appeals the problem holds, counted up to <paramref name="limit"/>.</summary>
    public async Task<long> CountAppealsAsync(long id, long limit, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM (SELECT 1 FROM appeals WHERE systemic_problem_id = @id LIMIT @limit) capped", new { id, limit }, cancellationToken: ct));
    }

    /// <summary>All appeals of the problem for the export, oldest first.</summary>
    public async IAsyncEnumerable<ProblemAppeal> ExportAppealsAsync(long id, int limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        const string sql = """
            SELECT id AS Id, reg_number AS RegNumber, created_at AS CreatedAt, status AS Status, address AS Address, lat AS Lat, lon AS Lon,
                   channel_id::int AS ChannelId, organisation_id AS OrganisationId, department_id::int AS DepartmentId, description AS Description
            FROM appeals WHERE systemic_problem_id = @id ORDER BY created_at LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await foreach (var r in conn.QueryUnbufferedAsync<ProblemAppeal>(sql, new { id, limit }).WithCancellation(ct)) yield return r;
    }
}
