using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using IKomek.Dashboard.Platform.City;
using Npgsql;

namespace IKomek.Dashboard.Features.CitySystems.Panels;

/// <summary>
/// Reads of the city systems' pages over city_systems, city_objects, city_reading_daily and city_alerts (through
/// sql/views/city_systems). Whether a reader gets a system's individual records is the caller's decision
/// (<see cref="PersonalView"/>); these reads give what they are asked for.
/// </summary>
public sealed partial class PanelsQueries(NpgsqlDataSource db, AstanaClock clock)
{
    /// <summary>Above this many objects a map draws grid cells instead of points (16,000 cameras stay readable and fast).</summary>
    public const int PointLimit = 2000;

    /// <summary>The grid of a crowded map: about 1.1 km by 1 km around Astana.</summary>
    public const double CellLat = 0.01, CellLon = 0.015;

    public const int PageSize = 50;

    private const string StateSql = """
        CASE WHEN o.alert_severity IS NOT NULL THEN o.alert_severity
             WHEN o.kind = 'feed' AND (o.last_at IS NULL OR o.last_at < @now - o.stale_after) THEN 'stale'
             ELSE 'ok' END
        """;

    public async Task<IReadOnlyList<SystemStatus>> GetSystemsAsync(CancellationToken ct = default)
    {
        const string sql = """
            SELECT code, kind, place_kind AS PlaceKind, time_field AS TimeField, personal, position, name_ru AS NameRu, name_kk AS NameKk,
                   name_en AS NameEn, owner_ru AS OwnerRu, owner_kk AS OwnerKk, owner_en AS OwnerEn, stale_after AS StaleAfter, objects,
                   open_critical AS OpenCritical, open_warning AS OpenWarning, last_at AS LastAt
            FROM v_panels_system_status ORDER BY position
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return [.. await conn.QueryAsync<SystemStatus>(new CommandDefinition(sql, cancellationToken: ct))];
    }

    public async Task<SystemStatus?> GetSystemAsync(string code, CancellationToken ct = default)
    {
        const string sql = """
            SELECT code, kind, place_kind AS PlaceKind, time_field AS TimeField, personal, position, name_ru AS NameRu, name_kk AS NameKk,
                   name_en AS NameEn, owner_ru AS OwnerRu, owner_kk AS OwnerKk, owner_en AS OwnerEn, stale_after AS StaleAfter, objects,
                   open_critical AS OpenCritical, open_warning AS OpenWarning, last_at AS LastAt
            FROM v_panels_system_status WHERE code = @code
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<SystemStatus>(new CommandDefinition(sql, new { code }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<SystemField>> GetFieldsAsync(string code, CancellationToken ct = default)
    {
        const string sql = """
            SELECT name, position, scope, type, unit, array_to_json(choices)::text AS ChoicesJson, personal, label_ru AS LabelRu, label_kk AS LabelKk, label_en AS LabelEn
            FROM city_system_fields WHERE system_code = @code ORDER BY position
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return [.. await conn.QueryAsync<SystemField>(new CommandDefinition(sql, new { code }, cancellationToken: ct))];
    }

    /// <summary>The map: points when there are few, grid cells when there are many, district totals only when
    /// <paramref name="districtsOnly"/> (personal data for a reader without the right).</summary>
    public async Task<MapLayer> GetMapAsync(string code, ObjectFilter filter, bool districtsOnly, CancellationToken ct = default)
    {
        var (where, args) = Where(code, filter);
        await using var conn = await db.OpenConnectionAsync(ct);
        var districts = (await conn.QueryAsync<DistrictCount>(new CommandDefinition($"""
            SELECT o.district_id::int AS DistrictId, count(*) AS Count, count(*) FILTER (WHERE o.alert_severity IS NOT NULL) AS Alerts
            FROM v_panels_objects o WHERE {where} AND o.district_id IS NOT NULL GROUP BY 1 ORDER BY 1
            """, args, cancellationToken: ct))).ToList();
        if (districtsOnly) return new MapLayer([], [], districts);

        var placed = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM v_panels_objects o WHERE {where} AND o.lat IS NOT NULL", args, cancellationToken: ct));
        if (placed > PointLimit)
        {
            args.Add("cellLat", CellLat);
            args.Add("cellLon", CellLon);
            var cells = await conn.QueryAsync<MapCell>(new CommandDefinition($"""
                SELECT (floor(o.lat / @cellLat) + 0.5) * @cellLat AS Lat, (floor(o.lon / @cellLon) + 0.5) * @cellLon AS Lon, count(*) AS Count,
                       count(*) FILTER (WHERE o.alert_severity IS NOT NULL) AS Alerts,
                       count(*) FILTER (WHERE ({StateSql}) = 'stale') AS Stale
                FROM v_panels_objects o WHERE {where} AND o.lat IS NOT NULL GROUP BY 1, 2
                """, args, cancellationToken: ct));
            return new MapLayer([], [.. cells], districts);
        }
        var points = await conn.QueryAsync<MapPoint>(new CommandDefinition($"""
            SELECT o.id, o.source_id AS SourceId, o.name, o.lat, o.lon, {StateSql} AS state
            FROM v_panels_objects o WHERE {where} AND o.lat IS NOT NULL
            """, args, cancellationToken: ct));
        return new MapLayer([.. points], [], districts);
    }

    /// <summary>A page of the table by keyset on the source's id (the (system_code, source_id) key): the page after
    /// <paramref name="after"/>, and the filtered total.</summary>
    public async Task<ObjectsPage> GetObjectsAsync(string code, ObjectFilter filter, string? after, int limit = PageSize, CancellationToken ct = default)
    {
        var (where, args) = Where(code, filter);
        args.Add("after", after);
        args.Add("limit", limit + 1);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<ObjectRow>(new CommandDefinition($"""
            SELECT o.id, o.source_id AS SourceId, o.name, o.district_id AS DistrictId, o.attrs::text AS Attrs, o.last_vals::text AS LastVals,
                   o.last_at AS LastAt, o.updated_at AS UpdatedAt,
                   {StateSql} AS state
            FROM v_panels_objects o WHERE {where} AND (@after::text IS NULL OR o.source_id > @after)
            ORDER BY o.source_id LIMIT @limit
            """, args, cancellationToken: ct))).ToList();
        var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM v_panels_objects o WHERE {where}", args, cancellationToken: ct));
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(limit);
        return new ObjectsPage(rows, total, more ? rows[^1].SourceId : null);
    }

    /// <summary>Objects counted by district and by each of the given (choice) fields' values.</summary>
    public async Task<IReadOnlyList<AggregateRow>> GetAggregatesAsync(string code, ObjectFilter filter, IEnumerable<string> fields, CancellationToken ct = default)
    {
        var (where, args) = Where(code, filter);
        args.Add("fields", fields.Where(IsFieldName).ToArray());
        await using var conn = await db.OpenConnectionAsync(ct);
        return [.. await conn.QueryAsync<AggregateRow>(new CommandDefinition($"""
            SELECT coalesce(o.district_id, 0)::smallint AS DistrictId, f AS Field, coalesce(o.attrs ->> f, o.last_vals ->> f) AS Value, count(*) AS Count
            FROM v_panels_objects o CROSS JOIN unnest(@fields::text[]) f
            WHERE {where} GROUP BY 1, 2, 3 ORDER BY 2, 1, 3
            """, args, cancellationToken: ct))];
    }

    /// <summary>A feed's numeric fields by day and district over the last <paramref name="days"/> days (city_reading_daily).</summary>
    public async Task<IReadOnlyList<DailyValue>> GetDailyAsync(string code, int days = 365, CancellationToken ct = default)
    {
        const string sql = """
            SELECT day::timestamp AS Day, district_id AS DistrictId, field, n, sum FROM city_reading_daily
            WHERE system_code = @code AND day > @today::date - @days ORDER BY day
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return [.. await conn.QueryAsync<DailyValue>(new CommandDefinition(sql,
            new { code, today = clock.Today.ToDateTime(TimeOnly.MinValue), days }, cancellationToken: ct))];
    }

    /// <summary>A register's objects by month of its time field (the last two years), or by month of their last change.</summary>
    public async Task<IReadOnlyList<CountBy>> GetMonthlyAsync(string code, string? timeField, CancellationToken ct = default)
    {
        var time = timeField is not null && IsFieldName(timeField) ? "(o.attrs ->> @timeField)::date" : "(o.updated_at AT TIME ZONE city_zone())::date";
        var sql = $"""
            SELECT to_char(date_trunc('month', {time}), 'YYYY-MM') AS Key, count(*) AS Count
            FROM city_objects o WHERE o.system_code = @code AND {time} > @today::date - 730
            GROUP BY 1 ORDER BY 1
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return [.. await conn.QueryAsync<CountBy>(new CommandDefinition(sql,
            new { code, timeField, today = clock.Today.ToDateTime(TimeOnly.MinValue) }, cancellationToken: ct))];
    }

    /// <summary>A system's alerts: the open ones first (newest first), then the latest closed.</summary>
    public async Task<IReadOnlyList<AlertRow>> GetAlertsAsync(string code, int closed = 20, CancellationToken ct = default)
    {
        const string sql = """
            SELECT id, kind, severity, OpenedAt, ClosedAt, value, DistrictId, RuleRu, RuleKk, RuleEn, SourceId, ObjectName FROM (
            (SELECT a.id, a.kind, a.severity, a.opened_at AS OpenedAt, a.closed_at AS ClosedAt, a.value, a.district_id AS DistrictId,
                    r.name_ru AS RuleRu, r.name_kk AS RuleKk, r.name_en AS RuleEn, o.source_id AS SourceId, o.name AS ObjectName, 0 AS g
             FROM city_alerts a LEFT JOIN city_alert_rules r ON r.id = a.rule_id LEFT JOIN city_objects o ON o.id = a.object_id
             WHERE a.system_code = @code AND a.closed_at IS NULL ORDER BY a.severity, a.opened_at DESC LIMIT 200)
            UNION ALL
            (SELECT a.id, a.kind, a.severity, a.opened_at, a.closed_at, a.value, a.district_id, r.name_ru, r.name_kk, r.name_en, o.source_id, o.name, 1
             FROM city_alerts a LEFT JOIN city_alert_rules r ON r.id = a.rule_id LEFT JOIN city_objects o ON o.id = a.object_id
             WHERE a.system_code = @code AND a.closed_at IS NOT NULL ORDER BY a.opened_at DESC LIMIT @closed)) alerts
            ORDER BY g, CASE WHEN g = 0 THEN severity END, OpenedAt DESC
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return [.. await conn.QueryAsync<AlertRow>(new CommandDefinition(sql, new { code, closed }, cancellationToken: ct))];
    }

    public async Task<ObjectRow?> GetObjectAsync(string code, string sourceId, CancellationToken ct = default)
    {
        var sql = $"""
            SELECT o.id, o.source_id AS SourceId, o.name, o.district_id AS DistrictId, o.attrs::text AS Attrs, o.last_vals::text AS LastVals,
                   o.last_at AS LastAt, o.updated_at AS UpdatedAt,
                   {StateSql} AS state
            FROM v_panels_objects o WHERE o.system_code = @code AND o.source_id = @sourceId
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<ObjectRow>(new CommandDefinition(sql,
            new { code, sourceId, now = clock.UtcNow.UtcDateTime }, cancellationToken: ct));
    }

    /// <summary>An object's latest readings, newest first (the month partitions by their primary key).</summary>
    public async Task<IReadOnlyList<Reading>> GetReadingsAsync(long objectId, int limit = 200, CancellationToken ct = default)
    {
        const string sql = """
            SELECT observed_at AS ObservedAt, vals::text AS vals, lat, lon FROM city_readings
            WHERE object_id = @objectId ORDER BY observed_at DESC LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return [.. await conn.QueryAsync<Reading>(new CommandDefinition(sql, new { objectId, limit }, cancellationToken: ct))];
    }

    /// <summary>The filter's WHERE over v_panels_objects o. Field names are the schema's (checked by their pattern, and
    /// passed as parameters anyway); values are parameters.</summary>
    private (string Where, DynamicParameters Args) Where(string code, ObjectFilter filter)
    {
        var args = new DynamicParameters(new { code, now = clock.UtcNow.UtcDateTime });
        var sql = new StringBuilder("o.system_code = @code");
        if (filter.DistrictId is { } district)
        {
            sql.Append(" AND o.district_id = @district");
            args.Add("district", (short)district);
        }
        var i = 0;
        foreach (var (field, value) in filter.Choices ?? new Dictionary<string, string>())
        {
            if (!IsFieldName(field)) continue;
            sql.Append($" AND coalesce(o.attrs ->> @f{i}, o.last_vals ->> @f{i}) = @v{i}");
            args.Add($"f{i}", field);
            args.Add($"v{i}", value);
            i++;
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            sql.Append(" AND (o.name ILIKE @text OR o.source_id ILIKE @text)");
            args.Add("text", "%" + EscapeLike(filter.Text.Trim()) + "%");
        }
        return (sql.ToString(), args);
    }

    private static string EscapeLike(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    private static bool IsFieldName(string name) => FieldName().IsMatch(name);

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex FieldName();
}
