using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the project office's portfolio (/projects).</summary>
public sealed class ProjectsPage(IPage page) : AppPage(page)
{
    public const string Path = "/projects";

    public static Task<ProjectsPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new ProjectsPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Grid;

    /// <summary>Active and delayed projects.</summary>
    public Task<long> ActiveAsync() => StatAsync("projects-active");

    public ILocator Chart => Page.GetByTestId("projects-chart");

    public ILocator Grid => Page.GetByTestId("projects-grid");

    /// <summary>The pager's caption ("1-25 of 412").</summary>
    public ILocator Summary => Grid.Locator(".mud-table-pagination-caption");

    /// <summary>The projects' names in the rows shown.</summary>
    public ILocator Names => Grid.Locator("tbody tr .cell-title");

    /// <summary>The filter row under the headers: its first box filters the project's name.</summary>
    public ILocator NameFilter => Grid.Locator("thead").GetByRole(AriaRole.Textbox).First;

    /// <summary>The links of the rows shown to their projects' cards.</summary>
    public ILocator CardLinks => Grid.Locator("tbody tr .cell-title a");

    /// <summary>The code of the project of the first row shown (its card's address ends with it).</summary>
    public async Task<string> FirstCodeAsync() => Uri.UnescapeDataString((await CardLinks.First.GetAttributeAsync("href"))!.Split('/').Last());

    /// <summary>Opens the card of the first row shown.</summary>
    public async Task<ProjectCardPage> OpenFirstCardAsync()
    {
        await CardLinks.First.ClickAsync();
        return await ProjectCardPage.ReadyOnAsync(Page);
    }

    public async Task FilterByNameAsync(string text)
    {
        await NameFilter.FillAsync(text);
        await NameFilter.PressAsync("Enter");
    }
}
