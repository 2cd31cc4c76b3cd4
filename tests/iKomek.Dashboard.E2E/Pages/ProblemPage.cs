using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of a systemic problem's page (/problems/{Id}): why and where, its appeals, its lifecycle and the analyst's steps.</summary>
public sealed class ProblemPage(IPage page) : AppPage(page)
{
    public static string PathOf(long id) => "/problems/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Task<ProblemPage> OpenAsync(DashboardFixture fixture, long id, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, PathOf(id), p => new ProblemPage(p), signedInAs, width, height);

    /// <summary>The problem's page reached by a click (the list, a split's link).</summary>
    public static Task<ProblemPage> ReadyOnAsync(IPage page) => ReadyAsync(new ProblemPage(page));

    protected override ILocator ReadyMarker => Place;

    /// <summary>The problem's id, read from the address.</summary>
    public long Id => long.Parse(Page.Url.Split('/').Last().Split('#')[0], System.Globalization.CultureInfo.InvariantCulture);

    public ILocator Place => Page.GetByTestId("problem-place");

    /// <summary>The score's parts (recurrence, resonance, criticality and what makes it).</summary>
    public ILocator Components => Page.GetByTestId("problem-components");

    public ILocator Weeks => Page.GetByTestId("problem-weeks");

    public ILocator Map => Page.GetByTestId("problem-map");

    public ILocator Samples => Page.GetByTestId("problem-samples").Locator("li");

    public ILocator History => Page.GetByTestId("problem-history");

    public ILocator HistoryEntries => History.Locator("li");

    /// <summary>The status badge beside the heading.</summary>
    public ILocator Status => Page.Locator(".page-head").GetByTestId("problem-status");

    public ILocator Appeals => Page.GetByTestId("problem-appeals");

    /// <summary>The links to the problem's appeals, in its appeals' table.</summary>
    public ILocator AppealLinks => Appeals.Locator("tbody tr a");

    public ILocator SplitInto => Page.GetByTestId("problem-split-into");

    public ILocator SplitFrom => Page.GetByTestId("problem-split-from");

    /// <summary>A lifecycle step's button (Confirm, Dismiss, Assign...).</summary>
    public ILocator Action(string action) => Page.GetByTestId("action-" + action);

    /// <summary>A refused step's message.</summary>
    public ILocator Alert => Page.GetByRole(AriaRole.Alert);

    public Task ActAsync(string action) => Action(action).ClickAsync();

    /// <summary>Waits until Plotly has drawn the weekly bars and the map's points (it draws after the page renders).</summary>
    public async Task WaitForChartsAsync()
    {
        await Weeks.Locator(".point").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Map.Locator(".point").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>The problem a split link names, through that link.</summary>
    public async Task<ProblemPage> FollowSplitIntoAsync()
    {
        await SplitInto.GetByRole(AriaRole.Link).ClickAsync();
        return await ReadyOnAsync(Page);
    }

    /// <summary>The first of its appeals, through its table; returns the appeal's page and its number.</summary>
    public async Task<(AppealPage Page, string RegNumber)> OpenFirstAppealAsync()
    {
        var first = AppealLinks.First;
        var reg = await first.InnerTextAsync();
        await first.ClickAsync();
        return (await AppealPage.ReadyOnAsync(Page), reg);
    }
}
