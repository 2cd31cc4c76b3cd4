using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.CitySystems.Alerts;

/// <summary>An open alert: a rule holding on an object, or a system gone silent (Kind 'stale', no rule or object).
/// ObjectName is null for personal systems: their alerts name a district and a rule, never a person.</summary>
public sealed record OpenAlert(long Id, string Kind, string SystemCode, int? RuleId, string? RuleCode, string? RuleNameRu, string? RuleNameKk,
    string? RuleNameEn, long? ObjectId, string? ObjectName, string Severity, DateTime OpenedAt, double? Value, int? DistrictId,
    double? Lat, double? Lon, bool RaisesStatus, bool Personal);

/// <summary>A system's open alerts by severity (the overview's and the wall's counters).</summary>
public sealed record AlertCounts(string SystemCode, int Critical, int Warning, bool Stale);

/// <summary>Reads of the alert rules and the alerts: the rules' editor, and the systems' pages and overview.</summary>
public sealed class AlertQueries(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<AlertRule>> GetRulesAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<AlertRule>(new CommandDefinition("""
            SELECT r.id AS Id, r.system_code AS SystemCode, r.code AS Code, r.name_ru AS NameRu, r.name_kk AS NameKk, r.name_en AS NameEn,
                   r.conditions::text AS Conditions, r.clear_margin AS ClearMargin, r.confirm::int AS Confirm, r.months AS Months,
                   r.severity AS Severity, r.raises_status AS RaisesStatus, r.is_enabled AS IsEnabled, r.updated_at AS UpdatedAt,
                   r.updated_by AS UpdatedBy
            FROM city_alert_rules r JOIN city_systems s ON s.code = r.system_code
            ORDER BY s.position, r.code
            """, cancellationToken: ct))).AsList();
    }

    /// <summary>The systems' names in three languages, in their order.</summary>
    public async Task<IReadOnlyList<(string Code, string NameRu, string NameKk, string NameEn)>> GetSystemNamesAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(string, string, string, string)>(new CommandDefinition(
            "SELECT code, name_ru, name_kk, name_en FROM city_systems ORDER BY position", cancellationToken: ct))).AsList();
    }

    /// <summary>A system's fields by name, as the rules' grammar checks them.</summary>
    public async Task<IReadOnlyDictionary<string, AlertField>> GetFieldsAsync(string systemCode, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var fields = await conn.QueryAsync<(string Name, string Type, string? Choices)>(new CommandDefinition(
            "SELECT name, type, array_to_string(choices, ',') FROM city_system_fields WHERE system_code = @systemCode ORDER BY position",
            new { systemCode }, cancellationToken: ct));
        return fields.ToDictionary(f => f.Name, f => new AlertField(f.Name, f.Type, f.Choices?.Split(',')));
    }

    /// <summary>Open alerts, of one system or all, critical first, latest first.</summary>
    public async Task<IReadOnlyList<OpenAlert>> GetOpenAsync(string? systemCode = null, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<OpenAlert>(new CommandDefinition("""
            SELECT a.id AS Id, a.kind AS Kind, a.system_code AS SystemCode, a.rule_id AS RuleId, r.code AS RuleCode,
                   r.name_ru AS RuleNameRu, r.name_kk AS RuleNameKk, r.name_en AS RuleNameEn,
                   CASE WHEN s.personal THEN NULL ELSE a.object_id END AS ObjectId,
                   CASE WHEN s.personal THEN NULL ELSE coalesce(o.name, o.source_id) END AS ObjectName,
                   a.severity AS Severity, a.opened_at AS OpenedAt, a.value AS Value, a.district_id::int AS DistrictId,
                   CASE WHEN s.personal THEN NULL ELSE a.lat END AS Lat, CASE WHEN s.personal THEN NULL ELSE a.lon END AS Lon,
                   coalesce(r.raises_status, false) AS RaisesStatus, s.personal AS Personal
            FROM city_alerts a JOIN city_systems s ON s.code = a.system_code
            LEFT JOIN city_alert_rules r ON r.id = a.rule_id
            LEFT JOIN city_objects o ON o.id = a.object_id
            WHERE a.closed_at IS NULL AND (@systemCode::text IS NULL OR a.system_code = @systemCode)
            ORDER BY a.severity = 'critical' DESC, a.opened_at DESC, a.id DESC
            """, new { systemCode }, cancellationToken: ct))).AsList();
    }

    /// <summary>Every system's open alerts by severity, and whether it is silent.</summary>
    public async Task<IReadOnlyList<AlertCounts>> GetCountsAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<AlertCounts>(new CommandDefinition("""
            SELECT s.code AS SystemCode,
                   count(a.id) FILTER (WHERE a.kind = 'rule' AND a.severity = 'critical')::int AS Critical,
                   count(a.id) FILTER (WHERE a.kind = 'rule' AND a.severity = 'warning')::int AS Warning,
                   coalesce(bool_or(a.kind = 'stale'), false) AS Stale
            FROM city_systems s LEFT JOIN city_alerts a ON a.system_code = s.code AND a.closed_at IS NULL
            GROUP BY s.code, s.position ORDER BY s.position
            """, cancellationToken: ct))).AsList();
    }
}
