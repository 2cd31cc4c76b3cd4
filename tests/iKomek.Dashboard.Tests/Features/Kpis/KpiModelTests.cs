using Dapper;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.Kpis;

/// <summary>
/// The KPI model's arithmetic in PostgreSQL (kpi_score, v_kpi_execution, kpi_current, kpi_department_execution) on
/// hand-built KPIs whose results are worked out by hand in each test.
/// </summary>
public sealed class KpiModelTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    [Theory]
    [InlineData(90.0, 100.0, true, 0.9)]          // actual / target
    [InlineData(90.0, 100.0, false, 1.1111)]      // lower is better: target / actual = 100 / 90
    [InlineData(150.0, 100.0, true, 1.25)]        // 1.5 capped at 1.25
    [InlineData(50.0, 100.0, false, 1.25)]        // 100 / 50 = 2, capped
    [InlineData(0.0, 0.0, false, 1.0)]            // zero target met exactly
    [InlineData(0.0, 0.0, true, 1.0)]
    [InlineData(5.0, 0.0, false, 0.0)]            // any actual misses a zero target when lower is better
    [InlineData(0.0, 10.0, false, 1.25)]          // nothing where 10 were allowed: as good as it gets
    [InlineData(5.0, 0.0, true, 1.25)]            // above a zero target when higher is better
    [InlineData(-5.0, 100.0, true, 0.0)]          // never below zero
    [InlineData(null, 100.0, true, null)]         // missing actual: no score
    [InlineData(90.0, null, true, null)]          // no target: no score
    public async Task Score_HandComputed(double? actual, double? target, bool higherIsBetter, double? expected)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var score = await conn.ExecuteScalarAsync<decimal?>("SELECT round(kpi_score(@actual::numeric, @target::numeric, @higherIsBetter), 4)",
            new { actual, target, higherIsBetter });

        Assert.Equal(expected is null ? null : Math.Round((decimal)expected.Value, 4), score);
    }

    [Fact]
    public async Task Monthly_InvertedCappedAndMissing()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var department = await DepartmentAsync(conn);
        var kpi = await KpiAsync(conn, department, higherIsBetter: false);
        await ValuesAsync(conn, kpi, ("2025-01-01", 10, 8), ("2025-02-01", 10, 20), ("2025-03-01", 10, null), ("2025-04-01", 0, 0), ("2025-05-01", 0, 2));

        var rows = await ExecutionAsync(conn, kpi);

        Assert.Equal([125.0m, 50.0m, null, 100.0m, 0.0m], rows.Select(r => r.ExecutionPct));
        Assert.Equal(["month"], rows.Select(r => r.PeriodKind).Distinct());
    }

    [Theory]
    [InlineData("sum", 33.0, 30.0, 110.0)]   // 12 + 8 + 13 against 10 + 10 + 10
    [InlineData("mean", 11.0, 10.0, 110.0)]  // 33 / 3 against 10
    [InlineData("last", 13.0, 10.0, 125.0)]  // March's 13 against March's 10: 130 %, capped
    public async Task Quarter_AggregatesItsMonths(string aggregation, double actual, double target, double pct)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var department = await DepartmentAsync(conn);
        var kpi = await KpiAsync(conn, department, period: "quarter", aggregation: aggregation);
        await ValuesAsync(conn, kpi, ("2025-01-01", 10, 12), ("2025-02-01", 10, 8), ("2025-03-01", 10, 13));

        var quarter = Assert.Single(await ExecutionAsync(conn, kpi));

        Assert.Equal((new DateTime(2025, 1, 1), new DateTime(2025, 4, 1)), (quarter.PeriodStart, quarter.PeriodEnd));
        Assert.Equal(((decimal)actual, (decimal)target, (decimal)pct), (quarter.Actual!.Value, quarter.Target!.Value, quarter.ExecutionPct!.Value));
        Assert.Equal((3, 3), (quarter.Months, quarter.Reported));
    }

    [Fact]
    public async Task Quarter_MissingMonth_CountsTheReportedMonthsAgainstTheirTargets()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var department = await DepartmentAsync(conn);
        var kpi = await KpiAsync(conn, department, period: "quarter", aggregation: "sum");
        await ValuesAsync(conn, kpi, ("2025-01-01", 10, 9), ("2025-02-01", 10, null), ("2025-03-01", 10, 10));

        var quarter = Assert.Single(await ExecutionAsync(conn, kpi));

        // 9 + 10 against the two reported months' 10 + 10.
        Assert.Equal((19m, 20m, 95.0m, 2), (quarter.Actual!.Value, quarter.Target!.Value, quarter.ExecutionPct!.Value, quarter.Reported));
    }

    [Fact]
    public async Task QuarterAndYearTargets_OverrideTheMonths_OnceASumPeriodIsOver()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var department = await DepartmentAsync(conn);
        var quarterly = await KpiAsync(conn, department, period: "quarter", aggregation: "sum");
        await ValuesAsync(conn, quarterly, ("2025-01-01", 10, 12), ("2025-02-01", 10, 8), ("2025-03-01", 10, 13), ("2099-01-01", 10, 10));
        var yearly = await KpiAsync(conn, department, period: "year", aggregation: "mean");
        await ValuesAsync(conn, yearly, ("2025-01-01", 50, 60), ("2025-07-01", 50, 70));
        await conn.ExecuteAsync("""
            INSERT INTO kpi_targets (kpi_id, period_kind, period_start, target) VALUES
                (@quarterly, 'quarter', '2025-01-01', 40), (@quarterly, 'quarter', '2099-01-01', 100), (@yearly, 'year', '2025-01-01', 52)
            """, new { quarterly, yearly });

        var quarters = await ExecutionAsync(conn, quarterly);
        var year = Assert.Single(await ExecutionAsync(conn, yearly));

        // 2025 Q1 is over: 33 against the quarter's own 40. 2099 Q1 is not: its one month against that month's 10.
        Assert.Equal([(40m, 82.5m), (10m, 100.0m)], quarters.Select(q => (q.Target!.Value, q.ExecutionPct!.Value)));
        // A mean: 65 against the year's 52 = 125 %.
        Assert.Equal((65m, 52m, 125.0m), (year.Actual!.Value, year.Target!.Value, year.ExecutionPct!.Value));
    }

    [Fact]
    public async Task HistoricalTarget_IsTheMeanOfTheSamePeriodOfPastYears()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var department = await DepartmentAsync(conn);
        var monthly = await KpiAsync(conn, department, historical: true);
        // The stored targets (999) are not used: the target is history's.
        await ValuesAsync(conn, monthly, ("2023-01-01", 999, 10), ("2024-01-01", 999, 14), ("2025-01-01", 999, 9), ("2025-02-01", 999, 5));
        var quarterly = await KpiAsync(conn, department, period: "quarter", aggregation: "sum", historical: true);
        await ValuesAsync(conn, quarterly, ("2024-01-01", 0, 10), ("2024-02-01", 0, 20), ("2024-03-01", 0, 30),
            ("2025-01-01", 0, 12), ("2025-02-01", 0, 18), ("2025-03-01", 0, 30));

        var months = await ExecutionAsync(conn, monthly);
        var quarters = await ExecutionAsync(conn, quarterly);

        // 2023: no past year, no target. 2024: 14 against 10 (capped). 2025: 9 against (10 + 14) / 2 = 12. February: no past February.
        Assert.Equal([null, 10m, 12m, null], months.Select(m => m.Target));
        Assert.Equal([null, 125.0m, 75.0m, null], months.Select(m => m.ExecutionPct));
        // 2025 Q1: 60 against last year's 10 + 20 + 30.
        Assert.Equal([(null, null), (60m, 100.0m)], quarters.Select(q => (q.Target, q.ExecutionPct)));
    }

    [Fact]
    public async Task DepartmentExecution_WeightsItsKpis_AndLeavesOutTheMissing()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var department = await DepartmentAsync(conn);
        var a = await KpiAsync(conn, department, weight: 1);
        var b = await KpiAsync(conn, department, weight: 3);
        var c = await KpiAsync(conn, department, weight: 2);
        var q = await KpiAsync(conn, department, weight: 2, period: "quarter", aggregation: "sum");
        await ValuesAsync(conn, a, ("2025-03-01", 100, 80));
        await ValuesAsync(conn, b, ("2025-03-01", 100, 100));
        await ValuesAsync(conn, c, ("2025-03-01", 100, null));
        // The quarter counts once it is over: as of February, the last whole quarter (2024 Q4) has no value.
        await ValuesAsync(conn, q, ("2025-01-01", 10, 10), ("2025-02-01", 10, 10), ("2025-03-01", 10, 10));

        var march = await conn.QuerySingleAsync<(decimal? Pct, int Kpis, int Scored, int Missing)>(
            "SELECT execution_pct, kpis, scored, missing FROM kpi_department_execution('2025-03-01') WHERE department_id = @department", new { department });
        var february = await conn.QuerySingleAsync<(decimal? Pct, int Kpis, int Scored, int Missing)>(
            "SELECT execution_pct, kpis, scored, missing FROM kpi_department_execution('2025-02-01') WHERE department_id = @department", new { department });
        var current = (await conn.QueryAsync<(int KpiId, DateTime PeriodStart)>(
            "SELECT kpi_id, period_start::timestamp FROM kpi_current('2025-03-01') WHERE department_id = @department ORDER BY kpi_id", new { department })).ToList();

        // (80 × 1 + 100 × 3 + 100 × 2) / (1 + 3 + 2) = 96.7; c has no actual and is left out.
        Assert.Equal((96.7m, 4, 3, 1), march);
        Assert.Equal(((decimal?)null, 4, 0, 4), february);
        Assert.Equal(new DateTime(2025, 1, 1), current.Single(r => r.KpiId == q).PeriodStart);
        Assert.Equal(new DateTime(2025, 3, 1), current.Single(r => r.KpiId == a).PeriodStart);
    }

    private sealed record Period(DateTime PeriodStart, DateTime PeriodEnd, string PeriodKind, decimal? Target, decimal? Actual, decimal? ExecutionPct, int Months, int Reported);

    private static async Task<List<Period>> ExecutionAsync(NpgsqlConnection conn, int kpi) =>
        (await conn.QueryAsync<Period>("""
            SELECT period_start::timestamp AS PeriodStart, period_end::timestamp AS PeriodEnd, period_kind AS PeriodKind, target AS Target,
                   actual AS Actual, execution_pct AS ExecutionPct, months AS Months, reported AS Reported
            FROM v_kpi_execution WHERE kpi_id = @kpi ORDER BY period_start
            """, new { kpi })).ToList();

    private static async Task<short> DepartmentAsync(NpgsqlConnection conn) => await conn.ExecuteScalarAsync<short>("""
        INSERT INTO departments (id, code, kind, name_ru, name_kk, name_en)
        SELECT n, 'kpi-test-' || n, 'city_department', 'Управление ' || n, 'Басқарма ' || n, 'Department ' || n
        FROM (SELECT coalesce(max(id), 0) + 1 AS n FROM departments) d
        RETURNING id
        """);

    private static async Task<int> KpiAsync(NpgsqlConnection conn, short department, bool higherIsBetter = true, string period = "month",
        string aggregation = "mean", bool historical = false, decimal weight = 1) => await conn.ExecuteScalarAsync<int>("""
        INSERT INTO kpis (id, code, name_ru, name_kk, name_en, department_id, unit, higher_is_better, weight, period_kind, aggregation, target_mode)
        SELECT n, 'test.kpi' || n, 'Показатель ' || n, 'Көрсеткіш ' || n, 'KPI ' || n, @department, 'count', @higherIsBetter, @weight,
               @period, @aggregation, CASE WHEN @historical THEN 'historical' ELSE 'fixed' END
        FROM (SELECT coalesce(max(id), 0) + 1 AS n FROM kpis) k
        RETURNING id
        """, new { department, higherIsBetter, period, aggregation, historical, weight });

    private static async Task ValuesAsync(NpgsqlConnection conn, int kpi, params (string Month, double Target, double? Actual)[] values)
    {
        foreach (var (month, target, actual) in values)
        {
            await conn.ExecuteAsync("INSERT INTO kpi_values (kpi_id, period_start, target, actual) VALUES (@kpi, @month::date, @target, @actual)",
                new { kpi, month, target = (decimal)target, actual = (decimal?)actual });
        }
    }
}
