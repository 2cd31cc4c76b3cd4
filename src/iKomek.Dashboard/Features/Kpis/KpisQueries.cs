using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Kpis;

/// <summary>A KPI with its latest reported month.</summary>
public sealed record KpiRow(
    int Id,
    string Code,
    string NameRu,
    string NameKk,
    string NameEn,
    int DepartmentId,
    string Unit,
    bool HigherIsBetter,
    DateTime? PeriodStart,
    decimal? Target,
    decimal? Actual,
    decimal? ExecutionPct,
    decimal? YearExecutionPct);

public sealed record KpiPoint(DateTime PeriodStart, decimal Target, decimal? Actual);

public sealed class KpisQueries(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<KpiRow>> GetKpisAsync(CancellationToken ct = default)
    {
        const string sql = """
            SELECT k.id AS Id, k.code AS Code, k.name_ru AS NameRu, k.name_kk AS NameKk, k.name_en AS NameEn,
                   k.department_id::int AS DepartmentId, k.unit AS Unit, k.higher_is_better AS HigherIsBetter,
                   last.period_start::timestamp AS PeriodStart, last.target AS Target, last.actual AS Actual,
                   last.execution_pct AS ExecutionPct, year.pct AS YearExecutionPct
            FROM kpis k
            LEFT JOIN LATERAL (
                SELECT period_start, target, actual, execution_pct FROM v_kpi_execution e
                WHERE e.kpi_id = k.id AND e.actual IS NOT NULL ORDER BY period_start DESC LIMIT 1) last ON true
            LEFT JOIN LATERAL (
                SELECT avg(execution_pct)::numeric(6, 1) AS pct FROM v_kpi_execution e
                WHERE e.kpi_id = k.id AND e.period_start >= date_trunc('month', city_today()) - interval '12 months') year ON true
            ORDER BY year.pct NULLS LAST, k.id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<KpiRow>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<KpiPoint>> GetHistoryAsync(int kpiId, CancellationToken ct = default)
    {
        const string sql = """
            SELECT period_start::timestamp AS PeriodStart, target AS Target, actual AS Actual
            FROM kpi_values WHERE kpi_id = @kpiId ORDER BY period_start
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<KpiPoint>(new CommandDefinition(sql, new { kpiId }, cancellationToken: ct))).AsList();
    }
}
