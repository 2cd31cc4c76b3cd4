using Dapper;
using IKomek.Dashboard.Features.Kpis.Entry;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.Kpis.Entry;

/// <summary>What the KPI entry tests share: the demo city's editors and a few reads of its KPIs.</summary>
internal static class KpiEntryTestCity
{
    /// <summary>The demo city's KPIs the tests work on: two of the energy department's, one of the water department's.</summary>
    public const string Outages = "energy.heating_incidents";   // count, lower is better, min 0
    public const string Wear = "energy.network_wear";           // per cent, 0..100
    public const string Water = "water.supply_coverage";        // per cent, another department's

    public static readonly KpiEditor PlanningOffice = new(new Actor("planning.office", "planning_office"), null, true);

    public static async Task<KpiEditor> EnergyHeadAsync(NpgsqlDataSource db) =>
        new(new Actor("head.energy", "department_head"), await DepartmentAsync(db, "energy"), false);

    public static async Task<int> DepartmentAsync(NpgsqlDataSource db, string code)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>("SELECT id FROM departments WHERE code = @code", new { code });
    }

    public static async Task<int> KpiAsync(NpgsqlDataSource db, string code)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>("SELECT id FROM kpis WHERE code = @code", new { code });
    }

    public sealed record Value(decimal Target, decimal? Actual, string? EnteredBy, DateTime? EnteredAt);

    public static async Task<Value?> ValueAsync(NpgsqlDataSource db, int kpiId, DateOnly period)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<Value>("""
            SELECT target AS Target, actual AS Actual, entered_by AS EnteredBy, entered_at AS EnteredAt
            FROM kpi_values WHERE kpi_id = @kpiId AND period_start = @period::date
            """, new { kpiId, period = period.ToDateTime(TimeOnly.MinValue) });
    }

    public static async Task ExecuteAsync(NpgsqlDataSource db, string sql, object? args = null)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync(sql, args);
    }

    public static KpiPeriod Month(int year, int month) => new(KpiPeriod.Month, new DateOnly(year, month, 1));

    /// <summary>The audit rows about one KPI of one action, oldest first.</summary>
    public static async Task<IReadOnlyList<AuditRow>> AuditAsync(NpgsqlDataSource db, int kpiId, string action) =>
        (await AuditRows.AboutAsync(db, "kpi", kpiId.ToString(System.Globalization.CultureInfo.InvariantCulture))).Where(r => r.Action == action).ToList();
}
