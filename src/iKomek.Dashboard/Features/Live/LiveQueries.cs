using Dapper;
using Npgsql;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Privacy;

namespace IKomek.Dashboard.Features.Live;

/// <summary>Reads of the akim's live panel. Today is Astana's local day; "typical" = mean of the last four same weekdays.</summary>
public sealed class LiveQueries(NpgsqlDataSource db, AstanaClock clock)
{
    public async Task<LiveSnapshot> GetSnapshotAsync(CancellationToken ct = default)
    {
        var now = clock.Now;
        var dayStart = AstanaClock.StartOfDay(DateOnly.FromDateTime(now.DateTime));
        var monthStart = AstanaClock.StartOfDay(new DateOnly(now.Year, now.Month, 1));
        var args = new
        {
            now = now.UtcDateTime,
            dayStart = dayStart.UtcDateTime,
            monthStart = monthStart.UtcDateTime,
            hourStart = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, now.Offset).UtcDateTime,
            today = now.Date,
            monthDay = new DateTime(now.Year, now.Month, 1),
        };

        const string sql = """
            -- 1: today so far, and the same span on the last four same weekdays: whole hours from the hourly rollup,
            -- the current hour's part from the appeals themselves (a few hundred rows through the created_at index).
            SELECT
                (SELECT coalesce(sum(created), 0) FROM live_hourly WHERE hour >= @dayStart AND hour < @now) AS today,
                (SELECT (coalesce(sum(h.created), 0)
                         + (SELECT count(*) FROM appeals a JOIN generate_series(1, 4) w
                              ON a.created_at >= @hourStart - make_interval(days => 7 * w) AND a.created_at < @now - make_interval(days => 7 * w))) / 4.0
                 FROM live_hourly h JOIN generate_series(1, 4) w
                   ON h.hour >= @dayStart - make_interval(days => 7 * w) AND h.hour < @hourStart - make_interval(days => 7 * w)) AS typical,
                (SELECT sum(fcr)::float8 / nullif(sum(created), 0) FROM live_hourly WHERE hour >= @dayStart AND hour < @now) AS fcr_today,
                (SELECT sum(fcr)::float8 / nullif(sum(created), 0) FROM live_hourly WHERE hour >= @monthStart AND hour < @now) AS fcr_month,
                (SELECT count(*) FROM appeals WHERE status NOT IN ('resolved', 'closed')) AS open_now,
                (SELECT count(*) FROM appeals WHERE status NOT IN ('resolved', 'closed') AND sla_due_at < @now) AS overdue_now,
                (SELECT count(*) FROM appeals WHERE status NOT IN ('resolved', 'closed') AND is_critical AND duplicate_of IS NULL) AS critical_open,
                -- Answer time this month, in working days, of appeals not resolved at the first contact.
                (SELECT sum(n * working_days_between(received, resolved))::float8 / nullif(sum(n), 0)
                 FROM live_answers WHERE resolved >= @monthDay::date) AS answer_days,
                -- The samples behind the shares: a share of a handful of appeals is not news.
                (SELECT coalesce(sum(created), 0)::bigint FROM live_hourly WHERE hour >= @monthStart AND hour < @now) AS month_count,
                (SELECT coalesce(sum(n), 0)::bigint FROM live_answers WHERE resolved >= @monthDay::date) AS answered_month;

            -- 2-5: today by channel, district, area (every area: a deputy's own come first), service type
            SELECT channel_id::int AS Id, sum(created)::bigint AS Count FROM live_daily WHERE day = @today::date GROUP BY 1 HAVING sum(created) > 0 ORDER BY 2 DESC;
            SELECT district_id::int AS Id, sum(created)::bigint AS Count FROM live_daily WHERE day = @today::date GROUP BY 1 HAVING sum(created) > 0 ORDER BY 2 DESC;
            SELECT area_id::int AS Id, sum(created)::bigint AS Count FROM live_daily WHERE day = @today::date GROUP BY 1 HAVING sum(created) > 0 ORDER BY 2 DESC, 1;

            SELECT service_type_id AS Id, sum(created)::bigint AS Count FROM live_daily_types WHERE day = @today::date GROUP BY 1 HAVING sum(created) > 0 ORDER BY 2 DESC LIMIT 5;

            -- 6: overdue now by department, every department (partial index on open appeals)
            SELECT department_id::int AS Id, count(*) AS Count FROM appeals
            WHERE status NOT IN ('resolved', 'closed') AND sla_due_at < @now GROUP BY 1 ORDER BY 2 DESC, 1;

            -- 7: hourly curve, today vs typical
            SELECT h AS Hour,
                   (SELECT coalesce(sum(created), 0) FROM live_hourly WHERE hour = @dayStart + make_interval(hours => h) AND hour < @now)::bigint AS Today,
                   (SELECT coalesce(sum(created), 0) / 4.0 FROM live_hourly JOIN generate_series(1, 4) w
                      ON hour = @dayStart - make_interval(days => 7 * w) + make_interval(hours => h))::float8 AS Typical
            FROM generate_series(0, 23) h;

            -- 8: critical incidents of the last 24 hours, latest report first; repeat reports fold into their first report.
            SELECT f.id AS Id, f.reg_number AS RegNumber, f.created_at AS CreatedAt, f.service_type_id AS ServiceTypeId,
                   f.district_id::int AS DistrictId, f.address AS Address, f.status AS Status, g.reports AS Reports, g.last_at AS LastReportAt
            FROM (SELECT coalesce(duplicate_of, id) AS first_id, count(*) AS reports, max(created_at) AS last_at
                  FROM appeals WHERE is_critical AND created_at >= @now - interval '24 hours' AND created_at < @now
                  GROUP BY 1) g
            JOIN appeals f ON f.id = g.first_id
            ORDER BY g.last_at DESC LIMIT 12;

            -- 9: the city systems' alerts that are incidents, with the appeals and problems at their place
            SELECT id AS Id, system_code AS SystemCode, rule_code AS RuleCode, name_ru AS NameRu, name_kk AS NameKk, name_en AS NameEn,
                   severity AS Severity, raises_status AS RaisesStatus, opened_at AS OpenedAt, district_id::int AS DistrictId,
                   object_name AS ObjectName, appeal_ids AS AppealIds, first_reg_number AS FirstRegNumber,
                   greatest(opened_at, last_appeal_at) AS LastAt, open_critical_appeals AS OpenCriticalAppeals, problem_ids AS ProblemIds
            FROM v_city_systems_incidents ORDER BY greatest(opened_at, last_appeal_at) DESC, id DESC LIMIT 50;
            """;

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, args, cancellationToken: ct));
        var head = await grid.ReadSingleAsync<(long Today, decimal Typical, double? FcrToday, double? FcrMonth, long Open, long Overdue, long Critical, double? AnswerDays, long Month, long Answered)>();
        var byChannel = (await grid.ReadAsync<CountByKey>()).AsList();
        var byDistrict = (await grid.ReadAsync<CountByKey>()).AsList();
        var byArea = (await grid.ReadAsync<CountByKey>()).AsList();
        var topTypes = (await grid.ReadAsync<CountByKey>()).AsList();
        var overdue = (await grid.ReadAsync<CountByKey>()).AsList();
        var hourly = (await grid.ReadAsync<HourlyPoint>()).AsList();
        // The panel hangs on walls: an incident's place is its building, never a resident's flat.
        var critical = (await grid.ReadAsync<CriticalIncident>()).Select(c => c with { Address = PersonalData.RedactAddress(c.Address) }).ToList();
        var alerts = (await grid.ReadAsync<SystemIncident>()).AsList();
        // An incident reported by citizens and by a sensor is one: its appeals show with the alert, not on their own.
        var joined = alerts.SelectMany(a => a.AppealIds).ToHashSet();
        critical.RemoveAll(c => joined.Contains(c.Id));
        var incidents = alerts.Where(a => a.Severity == "critical").ToList();
        return new LiveSnapshot(now, head.Today, (double)head.Typical, head.FcrToday, head.FcrMonth, head.Open, head.Overdue,
            CityStatus.Incidents(head.Critical, alerts), head.AnswerDays,
            byChannel, byDistrict, byArea, topTypes, overdue, hourly, critical, head.Month, head.Answered, incidents);
    }

    /// <summary>The hub's headline numbers: cheap enough to send several times a second.</summary>
    public async Task<IKomek.Dashboard.Features.Live.LiveCounters> GetCountersAsync(CancellationToken ct)
    {
        var now = clock.Now;
        var dayStart = AstanaClock.StartOfDay(DateOnly.FromDateTime(now.DateTime));
        const string sql = """
            SELECT (SELECT coalesce(sum(created), 0)::bigint FROM live_hourly WHERE hour >= @dayStart AND hour < @now),
                   (SELECT count(*) FROM appeals WHERE status NOT IN ('resolved', 'closed')),
                   (SELECT count(*) FROM appeals WHERE status NOT IN ('resolved', 'closed') AND sla_due_at < @now),
                   (SELECT count(*) FROM appeals WHERE is_critical AND created_at >= @dayStart AND created_at < @now)
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var (today, open, overdue, critical) = await conn.QuerySingleAsync<(long, long, long, long)>(new CommandDefinition(sql,
            new { now = now.UtcDateTime, dayStart = dayStart.UtcDateTime }, cancellationToken: ct));
        return new IKomek.Dashboard.Features.Live.LiveCounters(now, today, open, overdue, critical);
    }

    /// <summary>Critical appeals among the ids of one change.</summary>
    public async Task<IReadOnlyList<IKomek.Dashboard.Features.Live.LiveIncident>> GetCriticalIncidentsAsync(long firstId, long lastId, CancellationToken ct)
    {
        const string sql = """
            SELECT a.reg_number, a.created_at, s.code, s.name_ru, ar.code, d.code, a.address, a.status
            FROM appeals a JOIN service_types s ON s.id = a.service_type_id JOIN areas ar ON ar.id = a.area_id
            JOIN districts d ON d.id = a.district_id
            WHERE a.id BETWEEN @firstId AND @lastId AND a.is_critical
            ORDER BY a.id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(string Reg, DateTime Created, string Code, string Name, string Area, string District, string? Address, string Status)>(
            new CommandDefinition(sql, new { firstId, lastId }, cancellationToken: ct));
        // Any client may listen: building-level addresses only.
        return rows.Select(r => new IKomek.Dashboard.Features.Live.LiveIncident(r.Reg, AstanaClock.ToLocal(r.Created), r.Code, r.Name, r.Area, r.District,
            PersonalData.RedactAddress(r.Address), r.Status)).ToList();
    }

    /// <summary>
    /// The city systems' critical alerts opened after alert <paramref name="afterId"/> (or, with none, since
    /// <paramref name="since"/>), for the hub: named in Russian with codes, no object of a personal system.
    /// </summary>
    public async Task<IReadOnlyList<LiveAlert>> GetAlertIncidentsAsync(long? afterId, DateTime since, CancellationToken ct)
    {
        const string sql = """
            SELECT v.id, v.system_code, v.rule_code, v.name_ru, d.code, v.opened_at, v.object_name, cardinality(v.appeal_ids)
            FROM v_city_systems_incidents v LEFT JOIN districts d ON d.id = v.district_id
            WHERE v.severity = 'critical' AND (v.id > @afterId OR @afterId IS NULL AND v.opened_at >= @since)
            ORDER BY v.id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long Id, string System, string Rule, string Name, string? District, DateTime Opened, string? Object, int Appeals)>(
            new CommandDefinition(sql, new { afterId, since }, cancellationToken: ct));
        return rows.Select(r => new LiveAlert(r.Id, r.System, r.Rule, r.Name, r.District, AstanaClock.ToLocal(r.Opened), r.Object, 1 + r.Appeals)).ToList();
    }
}
