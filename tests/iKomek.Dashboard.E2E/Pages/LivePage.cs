using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the live panel (/, and the wall at /wall or /?wall=1).</summary>
public sealed class LivePage(IPage page) : AppPage(page)
{
    public const string Path = "/";
    public const string WallPath = "/wall";

    public static Task<LivePage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new LivePage(p), signedInAs, width, height);

    public static Task<LivePage> GotoAsync(IPage page) => GotoAsync(page, Path, p => new LivePage(p));

    /// <summary>The panel in <paramref name="language"/> (ru, kk, en), chosen through /culture as the switch does.</summary>
    public static Task<LivePage> GotoInAsync(IPage page, string language) =>
        GotoAsync(page, $"culture?ui={language}&redirect=/", p => new LivePage(p));

    /// <summary>The panel reached by a click (the problems' counters, a sign-in that came back here).</summary>
    public static Task<LivePage> ReadyOnAsync(IPage page) => ReadyAsync(new LivePage(page));

    protected override ILocator ReadyMarker => Today;

    /// <summary>Appeals today (the headline number).</summary>
    public ILocator Today => Page.GetByTestId("live-today");

    /// <summary>Open appeals now.</summary>
    public ILocator Open => Page.GetByTestId("live-open");

    /// <summary>Overdue appeals now: a link to the explorer, filtered to them.</summary>
    public ILocator Overdue => Page.GetByTestId("live-overdue");

    /// <summary>The tiles' row of headline numbers.</summary>
    public ILocator Stats => Page.Locator(".stats");

    /// <summary>A headline number's tile by its label (a group named by its label).</summary>
    public ILocator StatTile(string label) => Page.GetByRole(AriaRole.Group, new() { Name = label, Exact = true });

    /// <summary>When the panel's data was read; "fresh-live" while it is fresh.</summary>
    public ILocator Updated => Page.GetByTestId("live-updated");

    /// <summary>Every tile's freshness mark, those not stale.</summary>
    public ILocator FreshTiles => Page.Locator("[data-testid=freshness][data-stale=false]");

    public ILocator RefreshButton => Page.GetByTestId("live-refresh");

    public ILocator WallToggle => Page.GetByTestId("wall-toggle");

    /// <summary>The wall's layout (present only in wall mode).</summary>
    public ILocator Wall => Page.Locator(".city-wall");

    public ILocator CityLevel => Page.GetByTestId("city-level");

    public ILocator CityLevelValue => CityLevel.Locator(".level-value");

    /// <summary>The city level's rule, written on the screen.</summary>
    public ILocator LevelRule => Page.GetByTestId("level-rule");

    public ILocator HourlyChart => Page.GetByTestId("hourly-chart");

    /// <summary>A text of the panel, matched whole (a tile's or a chart's title).</summary>
    public ILocator Text(string text) => Page.GetByText(text, new() { Exact = true });

    public ILocator DistrictMap => Page.GetByTestId("district-map");

    /// <summary>The districts drawn on the map as filled outlines.</summary>
    public ILocator DistrictOutlines => DistrictMap.Locator(".js-fill");

    public ILocator DistrictLinks => Page.GetByTestId("district-links");

    public ILocator TopTypes => Page.Locator("[data-testid=top-types] li");

    /// <summary>The critical incidents' panel (a region named by its title).</summary>
    public ILocator CriticalIncidents(string title) => Page.GetByRole(AriaRole.Region, new() { Name = title });

    /// <summary>The systemic problems' counters, with the link to their list.</summary>
    public ILocator ProblemsLink => Page.GetByTestId("live-problems-link");

    public Task RefreshAsync() => RefreshButton.ClickAsync();

    public Task ToggleWallAsync() => WallToggle.ClickAsync();

    /// <summary>Waits until appeals today has grown past <paramref name="before"/>: pushed by the change feed, no reload, no click.</summary>
    public Task WaitForTodayAboveAsync(long before) => Page.WaitForFunctionAsync(
        "before => Number(document.querySelector('[data-testid=live-today]').innerText.replace(/\\D/g, '')) > before", before);

    /// <summary>Whether the page fits its window's height (nothing below the bottom of the screen).</summary>
    public Task<bool> FitsTheScreenAsync() => Page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= window.innerHeight + 1");

    /// <summary>Where an element ends on the screen, in CSS pixels from the top.</summary>
    public static Task<double> BottomAsync(ILocator element) => element.EvaluateAsync<double>("e => e.getBoundingClientRect().bottom");

    /// <summary>
    /// How far the district map's drawing runs over the district links under it, in pixels (what shows of it: its box
    /// may clip it); at most 1 when it stays above them.
    /// </summary>
    public Task<double> DistrictMapOverlapAsync() => DistrictMap.EvaluateAsync<double>("""
        box => {
            const drawn = box.querySelector('.scatterlayer').getBoundingClientRect().bottom;
            const shown = getComputedStyle(box).overflow === 'hidden' ? Math.min(drawn, box.getBoundingClientRect().bottom) : drawn;
            return shown - document.querySelector('[data-testid=district-links]').getBoundingClientRect().top;
        }
        """);

    /// <summary>A city system's alert among the critical incidents, by its rule's code.</summary>
    public ILocator SystemIncident(string rule) => Page.Locator($"[data-testid=system-incident][data-rule='{rule}']");
}
