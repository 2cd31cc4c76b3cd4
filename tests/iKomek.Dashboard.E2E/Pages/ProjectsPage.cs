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

    public async Task FilterByNameAsync(string text)
    {
        await NameFilter.FillAsync(text);
        await NameFilter.PressAsync("Enter");
    }
}
