using Dapper;
using IKomek.Dashboard.Features.Kpis.Entry;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;
using static IKomek.Dashboard.Tests.Features.Kpis.Entry.KpiEntryTestCity;

namespace IKomek.Dashboard.Tests.Features.Kpis.Entry;

/// <summary>
/// Every rule of entering a KPI value, on the demo city in a real PostgreSQL, at the tests' fixed "now" (31 March 2026:
/// March is the month being reported). Each test works on its own KPI and months, so the tests share one database.
/// </summary>
public sealed class KpiValueEntryTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private static readonly KpiPeriod March = Month(2026, 3);

    private KpiValueEntry Entry => new(city.DataSource, city.Clock);

    private async Task<KpiEntryRejectedException> RefusedAsync(KpiEditor editor, params KpiValueInput[] inputs) =>
        await Assert.ThrowsAsync<KpiEntryRejectedException>(() => Entry.SaveAsync(inputs, editor, "entry"));

    [Fact]
    public async Task DepartmentHead_EntersTheOwnDepartmentsValue_WithWhoAndWhen_AndAnAuditRowOfOldAndNew()
    {
        var head = await EnergyHeadAsync(city.DataSource);
        var kpi = await KpiAsync(city.DataSource, Outages);
        var before = await ValueAsync(city.DataSource, kpi, March.Start);
        Assert.Null(before!.Actual);   // the demo city's current month is not reported yet

        var result = await Entry.SaveAsync([new KpiValueInput(kpi, March, 9)], head, "entry");

        Assert.Equal(new KpiSaveResult(1, 0), result);
        var after = await ValueAsync(city.DataSource, kpi, March.Start);
        Assert.Equal((before.Target, 9m, "head.energy"), (after!.Target, after.Actual, after.EnteredBy));
        // The database's clock starts at TestClock and runs on at the real pace: the entry is stamped between that start
        // and its reading now, however long the suite has run before this test.
        await using (var conn = await city.DataSource.OpenConnectionAsync())
            Assert.InRange(after.EnteredAt!.Value, TestClock.UtcNow, await conn.ExecuteScalarAsync<DateTime>("SELECT city_now()"));
        var audit = Assert.Single(await AuditAsync(city.DataSource, kpi, AuditActions.KpiValue));
        Assert.Equal(("head.energy", "department_head"), (audit.Actor, audit.Role));
        Assert.Equal((Outages, "2026-03", null, "9", "entry"), (audit.Detail("code"), audit.Detail("period"), audit.Detail("old"), audit.Detail("new"), audit.Detail("via")));

        // The same value again changes nothing and logs nothing; a new one logs the old and the new.
        Assert.Equal(new KpiSaveResult(0, 1), await Entry.SaveAsync([new KpiValueInput(kpi, March, 9)], head, "entry"));
        await Entry.SaveAsync([new KpiValueInput(kpi, March, 11)], head, "entry");
        var rows = await AuditAsync(city.DataSource, kpi, AuditActions.KpiValue);
        Assert.Equal(2, rows.Count);
        Assert.Equal(("9", "11"), (rows[1].Detail("old"), rows[1].Detail("new")));
    }

    [Fact]
    public async Task DepartmentHead_IsRefusedAnotherDepartmentsKpi_OnTheServer()
    {
        var head = await EnergyHeadAsync(city.DataSource);
        var kpi = await KpiAsync(city.DataSource, Water);

        var refused = await RefusedAsync(head, new KpiValueInput(kpi, March, 99));

        Assert.Equal(new KpiRejection("otherDepartment", Water), refused.First);
        Assert.Null((await ValueAsync(city.DataSource, kpi, March.Start))!.Actual);
        Assert.Empty(await AuditAsync(city.DataSource, kpi, AuditActions.KpiValue));
        // The planning office enters any department's.
        Assert.Equal(1, (await Entry.SaveAsync([new KpiValueInput(kpi, March, 99)], PlanningOffice, "entry")).Changed);
    }

    [Theory]
    [InlineData(Wear, "100.5", "range", "100.5", "0", "100")]
    [InlineData(Wear, "-1", "range", "-1", "0", "100")]
    [InlineData(Outages, "-3", "range", "-3", "0", "∞")]
    [InlineData(Outages, "2.125", "decimals", "2.125")]
    [InlineData(Outages, "99999999999999999", "tooLarge", "9999999999999999.99")]
    public async Task ValueOutOfItsRange_IsRefusedWithTheRange(string code, string value, string reason, params string[] args)
    {
        var kpi = await KpiAsync(city.DataSource, code);

        var refused = await RefusedAsync(PlanningOffice, new KpiValueInput(kpi, Month(2026, 2), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(reason, refused.First.Code);
        Assert.Equal(args, refused.First.Args);
    }

    [Fact]
    public async Task OneSave_IsOneTransaction_ABadValueRefusesTheGoodOnesToo()
    {
        var head = await EnergyHeadAsync(city.DataSource);
        var outages = await KpiAsync(city.DataSource, Outages);
        var wear = await KpiAsync(city.DataSource, Wear);
        var january = Month(2026, 1);
        var before = await ValueAsync(city.DataSource, outages, january.Start);

        var refused = await RefusedAsync(head, new KpiValueInput(outages, january, 5), new KpiValueInput(wear, january, 140));

        Assert.Equal(1, Assert.Single(refused.Rejections).Index);
        Assert.Equal(before, await ValueAsync(city.DataSource, outages, january.Start));
        Assert.DoesNotContain(await AuditAsync(city.DataSource, outages, AuditActions.KpiValue), r => r.Detail("period") == "2026-01");
    }

    [Fact]
    public async Task ClosedPeriod_RefusesWithWhoClosedIt_AndReopenedAcceptsAgain()
    {
        var planning = new KpiPlanning(city.DataSource, city.Clock);
        var kpi = await KpiAsync(city.DataSource, "greening.lit_streets");
        var december = Month(2025, 12);
        await planning.CloseMonthAsync(december.Start, PlanningOffice);

        var refused = await RefusedAsync(PlanningOffice, new KpiValueInput(kpi, december, 95));

        Assert.Equal("closed", refused.First.Code);
        Assert.Equal(["2025-12", "planning.office"], refused.First.Args[..2]);
        await planning.ReopenMonthAsync(december.Start, PlanningOffice);
        Assert.Equal(1, (await Entry.SaveAsync([new KpiValueInput(kpi, december, 95)], PlanningOffice, "entry")).Changed);
    }

    [Fact]
    public async Task ComputedKpi_IsNotEntered()
    {
        var kpi = await KpiAsync(city.DataSource, "water.accidents");
        await ExecuteAsync(city.DataSource, "UPDATE kpis SET source = 'computed', measure = 'water_accidents' WHERE id = @kpi", new { kpi });

        var refused = await RefusedAsync(PlanningOffice, new KpiValueInput(kpi, March, 3));

        Assert.Equal(new KpiRejection("computed", "water.accidents"), refused.First);
    }

    [Fact]
    public async Task PeriodNotBegun_AndPeriodOfAnotherKind_AreRefused()
    {
        var kpi = await KpiAsync(city.DataSource, "water.sewer_coverage");

        Assert.Equal(new KpiRejection("notStarted", "2026-04"), (await RefusedAsync(PlanningOffice, new KpiValueInput(kpi, Month(2026, 4), 95))).First);
        Assert.Equal(new KpiRejection("periodKind", "water.sewer_coverage", "2026-01", "2026-Q1"),
            (await RefusedAsync(PlanningOffice, new KpiValueInput(kpi, KpiPeriod.Parse("2026-Q1")!.Value, 95))).First);
    }

    [Fact]
    public async Task Targets_AreThePlanningOffices_ADepartmentHeadGivingOneIsRefused()
    {
        var head = await EnergyHeadAsync(city.DataSource);
        var kpi = await KpiAsync(city.DataSource, Outages);
        var february = Month(2026, 2);

        var refused = await RefusedAsync(head, new KpiValueInput(kpi, february, 10, Target: 8));

        Assert.Equal(new KpiRejection("targetNotYours", Outages), refused.First);
        await Entry.SaveAsync([new KpiValueInput(kpi, february, 10, Target: 8)], PlanningOffice, "import");
        var audit = (await AuditAsync(city.DataSource, kpi, AuditActions.KpiValue)).Last();
        Assert.Equal(("8", "import"), (audit.Detail("new_target"), audit.Detail("via")));
        Assert.Equal(8m, (await ValueAsync(city.DataSource, kpi, february.Start))!.Target);
    }

    [Fact]
    public async Task QuarterlyKpi_TakesItsQuarterTarget_AndClosesWithTheQuartersLastMonth()
    {
        var planning = new KpiPlanning(city.DataSource, city.Clock);
        var kpi = await KpiAsync(city.DataSource, "housing_policy.families_housed");
        await ExecuteAsync(city.DataSource, """
            DELETE FROM kpi_values WHERE kpi_id = @kpi;
            UPDATE kpis SET period_kind = 'quarter', aggregation = 'sum' WHERE id = @kpi;
            INSERT INTO kpi_targets (kpi_id, period_kind, period_start, target) VALUES (@kpi, 'quarter', '2025-07-01', 750);
            """, new { kpi });
        var q3 = KpiPeriod.Parse("2025-Q3")!.Value;
        await planning.CloseMonthAsync(new DateOnly(2025, 7, 1), PlanningOffice);

        // July closed: the third quarter is still open (its value is reported after September).
        await Entry.SaveAsync([new KpiValueInput(kpi, q3, 700)], PlanningOffice, "entry");
        Assert.Equal((750m, 700m), ((await ValueAsync(city.DataSource, kpi, q3.Start))!.Target, (await ValueAsync(city.DataSource, kpi, q3.Start))!.Actual));

        await planning.CloseMonthAsync(new DateOnly(2025, 9, 1), PlanningOffice);
        Assert.Equal("closed", (await RefusedAsync(PlanningOffice, new KpiValueInput(kpi, q3, 720))).First.Code);
    }

    [Fact]
    public async Task PeriodWithoutTarget_IsRefused_UnlessTheTargetIsHistorical()
    {
        var kpi = await KpiAsync(city.DataSource, "mobility.smart_lights");
        await ExecuteAsync(city.DataSource, """
            DELETE FROM kpi_values WHERE kpi_id = @kpi AND extract(month FROM period_start) = 2;
            INSERT INTO kpi_values (kpi_id, period_start, target, actual) VALUES (@kpi, '2024-02-01', 50, 40), (@kpi, '2025-02-01', 60, 51);
            """, new { kpi });
        var february = Month(2026, 2);

        Assert.Equal(new KpiRejection("noTarget", "mobility.smart_lights", "2026-02"),
            (await RefusedAsync(PlanningOffice, new KpiValueInput(kpi, february, 70))).First);

        // Boston's CityScore: the mean of the same month of past years, (40 + 51) / 2.
        await ExecuteAsync(city.DataSource, "UPDATE kpis SET target_mode = 'historical' WHERE id = @kpi", new { kpi });
        await Entry.SaveAsync([new KpiValueInput(kpi, february, 70)], PlanningOffice, "entry");
        Assert.Equal(45.5m, (await ValueAsync(city.DataSource, kpi, february.Start))!.Target);
    }

    [Fact]
    public async Task UnknownKpi_IsRefused()
    {
        var refused = await RefusedAsync(PlanningOffice, new KpiValueInput(999_999, March, 1));

        Assert.Equal(new KpiRejection("unknownKpi", "999999"), refused.First);
    }
}
