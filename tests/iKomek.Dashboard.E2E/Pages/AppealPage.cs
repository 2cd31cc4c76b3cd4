using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of an appeal's page (/appeals/{RegNumber}): its facts, history, map and the operator's actions.</summary>
public sealed class AppealPage(IPage page) : AppPage(page)
{
    public static string PathOf(string regNumber) => "/appeals/" + regNumber;

    public static Task<AppealPage> OpenAsync(DashboardFixture fixture, string regNumber, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, PathOf(regNumber), p => new AppealPage(p), signedInAs, width, height);

    public static Task<AppealPage> GotoAsync(IPage page, string regNumber) => GotoAsync(page, PathOf(regNumber), p => new AppealPage(p));

    /// <summary>The appeal's page reached by a click (from the explorer, a problem's appeals).</summary>
    public static Task<AppealPage> ReadyOnAsync(IPage page) => ReadyAsync(new AppealPage(page));

    protected override ILocator ReadyMarker => Facts;

    public ILocator Facts => Page.GetByTestId("appeal-facts");

    public ILocator History => Page.GetByTestId("appeal-history");

    /// <summary>The history's entries: one per status the appeal has had.</summary>
    public ILocator HistoryEntries => History.Locator("li");

    public ILocator Map => Page.GetByTestId("appeal-map");

    /// <summary>The status badge beside the heading.</summary>
    public ILocator Status => Page.Locator(".page-head .status-badge");

    /// <summary>An action's button by its name (Assign, Forward, StartWork, Resolve, Close...).</summary>
    public ILocator Action(string action) => Page.GetByTestId("action-" + action);

    /// <summary>Every action button shown.</summary>
    public ILocator Actions => Page.Locator("[data-testid^=action-]");

    /// <summary>The answer to the last action: its refusal or its confirmation.</summary>
    public ILocator ActionMessage => Page.GetByTestId("action-message");

    public ILocator Organisation => Page.GetByRole(AriaRole.Combobox, new() { Name = "Организация" });

    public Task ActAsync(string action) => Action(action).ClickAsync();

    /// <summary>Picks the first organisation of the actions' list.</summary>
    public async Task ChooseFirstOrganisationAsync()
    {
        await Organisation.ClickAsync();
        await Page.GetByRole(AriaRole.Option).First.ClickAsync();
    }
}
