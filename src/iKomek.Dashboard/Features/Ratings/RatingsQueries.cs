using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Ratings;

/// <summary>One manager's four indicators; the total is their plain mean.</summary>
public sealed record ManagerScore(
    int ManagerId,
    string FullName,
    string PositionRu,
    int DepartmentId,
    decimal KpiPct,
    decimal ProjectsPct,
    decimal AppealsPct,
    decimal SystemicPct,
    long Projects,
    long Appeals,
    long SystemicAssigned)
{
    public decimal TotalPct => Math.Round((KpiPct + ProjectsPct + AppealsPct + SystemicPct) / 4, 1);
}

public sealed class RatingsQueries(NpgsqlDataSource db)
{
    /// <summary>Every manager, best total first.</summary>
    public async Task<IReadOnlyList<ManagerScore>> GetScorecardAsync(CancellationToken ct = default)
    {
        const string sql = """
            SELECT manager_id AS ManagerId, full_name AS FullName, position_ru AS PositionRu, department_id::int AS DepartmentId,
                   kpi_pct AS KpiPct, projects_pct AS ProjectsPct, appeals_pct AS AppealsPct, systemic_pct AS SystemicPct,
                   projects AS Projects, appeals AS Appeals, systemic_assigned AS SystemicAssigned
            FROM v_ratings_manager_scorecard
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<ManagerScore>(new CommandDefinition(sql, cancellationToken: ct));
        return rows.OrderByDescending(r => r.TotalPct).ThenBy(r => r.FullName, StringComparer.Ordinal).ToList();
    }
}
