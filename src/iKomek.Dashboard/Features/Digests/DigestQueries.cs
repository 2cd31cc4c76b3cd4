using System.Security.Claims;
using Dapper;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Privacy;
using Npgsql;

namespace IKomek.Dashboard.Features.Digests;

/// <summary>
/// Reads a digest's contents for a period and a scope: the appeals' counts (as the live panel counts them, over the
/// Astana days of the period), the overdue now, critical incidents, systemic problems (emerging and the most reported),
/// and the departments with their heads' stored rating (rating_results, as the rating pages read it). A scope filters
/// appeals by department or area of city life and problems by their department (<see cref="SystemicProblemsQueries.DepartmentOf"/>).
/// </summary>
public sealed class DigestQueries(NpgsqlDataSource db, DeputyScopes deputies, TimeProvider time)
{
    private const int ListLimit = 10;

    // An appeal (a) in the scope: every appeal when both lists are null.
    private const string InScope = "(@departments::int[] IS NULL AND @areas::int[] IS NULL OR a.department_id = ANY(@departments) OR a.area_id = ANY(@areas))";

    /// <summary>The scope of a person's digest from the account (role, department, deputy on record).</summary>
    public async Task<DigestScope> ScopeOfAsync(string login, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var user = await conn.QuerySingleOrDefaultAsync<(string? Role, int? DepartmentId)>(new CommandDefinition(
            "SELECT role, department_id::int FROM users WHERE login = @login", new { login }, cancellationToken: ct));
        switch (user)
        {
            case { Role: CityRoles.DepartmentHead, DepartmentId: { } department }:
                return new DigestScope(DigestScope.Department, [department], null);
            case { Role: CityRoles.Deputy }:
                // The deputy's scope as the deputy's pages read it: the same query, for the account the digest is for.
                var principal = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim(ClaimTypes.Name, login), new Claim(ClaimTypes.Role, CityRoles.Deputy)], "digest"));
                return await deputies.OfAsync(principal, ct) is { } scope
                    ? new DigestScope(DigestScope.Deputy, [.. scope.Departments.Order()], [.. scope.Areas.Order()])
                    : DigestScope.WholeCity;
            default:
                return DigestScope.WholeCity;
        }
    }

    public async Task<Digest> GetAsync(DigestPeriod period, DigestScope scope, CancellationToken ct = default)
    {
        var previous = period.Previous;
        var args = new
        {
            from = Utc(period.From), to = Utc(period.To), prevFrom = Utc(previous.From), prevTo = Utc(previous.To),
            now = time.GetUtcNow().UtcDateTime, departments = scope.Departments, areas = scope.Areas, city = scope.Kind == DigestScope.City,
            month = period.RatingMonth.ToDateTime(TimeOnly.MinValue), monthBefore = period.RatingMonth.AddMonths(-1).ToDateTime(TimeOnly.MinValue),
            limit = ListLimit,
        };
        var sql = Figures("@from", "@to") + Figures("@prevFrom", "@prevTo") + $"""
            SELECT count(*) FROM appeals a WHERE a.status NOT IN ('resolved', 'closed') AND a.sla_due_at < @now AND {InScope};

            -- Critical incidents reported in the period, repeat reports folded into the first (as on the live panel).
            SELECT f.reg_number AS RegNumber, f.created_at AS CreatedAt, f.service_type_id AS ServiceTypeId, f.district_id::int AS DistrictId,
                   f.address AS Address, g.reports AS Reports
            FROM (SELECT coalesce(a.duplicate_of, a.id) AS first_id, count(*) AS reports, max(a.created_at) AS last_at
                  FROM appeals a WHERE a.is_critical AND a.created_at >= @from AND a.created_at < @to AND {InScope}
                  GROUP BY 1) g
            JOIN appeals f ON f.id = g.first_id
            ORDER BY g.reports DESC, g.last_at DESC LIMIT @limit;

            -- The city systems' critical alerts opened in the period: the city's, not a department's.
            SELECT a.id AS Id, a.system_code AS SystemCode, r.name_ru AS NameRu, r.name_kk AS NameKk, r.name_en AS NameEn,
                   a.opened_at AS OpenedAt, a.district_id::int AS DistrictId
            FROM city_alerts a JOIN city_alert_rules r ON r.id = a.rule_id
            WHERE @city AND a.severity = 'critical' AND a.opened_at >= @from AND a.opened_at < @to
            ORDER BY a.opened_at DESC LIMIT @limit;

            -- Systemic problems in the scope with their appeals in the period and the one before: the emerging ones, then
            -- the most reported.
            WITH scoped AS (
                SELECT p.id, p.title, p.area_id, p.district_id, p.is_emerging, p.score, p.is_current, p.status
                FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
                WHERE p.merged_into IS NULL AND p.status <> 'dismissed'
                  AND (@departments::int[] IS NULL AND @areas::int[] IS NULL OR {SystemicProblemsQueries.DepartmentOf} = ANY(@departments) OR p.area_id = ANY(@areas))
            ), counted AS (
                SELECT s.*, count(*) FILTER (WHERE a.created_at >= @from AND a.created_at < @to) AS in_period,
                       count(*) FILTER (WHERE a.created_at >= @prevFrom AND a.created_at < @prevTo) AS in_previous
                FROM scoped s LEFT JOIN appeals a ON a.systemic_problem_id = s.id AND a.created_at >= @prevFrom AND a.created_at < @to
                GROUP BY s.id, s.title, s.area_id, s.district_id, s.is_emerging, s.score, s.is_current, s.status
            )
            (SELECT id AS Id, title AS Title, area_id::int AS AreaId, district_id::int AS DistrictId, is_emerging AS IsEmerging, score AS Score,
                    in_period AS InPeriod, in_previous AS InPrevious, 0 AS list
             FROM counted WHERE is_emerging AND is_current ORDER BY score DESC, id LIMIT @limit)
            UNION ALL
            (SELECT id, title, area_id::int, district_id::int, is_emerging, score, in_period, in_previous, 1
             FROM counted WHERE in_period > 0 ORDER BY in_period DESC, score DESC, id LIMIT @limit);

            -- The departments in the scope (the city: every department with appeals in the period or overdue now).
            WITH counts AS (
                SELECT a.department_id::int AS id,
                       count(*) FILTER (WHERE a.created_at >= @from AND a.created_at < @to) AS received,
                       count(*) FILTER (WHERE a.resolved_at >= @from AND a.resolved_at < @to) AS resolved,
                       count(*) FILTER (WHERE a.resolved_at >= @from AND a.resolved_at < @to AND a.resolved_at <= a.sla_due_at) AS on_time,
                       count(*) FILTER (WHERE a.status NOT IN ('resolved', 'closed') AND a.sla_due_at < @now) AS overdue
                FROM appeals a
                WHERE (a.created_at >= @from AND a.created_at < @to OR a.resolved_at >= @from AND a.resolved_at < @to
                       OR a.status NOT IN ('resolved', 'closed') AND a.sla_due_at < @now)
                  AND (@departments::int[] IS NULL OR a.department_id = ANY(@departments))
                GROUP BY 1
            ), rated AS (
                SELECT DISTINCT ON (r.department_id, r.period_start) r.department_id::int AS id, r.period_start, r.total_pct, r.rank
                FROM rating_results r
                WHERE r.is_latest AND r.period_kind = 'month' AND r.period_start IN (@month::date, @monthBefore::date)
                ORDER BY r.department_id, r.period_start, r.manager_id
            )
            SELECT c.id AS Id, c.received AS Received, c.resolved AS Resolved, c.on_time AS OnTime, c.overdue AS Overdue,
                   m.total_pct AS Rating, b.total_pct AS RatingBefore, m.rank AS Rank, b.rank AS RankBefore
            FROM counts c
            LEFT JOIN rated m ON m.id = c.id AND m.period_start = @month::date
            LEFT JOIN rated b ON b.id = c.id AND b.period_start = @monthBefore::date
            ORDER BY c.received DESC, c.id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, args, cancellationToken: ct));
        var current = await grid.ReadSingleAsync<DigestFigures>();
        var before = await grid.ReadSingleAsync<DigestFigures>();
        var overdue = await grid.ReadSingleAsync<long>();
        // Building level at most: a digest leaves the panel for mailboxes.
        var critical = (await grid.ReadAsync<DigestCritical>()).Select(c => c with { Address = PersonalData.RedactAddress(c.Address) }).ToList();
        var alerts = (await grid.ReadAsync<DigestAlert>()).AsList();
        var problems = (await grid.ReadAsync<(long Id, string Title, int AreaId, int? DistrictId, bool IsEmerging, decimal Score, long InPeriod, long InPrevious, int List)>())
            .Select(p => (p.List, Problem: new DigestProblem(p.Id, PersonalData.Redact(p.Title)!, p.AreaId, p.DistrictId, p.IsEmerging, p.Score, p.InPeriod, p.InPrevious)))
            .ToList();
        var departments = (await grid.ReadAsync<DigestDepartment>()).AsList();
        return new Digest(period, scope, time.GetUtcNow(), current, before, overdue, critical, alerts,
            problems.Where(p => p.List == 0).Select(p => p.Problem).ToList(), problems.Where(p => p.List == 1).Select(p => p.Problem).ToList(),
            departments);
    }

    // The appeals of one period: received, resolved (on time), at the first contact, critical (first reports only).
    private static string Figures(string from, string to) => $"""
        SELECT count(*) FILTER (WHERE a.created_at >= {from} AND a.created_at < {to}) AS Received,
               count(*) FILTER (WHERE a.resolved_at >= {from} AND a.resolved_at < {to}) AS Resolved,
               count(*) FILTER (WHERE a.resolved_at >= {from} AND a.resolved_at < {to} AND a.resolved_at <= a.sla_due_at) AS OnTime,
               count(*) FILTER (WHERE a.created_at >= {from} AND a.created_at < {to} AND a.first_contact_resolved) AS FirstContact,
               count(*) FILTER (WHERE a.created_at >= {from} AND a.created_at < {to} AND a.is_critical AND a.duplicate_of IS NULL) AS Critical
        FROM appeals a
        WHERE (a.created_at >= {from} AND a.created_at < {to} OR a.resolved_at >= {from} AND a.resolved_at < {to}) AND {InScope};

        """;

    private static DateTime Utc(DateOnly day) => AstanaClock.StartOfDay(day).UtcDateTime;
}
