using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the akimat's indicators (/kpis): the grid and the chosen indicator's trend.</summary>
public sealed class KpisPage(IPage page) : AppPage(page)
{
    public const string Path = "/kpis";

    public static Task<KpisPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new KpisPage(p), signedInAs, width, height);

    /// <summary>The indicators reached by a click or a redirect (the sign-in page's "continue without signing in").</summary>
    public static Task<KpisPage> ReadyOnAsync(IPage page) => ReadyAsync(new KpisPage(page));

    protected override ILocator ReadyMarker => Grid;

    /// <summary>How many indicators there are.</summary>
    public Task<long> CountAsync() => StatAsync("kpis-count");

    public ILocator Grid => Page.GetByTestId("kpis-grid");

    public ILocator Row(int index) => Grid.Locator("tbody tr").Nth(index);

    /// <summary>An indicator's name in its row.</summary>
    public static ILocator Name(ILocator row) => row.Locator(".cell-title");

    public ILocator Chart => Page.GetByTestId("kpi-chart");

    /// <summary>The trend's title, naming the indicator it draws.</summary>
    public ILocator TrendTitle(string name) => Page.GetByRole(AriaRole.Heading, new() { Name = "Динамика: " + name });
}
