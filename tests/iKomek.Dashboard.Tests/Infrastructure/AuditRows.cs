using System.Text.Json;
using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Tests.Infrastructure;

/// <summary>One row of audit_log as the tests read it back.</summary>
public sealed record AuditRow(long Id, string Actor, string? Role, string? Address, string Action, string? SubjectKind, string? SubjectId, string Details)
{
    public string? Detail(string name) =>
        JsonDocument.Parse(Details).RootElement.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
            : null;
}

public static class AuditRows
{
    /// <summary>The log's rows about one subject, oldest first.</summary>
    public static async Task<IReadOnlyList<AuditRow>> AboutAsync(NpgsqlDataSource db, string kind, string id)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<AuditRow>("""
            SELECT id AS Id, actor AS Actor, actor_role AS Role, host(address) AS Address, action AS Action,
                   subject_kind AS SubjectKind, subject_id AS SubjectId, details::text AS Details
            FROM audit_log WHERE subject_kind = @kind AND subject_id = @id ORDER BY id
            """, new { kind, id })).AsList();
    }
}
