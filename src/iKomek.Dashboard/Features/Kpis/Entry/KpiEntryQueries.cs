using Dapper;
using Npgsql;
using static IKomek.Dashboard.Features.Kpis.Entry.KpiSql;

namespace IKomek.Dashboard.Features.Kpis.Entry;

/// <summary>A KPI on the entry form for a chosen month: its period (the month, or the quarter or year holding it),
/// target, actual so far, the previous period's actual, who entered the actual, and whether the period is closed.</summary>
public sealed record KpiEntryRow(
    int Id, string Code, string NameRu, string NameKk, string NameEn, int DepartmentId, string Unit, bool HigherIsBetter,
    string Source, string PeriodKind, decimal? MinValue, decimal? MaxValue, decimal Weight,
    DateTime PeriodStart, decimal? Target, decimal? Actual, decimal? Previous, string? EnteredBy, DateTime? EnteredAt,
    string? ClosedBy, DateTime? ClosedAt)
{
    public KpiPeriod Period => new(PeriodKind, DateOnly.FromDateTime(PeriodStart));

    public bool Computed => Source == "computed";

    public bool Closed => ClosedBy is not null;
}

/// <summary>A closed reporting month: who closed it and when.</summary>
public sealed record KpiClosedMonth(DateTime Month, string ClosedBy, DateTime ClosedAt);

/// <summary>A KPI's targets beyond its months (kpi_targets) for the planning office's form.</summary>
public sealed record KpiTargetRow(string PeriodKind, DateTime PeriodStart, decimal Target);

public sealed class KpiEntryQueries(NpgsqlDataSource db)
{
    /// <summary>The KPIs of one department (every department when null) for the month holding <paramref name="month"/>.</summary>
    public async Task<IReadOnlyList<KpiEntryRow>> GetSheetAsync(DateOnly month, int? departmentId, CancellationToken ct = default)
    {
        const string sql = """
            SELECT k.id AS Id, k.code AS Code, k.name_ru AS NameRu, k.name_kk AS NameKk, k.name_en AS NameEn,
                   k.department_id::int AS DepartmentId, k.unit AS Unit, k.higher_is_better AS HigherIsBetter,
                   k.source AS Source, k.period_kind AS PeriodKind, k.min_value AS MinValue, k.max_value AS MaxValue, k.weight AS Weight,
                   p.start::timestamp AS PeriodStart, coalesce(t.target, v.target) AS Target, v.actual AS Actual,
                   prev.actual AS Previous, v.entered_by AS EnteredBy, v.entered_at AS EnteredAt,
                   c.closed_by AS ClosedBy, c.closed_at AS ClosedAt
            FROM kpis k
            CROSS JOIN LATERAL (SELECT date_trunc(k.period_kind, @month::timestamp)::date AS start) p
            LEFT JOIN kpi_values v ON v.kpi_id = k.id AND v.period_start = p.start
            LEFT JOIN kpi_targets t ON t.kpi_id = k.id AND t.period_kind = k.period_kind AND t.period_start = p.start
            LEFT JOIN kpi_periods c ON c.period_start = (p.start + CASE k.period_kind WHEN 'month' THEN 0 WHEN 'quarter' THEN 2 ELSE 11 END * interval '1 month')::date
            LEFT JOIN LATERAL (
                SELECT pv.actual FROM kpi_values pv
                WHERE pv.kpi_id = k.id AND pv.period_start < p.start AND pv.actual IS NOT NULL
                ORDER BY pv.period_start DESC LIMIT 1) prev ON true
            WHERE @departmentId::int IS NULL OR k.department_id = @departmentId
            ORDER BY k.department_id, k.code
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<KpiEntryRow>(new CommandDefinition(sql, new { month = Day(month), departmentId }, cancellationToken: ct))).AsList();
    }

    /// <summary>The closed months, newest first.</summary>
    public async Task<IReadOnlyList<KpiClosedMonth>> GetClosedMonthsAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<KpiClosedMonth>(new CommandDefinition(
            "SELECT period_start::timestamp AS Month, closed_by AS ClosedBy, closed_at AS ClosedAt FROM kpi_periods ORDER BY period_start DESC",
            cancellationToken: ct))).AsList();
    }

    /// <summary>A KPI's target of one period as the planning office set it; null when none is.</summary>
    public async Task<decimal?> GetTargetAsync(int kpiId, KpiPeriod period, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<decimal?>(new CommandDefinition(period.Kind == KpiPeriod.Month
                ? "SELECT target FROM kpi_values WHERE kpi_id = @kpiId AND period_start = @start::date"
                : "SELECT target FROM kpi_targets WHERE kpi_id = @kpiId AND period_kind = @kind AND period_start = @start::date",
            new { kpiId, kind = period.Kind, start = Day(period.Start) }, cancellationToken: ct));
    }

    /// <summary>Every KPI's id by its code, for the import.</summary>
    public async Task<IReadOnlyDictionary<string, int>> GetCodesAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(string Code, int Id)>(new CommandDefinition("SELECT code, id FROM kpis", cancellationToken: ct)))
            .ToDictionary(r => r.Code, r => r.Id, StringComparer.OrdinalIgnoreCase);
    }
}
