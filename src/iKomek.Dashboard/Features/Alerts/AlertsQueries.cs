using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Alerts;

/// <summary>A row of the office log (v_alerts_log).</summary>
public sealed record AlertLogRow(long Id, string Kind, bool Critical, short Level, short? DistrictId, short? AreaId, short? DepartmentId,
    string TitleRu, string TitleKk, string TitleEn, string Link, DateTime RaisedAt, DateTime? EscalateAt, DateTime? AcknowledgedAt,
    string? AcknowledgedBy, long Deliveries, long Sent, long Pending, long Failed, DateTime? FirstSentAt);

/// <summary>One delivery of an alert (v_alerts_deliveries).</summary>
public sealed record AlertDeliveryRow(long Id, long AlertId, string Login, string? DisplayName, string Channel, short Level, string Status,
    short Attempts, string? LastError, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? SentAt);

/// <summary>The office log's filters. <see cref="Department"/> is the reader's own department for a department head,
/// whatever was asked (decided by the page from the signed-in user).</summary>
public sealed record AlertLogFilter(string? Kind = null, bool? Acknowledged = null, bool CriticalOnly = false, int? Department = null,
    DateTime? FromUtc = null, int Limit = 200);

/// <summary>The office log's reads.</summary>
public sealed class AlertsQueries(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<AlertLogRow>> GetLogAsync(AlertLogFilter f, CancellationToken ct = default)
    {
        const string sql = """
            SELECT id AS Id, kind AS Kind, critical AS Critical, level AS Level, district_id AS DistrictId, area_id AS AreaId,
                   department_id AS DepartmentId, title_ru AS TitleRu, title_kk AS TitleKk, title_en AS TitleEn, link AS Link,
                   raised_at AS RaisedAt, escalate_at AS EscalateAt, acknowledged_at AS AcknowledgedAt, acknowledged_by AS AcknowledgedBy,
                   deliveries AS Deliveries, sent AS Sent, pending AS Pending, failed AS Failed, first_sent_at AS FirstSentAt
            FROM v_alerts_log
            WHERE (@Kind::text IS NULL OR kind = @Kind)
              AND (@Acknowledged::boolean IS NULL OR (acknowledged_at IS NOT NULL) = @Acknowledged)
              AND (NOT @CriticalOnly OR critical)
              AND (@Department::int IS NULL OR department_id = @Department)
              AND (@FromUtc::timestamptz IS NULL OR raised_at >= @FromUtc)
            ORDER BY raised_at DESC, id DESC
            LIMIT @Limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<AlertLogRow>(new CommandDefinition(sql, f, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<AlertDeliveryRow>> GetDeliveriesAsync(long alertId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<AlertDeliveryRow>(new CommandDefinition(
            """
            SELECT id AS Id, alert_id AS AlertId, login AS Login, display_name AS DisplayName, channel AS Channel, level AS Level,
                   status AS Status, attempts AS Attempts, last_error AS LastError, created_at AS CreatedAt,
                   next_attempt_at AS NextAttemptAt, sent_at AS SentAt
            FROM v_alerts_deliveries WHERE alert_id = @alertId ORDER BY level, coalesce(sent_at, next_attempt_at), login, channel
            """,
            new { alertId }, cancellationToken: ct))).AsList();
    }
}
