using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.SystemicProblems;

/// <summary>A place where one kind of trouble keeps coming back (before the mining job ranks problems).</summary>
public sealed record RecurringPlace(
    int ServiceTypeId,
    int AreaId,
    int DistrictId,
    string Address,
    long Appeals,
    long DistinctWeeks,
    long Citizens,
    long Reopened,
    DateTime FirstSeen,
    DateTime LastSeen);

public sealed record ProblemStatusCount(string Status, long Count);

public sealed class SystemicProblemsQueries(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<RecurringPlace>> GetRecurringPlacesAsync(int limit, CancellationToken ct = default)
    {
        const string sql = """
            SELECT service_type_id AS ServiceTypeId, area_id::int AS AreaId, district_id::int AS DistrictId, address AS Address,
                   appeals AS Appeals, distinct_weeks AS DistinctWeeks, citizens AS Citizens, reopened AS Reopened,
                   first_seen AS FirstSeen, last_seen AS LastSeen
            FROM v_recurring_places
            ORDER BY distinct_weeks DESC, appeals DESC, address
            LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<RecurringPlace>(new CommandDefinition(sql, new { limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>Problems found by the mining job, by lifecycle status.</summary>
    public async Task<IReadOnlyList<ProblemStatusCount>> GetStatusCountsAsync(CancellationToken ct = default)
    {
        const string sql = "SELECT status AS Status, count(*) AS Count FROM systemic_problems GROUP BY status ORDER BY status";
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ProblemStatusCount>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }
}
