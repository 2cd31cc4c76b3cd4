using Dapper;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.Alerts;

/// <summary>An alert as its acknowledgement link shows it: no personal data, as in the message.</summary>
public sealed record AckView(long AlertId, string Login, string TitleRu, string TitleKk, string TitleEn, string Link, bool Critical,
    DateTime RaisedAt, DateTime? AcknowledgedAt, string? AcknowledgedBy);

/// <summary>
/// Acknowledging an alert: from a delivery's link (as the person it was sent to) or from the panel (as the signed-in
/// person). The first acknowledgement stops the escalation; later ones change nothing. Each is in the audit log with
/// who, which alert and from where, in the same transaction.
/// </summary>
public sealed class AlertAcks(NpgsqlDataSource db, TimeProvider time)
{
    /// <summary>The alert of a delivery's token, or null for an unknown one.</summary>
    public async Task<AckView?> FindByTokenAsync(string token, CancellationToken ct = default)
    {
        if (!IsToken(token)) return null;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<AckView>(new CommandDefinition("""
            SELECT a.id AS AlertId, d.login AS Login, a.title_ru AS TitleRu, a.title_kk AS TitleKk, a.title_en AS TitleEn, a.link AS Link,
                   a.critical AS Critical, a.raised_at AS RaisedAt, a.acknowledged_at AS AcknowledgedAt, a.acknowledged_by AS AcknowledgedBy
            FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE d.ack_token = @token
            """, new { token }, cancellationToken: ct));
    }

    /// <summary>Acknowledges as the person the delivery of <paramref name="token"/> went to. Null for an unknown token.</summary>
    public async Task<AckView?> AcknowledgeByTokenAsync(string token, System.Net.IPAddress? address, CancellationToken ct = default)
    {
        if (await FindByTokenAsync(token, ct) is not { } view) return null;
        await AcknowledgeAsync(view.AlertId, new Actor(view.Login, null, address), "link", ct);
        return await FindByTokenAsync(token, ct);
    }

    /// <summary>Acknowledges as <paramref name="actor"/> (signed in on the panel, or the link's person). True when this
    /// acknowledgement was the first.</summary>
    public async Task<bool> AcknowledgeAsync(long alertId, Actor actor, string from, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var first = await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE alerts SET acknowledged_at = @now, acknowledged_by = @login, escalate_at = NULL
            WHERE id = @alertId AND acknowledged_at IS NULL
            """, new { alertId, login = actor.Name, now = time.GetUtcNow().UtcDateTime }, tx, cancellationToken: ct)) == 1;
        await AuditLog.RecordAsync(conn, tx, actor, AlertAuditActions.Acknowledge, "alert", alertId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { from, first }, ct);
        await tx.CommitAsync(ct);
        return first;
    }

    /// <summary>Tokens are 64 hex digits (two random UUIDs): anything else is not looked up.</summary>
    private static bool IsToken(string token) => token.Length == 64 && token.All(char.IsAsciiHexDigitLower);
}

/// <summary>The audit actions of alerts (the audit page searches them by name).</summary>
public static class AlertAuditActions
{
    public const string Acknowledge = "alert.acknowledge";
    public const string Subscriptions = "alert.subscriptions";
}
