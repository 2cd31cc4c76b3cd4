using Bunit;
using IKomek.Dashboard.Features.Kpis;

namespace IKomek.Dashboard.Tests.Components.Kpis;

/// <summary>The KPI page's tree and trend, rendered with hand-made KPIs.</summary>
public sealed class KpiPartsTests : MudComponentTest
{
    private static KpiStanding Kpi(int id, int department, decimal? pct, bool higher = true, string period = "month", string unit = "%") =>
        new(id, $"d{department}.k{id}", $"Показатель {id}", $"Көрсеткіш {id}", $"KPI {id}", department, unit, higher, 2, period, "mean",
            "manual", null, "fixed", new DateTime(2026, 2, 1), 100, pct, pct);

    private static readonly DepartmentExecution[] Departments = [new(1, 84.5m, 2, 2, 0), new(2, null, 1, 0, 1)];
    private static readonly KpiStanding[] Kpis = [Kpi(10, 1, 70m, higher: false), Kpi(11, 1, 99m), Kpi(20, 2, null)];

    private IRenderedComponent<KpiTree> Tree(int? selected = null, int? open = null) => Context.Render<KpiTree>(p => p
        .Add(x => x.Departments, Departments).Add(x => x.Kpis, Kpis).Add(x => x.DepartmentName, id => $"Управление {id}")
        .Add(x => x.SelectedKpiId, selected).Add(x => x.OpenDepartmentId, open));

    [Fact]
    public void Tree_DepartmentsClosed_WithTheirExecutionAndRag()
    {
        var cut = Tree();

        Assert.Equal(2, cut.FindAll("[data-testid=kpi-dept]").Count);
        Assert.Empty(cut.FindAll("[data-testid=kpi-row]"));
        var chips = cut.FindAll("[data-testid=dept-pct]");
        Assert.Equal(("84,5 %", "bad"), (chips[0].TextContent, chips[0].GetAttribute("data-tone")));
        Assert.Equal(("Нет данных", "missing"), (chips[1].TextContent, chips[1].GetAttribute("data-tone")));
        Assert.Contains("2 показ., нет данных: 0", cut.FindAll(".dept-sub")[0].TextContent);
    }

    [Fact]
    public void Tree_ADepartmentOpensToItsKpis_WithDirectionAndScore()
    {
        var cut = Tree();

        cut.FindAll(".dept-row")[0].Click();

        var rows = cut.FindAll("[data-testid=kpi-row]");
        Assert.Equal(["d1.k10", "d1.k11"], rows.Select(r => r.GetAttribute("data-code")));
        Assert.Contains("↓ меньше — лучше", rows[0].TextContent);
        Assert.Contains("↑ больше — лучше", rows[1].TextContent);
        Assert.Equal(["bad", "warn"], cut.FindAll("[data-testid=kpi-pct]").Select(c => c.GetAttribute("data-tone")));
        Assert.Equal("true", cut.FindAll(".dept-row")[0].GetAttribute("aria-expanded"));

        cut.FindAll(".dept-row")[0].Click();
        Assert.Empty(cut.FindAll("[data-testid=kpi-row]"));
    }

    [Fact]
    public void Tree_TheSelectedKpisDepartmentIsOpen_AndItsRowMarked()
    {
        var cut = Tree(selected: 11);

        var selected = cut.Find("[data-testid=kpi-row].selected");
        Assert.Equal("d1.k11", selected.GetAttribute("data-code"));
        Assert.Equal("true", selected.GetAttribute("aria-current"));
    }

    [Fact]
    public void Tree_ClickingAKpi_SelectsIt()
    {
        KpiStanding? chosen = null;
        var cut = Context.Render<KpiTree>(p => p
            .Add(x => x.Departments, Departments).Add(x => x.Kpis, Kpis).Add(x => x.DepartmentName, id => $"Управление {id}")
            .Add(x => x.OpenDepartmentId, 2).Add(x => x.OnSelect, (KpiStanding k) => chosen = k));

        cut.Find("[data-testid=kpi-row]").Click();

        Assert.Equal(20, chosen?.Id);
    }

    private static KpiPeriodValue Month(int year, int month, decimal? actual) =>
        new(new DateTime(year, month, 1), new DateTime(year, month, 1).AddMonths(1), 10, actual, actual * 10, 1, actual is null ? 0 : 1);

    [Fact]
    public void Trend_DrawsTargetActualForecastAndBand_AndNamesTheYearEnd()
    {
        // Last year 10 a month, this year 12: the forecast carries 12 on, the year ends at 12 × 12 = 144.
        var periods = Enumerable.Range(1, 12).Select(m => Month(2025, m, 10)).Concat([Month(2026, 1, 12), Month(2026, 2, 12), Month(2026, 3, null)]).ToList();
        var kpi = Kpi(1, 1, 120m, unit: "count") with { Aggregation = "sum" };

        var cut = Context.Render<KpiTrend>(p => p.Add(x => x.Kpi, kpi).Add(x => x.Periods, periods).Add(x => x.Year, 2026).Add(x => x.Title, "Динамика"));

        var chart = cut.FindComponent<IKomek.Dashboard.Components.Charts.PlotlyChart>();
        Assert.Equal(["План", "Факт", "Диапазон прогноза", "Прогноз"], chart.Instance.Traces.Select(t => ((Plotly.Blazor.Traces.Scatter)t).Name));
        var forecast = (Plotly.Blazor.Traces.Scatter)chart.Instance.Traces[3];
        // It starts at February's 12 and runs from March to December.
        Assert.Equal(11, forecast.X.Count);
        Assert.Equal("2026-02-01", forecast.X[0]);
        Assert.All(forecast.Y.Skip(1), y => Assert.Equal(12m, Convert.ToDecimal(y, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("Прогноз на конец 2026 г.: 144", cut.Find("[data-testid=kpi-year-end]").TextContent.Trim());
    }

    [Fact]
    public void Trend_OfAYearlyKpi_HasNoForecast()
    {
        var kpi = Kpi(1, 1, 120m) with { PeriodKind = "year" };
        var periods = new[] { new KpiPeriodValue(new DateTime(2025, 1, 1), new DateTime(2026, 1, 1), 60, 62, 103.3m, 12, 12) };

        var cut = Context.Render<KpiTrend>(p => p.Add(x => x.Kpi, kpi).Add(x => x.Periods, periods).Add(x => x.Year, 2026));

        Assert.Equal(2, cut.FindComponent<IKomek.Dashboard.Components.Charts.PlotlyChart>().Instance.Traces.Count);
        Assert.Equal("Недостаточно данных для прогноза", cut.Find("[data-testid=kpi-year-end]").TextContent.Trim());
    }

    [Theory]
    [InlineData("appeals_on_time", "2026-03-01", "/appeals?department=7&period=month")]
    [InlineData("appeals_on_time", "2026-02-01", "/appeals?department=7&period=90")]
    [InlineData("first_call_resolution", "2026-01-01", "/appeals?department=7&period=90")]
    [InlineData("repeat_appeals", "2025-04-01", "/appeals?department=7&period=365")]
    [InlineData("appeals_on_time", "2024-01-01", "/appeals?department=7&period=all")]
    [InlineData("overdue_open", "2026-01-01", "/appeals?department=7&period=all&overdue=true")]
    [InlineData("milestones_on_time", "2026-01-01", null)]
    public void AppealsLink_TheShortestExplorerPeriodHoldingThePeriod(string measure, string start, string? expected)
    {
        var kpi = Kpi(1, 7, 90m) with { Source = "computed", Measure = measure };

        Assert.Equal(expected, KpiAppealsLink.For(kpi, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 3, 31)));
    }
}
