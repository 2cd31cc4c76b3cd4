using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Kpis;

/// <summary>A KPI's definition and its standing as of the reporting month (its last period over by then).</summary>
public sealed record KpiStanding(
    int Id,
    string Code,
    string NameRu,
    string NameKk,
    string NameEn,
    int DepartmentId,
    string Unit,
    bool HigherIsBetter,
    decimal Weight,
    string PeriodKind,
    string Aggregation,
    string Source,
    string? Measure,
    string TargetMode,
    DateTime PeriodStart,
    decimal? Target,
    decimal? Actual,
    decimal? ExecutionPct)
{
    /// <summary>No value for the period (or no target to judge it by): shown as missing, left out of the means.</summary>
    public bool Missing => ExecutionPct is null;
}

/// <summary>A department's execution: its KPIs' scores weighted by their weights; null when none has a score.</summary>
public sealed record DepartmentExecution(int DepartmentId, decimal? ExecutionPct, int Kpis, int Scored, int Missing);

/// <summary>The KPI model as of a month: every department and KPI, and the city's execution.</summary>
public sealed record KpiOverview(DateTime AsOfMonth, IReadOnlyList<DepartmentExecution> Departments, IReadOnlyList<KpiStanding> Kpis)
{
    /// <summary>
    /// The city's execution: the plain mean of the departments' executions, so that each department counts once
    /// whatever the number of its KPIs (their weights already rank the KPIs within a department).
    /// </summary>
    public decimal? CityPct => Departments.Where(d => d.ExecutionPct is not null).Select(d => d.ExecutionPct!.Value).ToList() is { Count: > 0 } scored
        ? Math.Round(scored.Average(), 1) : null;
}

/// <summary>One of a KPI's periods (month, quarter or year) with its target, actual and score.</summary>
public sealed record KpiPeriodValue(DateTime PeriodStart, DateTime PeriodEnd, decimal? Target, decimal? Actual, decimal? ExecutionPct, int Months, int Reported);

/// <summary>A month's value as stored, with who entered (or recounted) it and when.</summary>
public sealed record KpiMonthValue(DateTime PeriodStart, decimal Target, decimal? Actual, DateTime? EnteredAt, string? EnteredBy);

public sealed class KpisQueries(NpgsqlDataSource db)
{
    /// <summary>
    /// Every KPI's standing and every department's execution as of <paramref name="asOfMonth"/> (default: the
    /// reporting month, the last whole month on the city's clock).
    /// </summary>
    public async Task<KpiOverview> GetOverviewAsync(DateOnly? asOfMonth = null, CancellationToken ct = default)
    {
        const string sql = """
            SELECT coalesce(@asOf::date, (date_trunc('month', city_today()) - interval '1 month')::date)::timestamp;
            SELECT k.id AS Id, k.code AS Code, k.name_ru AS NameRu, k.name_kk AS NameKk, k.name_en AS NameEn,
                   k.department_id::int AS DepartmentId, k.unit AS Unit, k.higher_is_better AS HigherIsBetter,
                   k.weight AS Weight, k.period_kind AS PeriodKind, k.aggregation AS Aggregation, k.source AS Source,
                   k.measure AS Measure, k.target_mode AS TargetMode, c.period_start::timestamp AS PeriodStart,
                   c.target AS Target, c.actual AS Actual, c.execution_pct AS ExecutionPct
            FROM kpi_current(coalesce(@asOf::date, (date_trunc('month', city_today()) - interval '1 month')::date)) c
            JOIN kpis k ON k.id = c.kpi_id
            ORDER BY k.department_id, c.execution_pct NULLS FIRST, k.code;
            SELECT department_id::int AS DepartmentId, execution_pct AS ExecutionPct, kpis AS Kpis, scored AS Scored, missing AS Missing
            FROM kpi_department_execution(coalesce(@asOf::date, (date_trunc('month', city_today()) - interval '1 month')::date))
            ORDER BY execution_pct NULLS FIRST, department_id;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { asOf = asOfMonth?.ToDateTime(TimeOnly.MinValue) }, cancellationToken: ct));
        var asOf = await grid.ReadSingleAsync<DateTime>();
        var kpis = (await grid.ReadAsync<KpiStanding>()).AsList();
        var departments = (await grid.ReadAsync<DepartmentExecution>()).AsList();
        return new KpiOverview(asOf, departments, kpis);
    }

    /// <summary>A KPI's periods, oldest first: what its trend draws and its table lists.</summary>
    public async Task<IReadOnlyList<KpiPeriodValue>> GetPeriodsAsync(int kpiId, CancellationToken ct = default)
    {
        const string sql = """
            SELECT period_start::timestamp AS PeriodStart, period_end::timestamp AS PeriodEnd, target AS Target, actual AS Actual,
                   execution_pct AS ExecutionPct, months AS Months, reported AS Reported
            FROM v_kpi_execution WHERE kpi_id = @kpiId ORDER BY period_start
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<KpiPeriodValue>(new CommandDefinition(sql, new { kpiId }, cancellationToken: ct))).AsList();
    }

    /// <summary>The stored values behind one of a KPI's periods, month by month.</summary>
    public async Task<IReadOnlyList<KpiMonthValue>> GetMonthsAsync(int kpiId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        const string sql = """
            SELECT period_start::timestamp AS PeriodStart, target AS Target, actual AS Actual, entered_at AS EnteredAt, entered_by AS EnteredBy
            FROM kpi_values WHERE kpi_id = @kpiId AND period_start >= @from::date AND period_start < @to::date ORDER BY period_start
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<KpiMonthValue>(new CommandDefinition(sql, new { kpiId, from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) }, cancellationToken: ct))).AsList();
    }
}
