using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>
/// Page object of the akimat's indicators (/kpis): the department tree with its KPIs, the five worst and best, the
/// department filter, and the chosen KPI's trend and values.
/// </summary>
public sealed class KpisPage(IPage page) : AppPage(page)
{
    public const string Path = "/kpis";

    public static Task<KpisPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080, string path = Path) =>
        OpenAsync(fixture, path, p => new KpisPage(p), signedInAs, width, height);

    /// <summary>The indicators reached by a click or a redirect (the sign-in page's "continue without signing in").</summary>
    public static Task<KpisPage> ReadyOnAsync(IPage page) => ReadyAsync(new KpisPage(page));

    protected override ILocator ReadyMarker => Tree;

    /// <summary>How many indicators are shown (all, or the filtered department's).</summary>
    public Task<long> CountAsync() => StatAsync("kpis-count");

    public ILocator Tree => Page.GetByTestId("kpi-tree");

    public ILocator Departments => Tree.GetByTestId("kpi-dept");

    public ILocator KpiRows => Tree.GetByTestId("kpi-row");

    public ILocator KpiRow(string code) => Page.Locator($"[data-testid=kpi-row][data-code='{code}']");

    public ILocator SelectedKpi => Page.Locator("[data-testid=kpi-row].selected");

    public ILocator Worst => Page.GetByTestId("kpi-worst").Locator("li");

    public ILocator Best => Page.GetByTestId("kpi-best").Locator("li");

    public ILocator CityPct => Page.GetByTestId("kpi-city-pct");

    public ILocator Chart => Page.GetByTestId("kpi-chart");

    public ILocator Direction => Page.GetByTestId("kpi-direction");

    public ILocator ValueRows => Page.GetByTestId("kpi-value-row");

    public ILocator AppealsLinks => Page.GetByTestId("kpi-appeals-link");

    /// <summary>The trend's title, naming the indicator it draws.</summary>
    public ILocator TrendTitle(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = "Динамика: " + name });

    /// <summary>Chooses a department in the filter (by its name as shown).</summary>
    public Task FilterDepartmentAsync(string name) => Shell.ChooseAsync("Управление", name);
}
