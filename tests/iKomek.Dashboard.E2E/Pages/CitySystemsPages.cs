using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the city systems' overview (/systems).</summary>
public sealed class SystemsOverviewPage(IPage page) : AppPage(page)
{
    public static Task<SystemsOverviewPage> OpenAsync(DashboardFixture fixture, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, "/systems", p => new SystemsOverviewPage(p), null, width, height);

    protected override ILocator ReadyMarker => Tiles;

    public ILocator Tiles => Page.GetByTestId("system-tile");

    public ILocator Tile(string code) => Page.Locator($"[data-testid=system-tile][data-code={code}]");
}

/// <summary>Page object of one system's page (/systems/{code}).</summary>
public sealed class SystemPageObject(IPage page) : AppPage(page)
{
    public static Task<SystemPageObject> OpenAsync(DashboardFixture fixture, string pathAndQuery, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, pathAndQuery, p => new SystemPageObject(p), null, width, height);

    public static Task<SystemPageObject> GotoInAsync(IPage page, string language, string path) =>
        GotoAsync(page, $"culture?ui={language}&redirect={Uri.EscapeDataString(path)}", p => new SystemPageObject(p));

    protected override ILocator ReadyMarker => Page.GetByTestId("system-map");

    public ILocator ObjectLinks => Page.GetByTestId("object-link");

    public ILocator Total => Page.GetByTestId("objects-total");

    public ILocator Map => Page.GetByTestId("system-map");
}

/// <summary>Page object of one object's page (/systems/{code}/objects/{sourceId}).</summary>
public sealed class SystemObjectPageObject(IPage page) : AppPage(page)
{
    public static Task<SystemObjectPageObject> OpenAsync(DashboardFixture fixture, string path, string? signedInAs = null) =>
        OpenAsync(fixture, path, p => new SystemObjectPageObject(p), signedInAs, 1920, 1080);

    /// <summary>The object's page reached by a click, once it is ready.</summary>
    public static Task<SystemObjectPageObject> ReadyOnAsync(IPage page) => ReadyAsync(new SystemObjectPageObject(page));

    protected override ILocator ReadyMarker => Page.GetByTestId("object-page").Or(Page.GetByTestId("object-hidden"));

    public ILocator Attributes => Page.GetByTestId("object-attributes");

    public ILocator Readings => Page.GetByTestId("object-readings").Locator("tbody tr");

    public ILocator Chart => Page.GetByTestId("object-chart");

    public ILocator Hidden => Page.GetByTestId("object-hidden");
}
