using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Platform.City;

/// <summary>
/// Which organisation answers a service type in a district: the one that answered most such appeals over the last
/// year, else the department's organisation in (or nearest to) the district. Learned from history in one query and
/// kept in memory, refreshed hourly: routing an appeal must not cost a scan of a year of appeals.
/// </summary>
public sealed class RoutingTable(NpgsqlDataSource db, TimeProvider time)
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;

    private sealed record Snapshot(
        IReadOnlyDictionary<(int ServiceType, int District), int> Learned,
        IReadOnlyDictionary<int, (int Id, int? District)[]> ByDepartment,
        DateTimeOffset LoadedAt);

    public async Task<int?> OrganisationForAsync(int serviceTypeId, int departmentId, int districtId, CancellationToken ct)
    {
        var s = await GetAsync(ct);
        if (s.Learned.TryGetValue((serviceTypeId, districtId), out var organisation)) return organisation;
        if (!s.ByDepartment.TryGetValue(departmentId, out var candidates) || candidates.Length == 0) return null;
        return (candidates.FirstOrDefault(c => c.District == districtId) is { Id: > 0 } local ? local : candidates[0]).Id;
    }

    private async Task<Snapshot> GetAsync(CancellationToken ct)
    {
        if (_snapshot is { } s && time.GetUtcNow() - s.LoadedAt < RefreshEvery) return s;
        await _loading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } again && time.GetUtcNow() - again.LoadedAt < RefreshEvery) return again;
            await using var conn = await db.OpenConnectionAsync(ct);
            var learned = await conn.QueryAsync<(int ServiceType, int District, int Organisation)>(new CommandDefinition("""
                SELECT DISTINCT ON (service_type_id, district_id) service_type_id, district_id::int, organisation_id
                FROM (SELECT service_type_id, district_id, organisation_id, count(*) AS n FROM appeals
                      WHERE organisation_id IS NOT NULL AND created_at > city_now() - interval '365 days'
                      GROUP BY 1, 2, 3) routed
                ORDER BY service_type_id, district_id, n DESC, organisation_id
                """, cancellationToken: ct, commandTimeout: 120));
            var organisations = await conn.QueryAsync<(int Id, int Department, int? District)>(new CommandDefinition(
                "SELECT id, department_id::int, district_id::int FROM organisations ORDER BY id", cancellationToken: ct));
            _snapshot = new Snapshot(
                learned.ToDictionary(r => (r.ServiceType, r.District), r => r.Organisation),
                organisations.GroupBy(o => o.Department).ToDictionary(g => g.Key, g => g.Select(o => (o.Id, o.District)).ToArray()),
                time.GetUtcNow());
            return _snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }
}
