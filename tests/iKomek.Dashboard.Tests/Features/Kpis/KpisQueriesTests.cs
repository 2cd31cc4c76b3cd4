using Dapper;
using IKomek.Dashboard.Features.Kpis;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Kpis;

/// <summary>
/// The KPI model on a small demo city in a real PostgreSQL: the computed KPIs equal their recount from the appeals,
/// and the page's queries read every department and KPI.
/// </summary>
public sealed class KpisQueriesTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task AppealsOnTime_OfEveryDepartmentAndMonth_EqualsItsRecountFromTheAppeals()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var stored = (await conn.QueryAsync<(int DepartmentId, DateTime Month, decimal? Actual)>("""
            SELECT k.department_id::int, v.period_start::timestamp, v.actual
            FROM kpis k JOIN kpi_values v ON v.kpi_id = k.id
            WHERE k.code LIKE '%.appeals_on_time'
            """)).ToList();
        var appeals = (await conn.QueryAsync<(int DepartmentId, DateTime CreatedAt, DateTime? ResolvedAt, DateTime SlaDueAt)>(
            "SELECT department_id::int, created_at, resolved_at, sla_due_at FROM appeals")).ToList();

        // The recount, here in C#: appeals received in the month (Astana time) resolved by their deadline.
        var recount = appeals
            .GroupBy(a => (a.DepartmentId, Month: MonthOf(a.CreatedAt)))
            .ToDictionary(g => g.Key, g => Math.Round(100m * g.Count(a => a.ResolvedAt <= a.SlaDueAt) / g.Count(), 2));
        var thisMonth = MonthOf(TestClock.UtcNow);

        var reported = stored.Where(s => s.Month < thisMonth).ToList();
        Assert.Equal(city.DemoDepartments(), reported.Select(s => s.DepartmentId).Distinct().Count());
        // A department with no appeals in a month has no share: no value (missing), not 0 %.
        Assert.All(reported, s => Assert.Equal(recount.TryGetValue((s.DepartmentId, s.Month), out var share) ? share : null, s.Actual));
        Assert.True(reported.Count(s => s.Actual is not null) > reported.Count * 0.9);
        // The current month is not over: not reported yet.
        Assert.All(stored.Where(s => s.Month == thisMonth), s => Assert.Null(s.Actual));
    }

    [Fact]
    public async Task EveryComputedKpi_EqualsItsMeasure_AndARecountChangesNothing()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var mismatches = await conn.QueryAsync<string>("""
            SELECT k.code || ' ' || v.period_start
            FROM kpis k JOIN kpi_values v ON v.kpi_id = k.id
            WHERE k.source = 'computed' AND v.actual IS NOT NULL
              AND v.actual IS DISTINCT FROM kpi_measure(k.measure, k.department_id, v.period_start, (v.period_start + kpi_period_length(k.period_kind))::date)
            """);
        var measures = await conn.QueryAsync<string>("SELECT DISTINCT measure FROM kpis WHERE source = 'computed' ORDER BY 1");
        var written = await conn.ExecuteScalarAsync<int>("SELECT kpi_recount((SELECT min(period_start) FROM kpi_values), (date_trunc('month', city_today()) - interval '1 month')::date, 'test')");

        Assert.Empty(mismatches);
        Assert.Equal(["appeals_on_time", "fcr", "first_call_resolution", "forwarding_hours", "milestones_on_time", "misrouted_share", "overdue_open", "repeat_appeals"], measures);
        Assert.Equal(0, written);
    }

    [Fact]
    public async Task Recount_RestoresAnOpenMonth_AndLeavesAClosedOneAlone()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        // Undone at the end: the other tests read the city as seeded.
        await using var transaction = await conn.BeginTransactionAsync();
        var (kpi, open, closed) = await conn.QuerySingleAsync<(int, DateTime, DateTime)>("""
            SELECT k.id, max(v.period_start)::timestamp, min(v.period_start)::timestamp
            FROM kpis k JOIN kpi_values v ON v.kpi_id = k.id
            WHERE k.code LIKE '%.appeals_on_time' AND v.actual IS NOT NULL
            GROUP BY k.id ORDER BY k.id LIMIT 1
            """);
        var before = await conn.QueryAsync<decimal>("SELECT actual FROM kpi_values WHERE kpi_id = @kpi AND period_start IN (@open, @closed) ORDER BY period_start", new { kpi, open, closed });
        await conn.ExecuteAsync("UPDATE kpi_values SET actual = 1 WHERE kpi_id = @kpi AND period_start IN (@open, @closed)", new { kpi, open, closed });
        await conn.ExecuteAsync("INSERT INTO kpi_periods (period_start, closed_at, closed_by) VALUES (@closed::date, city_now(), 'test')", new { closed });

        var written = await conn.ExecuteScalarAsync<int>("SELECT kpi_recount(@closed::date, @open::date, 'system:test')", new { closed, open });

        var after = (await conn.QueryAsync<(decimal Actual, string? By)>(
            "SELECT actual, entered_by FROM kpi_values WHERE kpi_id = @kpi AND period_start IN (@open, @closed) ORDER BY period_start", new { kpi, open, closed })).ToList();
        Assert.Equal(1, written);
        Assert.Equal(1m, after[0].Actual);
        Assert.Equal((before.Last(), "system:test"), after[1]);
    }

    [Fact]
    public async Task Overview_EveryKpiAndDepartment_AsOfTheLastWholeMonth()
    {
        var overview = await new KpisQueries(city.DataSource).GetOverviewAsync();

        Assert.Equal(new DateTime(2026, 2, 1), overview.AsOfMonth);
        Assert.True(overview.Kpis.Count >= 80);
        Assert.Equal(city.DemoDepartments(), overview.Departments.Count);
        Assert.All(overview.Departments, d => Assert.Equal(d.Kpis, overview.Kpis.Count(k => k.DepartmentId == d.DepartmentId)));
        Assert.All(overview.Departments, d => Assert.Equal(d.Kpis, d.Scored + d.Missing));
        Assert.All(overview.Kpis.Where(k => k.PeriodKind == "month"), k => Assert.Equal(overview.AsOfMonth, k.PeriodStart));
        Assert.All(overview.Kpis.Where(k => k.ExecutionPct is not null), k => Assert.InRange(k.ExecutionPct!.Value, 0m, 125m));
        Assert.Contains(overview.Kpis, k => k.Source == "computed");
        Assert.Contains(overview.Kpis, k => k.TargetMode == "historical");
        Assert.Contains(overview.Kpis, k => k.PeriodKind == "quarter");
        Assert.Contains(overview.Kpis, k => k.PeriodKind == "year");
        Assert.InRange(overview.CityPct!.Value, 50m, 125m);
        // The city is the plain mean of the departments.
        Assert.Equal(Math.Round(overview.Departments.Where(d => d.ExecutionPct is not null).Average(d => d.ExecutionPct!.Value), 1), overview.CityPct);
    }

    [Fact]
    public async Task Periods_OfAQuarterlyKpi_AreQuarters()
    {
        var queries = new KpisQueries(city.DataSource);
        var overview = await queries.GetOverviewAsync();
        var quarterly = overview.Kpis.First(k => k.PeriodKind == "quarter" && k.Source == "manual");

        var periods = await queries.GetPeriodsAsync(quarterly.Id);
        var months = await queries.GetMonthsAsync(quarterly.Id, DateOnly.FromDateTime(periods[^2].PeriodStart), DateOnly.FromDateTime(periods[^2].PeriodEnd));

        Assert.All(periods, p => Assert.Contains(p.PeriodStart.Month, new[] { 1, 4, 7, 10 }));
        Assert.All(periods, p => Assert.Equal(p.PeriodStart.AddMonths(3), p.PeriodEnd));
        Assert.Equal(periods.OrderBy(p => p.PeriodStart), periods);
        Assert.Equal(3, months.Count);
        Assert.Equal(periods[^2].Actual, months.Sum(m => m.Actual));
    }

    private static DateTime MonthOf(DateTime utc)
    {
        var local = AstanaClock.ToLocal(utc);
        return new DateTime(local.Year, local.Month, 1);
    }
}

internal static class DemoCityKpiExtensions
{
    /// <summary>How many departments the demo city has (every one has KPIs).</summary>
    public static int DemoDepartments(this DemoCityDatabase city)
    {
        using var conn = city.DataSource.OpenConnection();
        return conn.ExecuteScalar<int>("SELECT count(*) FROM departments");
    }
}
