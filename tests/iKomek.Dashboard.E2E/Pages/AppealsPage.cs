using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the appeals explorer (/appeals): filters, search, the grid with its pages and sorting, the export.</summary>
public sealed class AppealsPage(IPage page) : AppPage(page)
{
    public const string Path = "/appeals";

    public static Task<AppealsPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new AppealsPage(p), signedInAs, width, height);

    /// <summary>The explorer reached by a click (a number of the live panel that opens the appeals behind it).</summary>
    public static Task<AppealsPage> ReadyOnAsync(IPage page) => ReadyAsync(new AppealsPage(page));

    protected override ILocator ReadyMarker => Grid;

    public ILocator Grid => Page.GetByTestId("appeals-grid");

    public ILocator Rows => Grid.Locator("tbody tr");

    /// <summary>The registration numbers of the rows shown.</summary>
    public ILocator RegNumbers => Rows.Locator(".reg");

    /// <summary>The first row's registration number.</summary>
    public ILocator FirstRegNumber => Rows.First.Locator(".reg");

    /// <summary>Each row's district (the first line of the fourth column).</summary>
    public ILocator Districts => Grid.Locator("tbody tr td:nth-child(4) div:first-child");

    public ILocator Search => Page.GetByRole(AriaRole.Textbox, new() { Name = "Поиск" });

    public ILocator OverdueOnly => Page.GetByRole(AriaRole.Checkbox, new() { Name = "Только просроченные" });

    public ILocator Period => Page.GetByRole(AriaRole.Combobox, new() { Name = "Период" });

    public ILocator Export => Page.GetByTestId("appeals-export");

    public ILocator ImportButton => Page.GetByTestId("appeals-import");

    /// <summary>A link to an appeal's page by its registration number.</summary>
    public ILocator AppealLink(string regNumber) => Page.GetByRole(AriaRole.Link, new() { Name = regNumber });

    /// <summary>"Found: 1 234", or "Found: more than 10 000" above the explorer's count cap.</summary>
    public ILocator Total => Page.GetByTestId("appeals-total");

    /// <summary>The number of appeals the filters leave, once counted.</summary>
    public Task<long> TotalAsync() => StatAsync("appeals-total");

    public async Task SearchAsync(string text)
    {
        await Search.FillAsync(text);
        await Search.PressAsync("Enter");
    }

    /// <summary>A filter (a MudSelect): opened, an option picked by name.</summary>
    public Task FilterAsync(string filter, string option) => Shell.ChooseAsync(filter, option);

    public Task GoToPageAsync(int number) =>
        Page.GetByRole(AriaRole.Navigation, new() { Name = "Страницы" })
            .GetByRole(AriaRole.Button, new() { Name = $"Страница {number}", Exact = true }).ClickAsync();

    /// <summary>Sorts by a column through its header's button.</summary>
    public Task SortByAsync(string column) =>
        Grid.GetByRole(AriaRole.Columnheader, new() { Name = column }).GetByRole(AriaRole.Button).ClickAsync();

    public async Task<AppealPage> OpenAppealAsync(string regNumber)
    {
        await AppealLink(regNumber).ClickAsync();
        return await AppealPage.ReadyOnAsync(Page);
    }

    public async Task<ImportPage> OpenImportAsync()
    {
        await ImportButton.ClickAsync();
        return await ImportPage.ReadyOnAsync(Page);
    }
}
