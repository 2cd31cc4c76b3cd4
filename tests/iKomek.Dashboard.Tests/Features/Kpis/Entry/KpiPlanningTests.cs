using Dapper;
using IKomek.Dashboard.Features.Kpis.Entry;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;
using static IKomek.Dashboard.Tests.Features.Kpis.Entry.KpiEntryTestCity;

namespace IKomek.Dashboard.Tests.Features.Kpis.Entry;

/// <summary>The planning office's tools on a real database: closing and reopening months, targets and weights, each
/// checked, refused precisely, and audited with its actor.</summary>
public sealed class KpiPlanningTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private KpiPlanning Planning => new(city.DataSource, city.Clock);

    private static async Task<KpiRejection> RefusedAsync(Func<Task> act) => (await Assert.ThrowsAsync<KpiEntryRejectedException>(act)).First;

    [Fact]
    public async Task CloseAndReopenAMonth_AreAudited_AndRefusedWhenTheyMeanNothing()
    {
        var november = new DateOnly(2025, 11, 1);

        await Planning.CloseMonthAsync(november, PlanningOffice);

        var again = await RefusedAsync(() => Planning.CloseMonthAsync(november, PlanningOffice));
        Assert.Equal(("alreadyClosed", "2025-11", "planning.office"), (again.Code, again.Args[0], again.Args[1]));
        await Planning.ReopenMonthAsync(november, PlanningOffice);
        Assert.Equal(new KpiRejection("notClosed", "2025-11"), await RefusedAsync(() => Planning.ReopenMonthAsync(november, PlanningOffice)));
        Assert.Equal(new KpiRejection("notStarted", "2026-04"), await RefusedAsync(() => Planning.CloseMonthAsync(new DateOnly(2026, 4, 1), PlanningOffice)));

        var audit = await AuditRows.AboutAsync(city.DataSource, "kpi_period", "2025-11");
        Assert.Equal(["closed", "reopened"], audit.Select(r => r.Detail("change")));
        Assert.All(audit, r => Assert.Equal((AuditActions.KpiPeriod, "planning.office", "planning_office"), (r.Action, r.Actor, r.Role)));
    }

    [Fact]
    public async Task DepartmentHead_ClosesNothing_AndSetsNoTargetOrWeight()
    {
        var head = await EnergyHeadAsync(city.DataSource);
        var kpi = await KpiAsync(city.DataSource, Outages);
        var notAllowed = new KpiRejection("notAllowed");

        Assert.Equal(notAllowed, await RefusedAsync(() => Planning.CloseMonthAsync(new DateOnly(2025, 10, 1), head)));
        Assert.Equal(notAllowed, await RefusedAsync(() => Planning.SetTargetAsync(kpi, Month(2026, 3), 5, head)));
        Assert.Equal(notAllowed, await RefusedAsync(() => Planning.SetWeightAsync(kpi, 2, head)));
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.False(await conn.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM kpi_periods WHERE period_start = '2025-10-01')"));
    }

    [Fact]
    public async Task MonthTarget_IsTheValueRowsTarget_AuditedWithOldAndNew()
    {
        var kpi = await KpiAsync(city.DataSource, Wear);
        var old = (await ValueAsync(city.DataSource, kpi, new DateOnly(2026, 3, 1)))!.Target;

        await Planning.SetTargetAsync(kpi, Month(2026, 3), 54.5m, PlanningOffice);

        Assert.Equal(54.5m, (await ValueAsync(city.DataSource, kpi, new DateOnly(2026, 3, 1)))!.Target);
        var audit = Assert.Single(await AuditAsync(city.DataSource, kpi, AuditActions.KpiTarget));
        Assert.Equal(("planning.office", "2026-03", KpiNumber.Invariant(old), "54.5"),
            (audit.Actor, audit.Detail("period"), audit.Detail("old"), audit.Detail("new")));
        // A month in the future gets a row of its own, without an actual until one is entered.
        await Planning.SetTargetAsync(kpi, Month(2026, 6), 53, PlanningOffice);
        Assert.Equal((53m, (decimal?)null), ((await ValueAsync(city.DataSource, kpi, new DateOnly(2026, 6, 1)))!.Target, (await ValueAsync(city.DataSource, kpi, new DateOnly(2026, 6, 1)))!.Actual));
    }

    [Fact]
    public async Task QuarterAndYearTargets_OfAMonthlyKpi_GoToKpiTargets()
    {
        var kpi = await KpiAsync(city.DataSource, "water.accidents");

        await Planning.SetTargetAsync(kpi, KpiPeriod.Parse("2026-Q2")!.Value, 45, PlanningOffice);
        await Planning.SetTargetAsync(kpi, KpiPeriod.Parse("2026")!.Value, 170, PlanningOffice);

        var queries = new KpiEntryQueries(city.DataSource);
        Assert.Equal(45m, await queries.GetTargetAsync(kpi, KpiPeriod.Parse("2026-Q2")!.Value));
        Assert.Equal(170m, await queries.GetTargetAsync(kpi, KpiPeriod.Parse("2026")!.Value));
    }

    [Fact]
    public async Task BadTargets_AreRefused()
    {
        var wear = await KpiAsync(city.DataSource, Wear);
        var yearly = await KpiAsync(city.DataSource, "economy.grp_growth");
        await using (var conn = await city.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("UPDATE kpis SET period_kind = 'year' WHERE id = @yearly", new { yearly });
        }
        await Planning.CloseMonthAsync(new DateOnly(2025, 9, 1), PlanningOffice);

        Assert.Equal(new KpiRejection("target.range", "150", "0", "100"), await RefusedAsync(() => Planning.SetTargetAsync(wear, Month(2026, 3), 150, PlanningOffice)));
        Assert.Equal("closed", (await RefusedAsync(() => Planning.SetTargetAsync(wear, Month(2025, 9), 50, PlanningOffice))).Code);
        Assert.Equal("closed", (await RefusedAsync(() => Planning.SetTargetAsync(wear, KpiPeriod.Parse("2025-Q3")!.Value, 50, PlanningOffice))).Code);
        Assert.Equal(new KpiRejection("targetKind", "economy.grp_growth", "2026", "2026-Q1"),
            await RefusedAsync(() => Planning.SetTargetAsync(yearly, KpiPeriod.Parse("2026-Q1")!.Value, 6, PlanningOffice)));
        Assert.Equal(new KpiRejection("unknownKpi", "999999"), await RefusedAsync(() => Planning.SetTargetAsync(999_999, Month(2026, 3), 1, PlanningOffice)));
        Assert.DoesNotContain(await AuditAsync(city.DataSource, wear, AuditActions.KpiTarget), r => r.Detail("new") == "150" || r.Detail("period")!.StartsWith("2025", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0", "weightPositive")]
    [InlineData("-1", "weightPositive")]
    [InlineData("10000", "weightLarge")]
    [InlineData("1.005", "decimals")]
    public async Task BadWeight_IsRefused(string weight, string code)
    {
        var kpi = await KpiAsync(city.DataSource, "water.sewer_coverage");

        var refused = await RefusedAsync(() => Planning.SetWeightAsync(kpi, decimal.Parse(weight, System.Globalization.CultureInfo.InvariantCulture), PlanningOffice));

        Assert.Equal(code, refused.Code);
        Assert.Empty(await AuditAsync(city.DataSource, kpi, AuditActions.KpiWeight));
    }

    [Fact]
    public async Task Weight_IsSetWithWhoAndWhen_AndAudited()
    {
        var kpi = await KpiAsync(city.DataSource, "culture.visitors");

        await Planning.SetWeightAsync(kpi, 2.5m, PlanningOffice);

        await using var conn = await city.DataSource.OpenConnectionAsync();
        var (weight, by) = await conn.QuerySingleAsync<(decimal, string)>("SELECT weight, updated_by FROM kpis WHERE id = @kpi", new { kpi });
        Assert.Equal((2.5m, "planning.office"), (weight, by));
        var audit = Assert.Single(await AuditAsync(city.DataSource, kpi, AuditActions.KpiWeight));
        Assert.Equal(("1", "2.5"), (audit.Detail("old"), audit.Detail("new")));
    }
}
