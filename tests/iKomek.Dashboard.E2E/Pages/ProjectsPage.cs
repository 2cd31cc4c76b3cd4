using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the project office's portfolio (/projects).</summary>
public sealed class ProjectsPage(IPage page) : AppPage(page)
{
    public const string Path = "/projects";

    public static Task<ProjectsPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080, string path = Path) =>
        OpenAsync(fixture, path, p => new ProjectsPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Grid;

    /// <summary>Active and delayed projects.</summary>
    public Task<long> ActiveAsync() => StatAsync("projects-active");

    public Task<long> LateAsync() => StatAsync("portfolio-late");

    public ILocator Late => Page.GetByTestId("portfolio-late");

    public ILocator Chart => Page.GetByTestId("projects-chart");

    public ILocator Grid => Page.GetByTestId("projects-grid");

    /// <summary>The pager's caption ("1–15 из 412").</summary>
    public ILocator Summary => Grid.Locator(".mud-table-pagination-caption");

    /// <summary>How many projects the list holds (the pager's last number).</summary>
    public async Task<int> ListedAsync()
    {
        var text = await Summary.InnerTextAsync();
        return int.Parse(new string(text.Split(' ')[^1].Where(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The projects' names in the rows shown.</summary>
    public ILocator Names => Grid.Locator("tbody tr .cell-title");

    /// <summary>The supervising deputies of the rows shown.</summary>
    public ILocator Supervisors => Grid.Locator("tbody tr .person");

    /// <summary>The links of the rows shown to their projects' cards.</summary>
    public ILocator CardLinks => Grid.Locator("tbody tr a.cell-title");

    /// <summary>The code of the project of the first row shown (its card's address ends with it).</summary>
    public async Task<string> FirstCodeAsync() => Uri.UnescapeDataString((await CardLinks.First.GetAttributeAsync("href"))!.Split('/').Last());

    /// <summary>Opens a project's card from its row (by its code: a live redraw may reorder the rows meanwhile).</summary>
    public async Task<ProjectCardPage> OpenCardAsync(string code)
    {
        await Grid.Locator($"tbody tr a.cell-title[href='{ProjectCardPage.PathOf(code).TrimStart('/')}']").ClickAsync();
        return await ProjectCardPage.ReadyOnAsync(Page);
    }

    public ILocator TextFilter => Page.GetByRole(AriaRole.Textbox, new() { Name = "Название, код или руководитель" });

    public ILocator GroupFilter => Page.GetByTestId("portfolio-filter-group");


    public async Task FilterByTextAsync(string text)
    {
        await TextFilter.FillAsync(text);
        // The box commits on Enter or on leaving it.
        await TextFilter.PressAsync("Enter");
        await TextFilter.PressAsync("Tab");
    }

    /// <summary>A line of a breakdown (portfolio-by-group, -status, -district, -deputy) by its key.</summary>
    public ILocator BreakdownLink(string breakdown, string key) => Page.GetByTestId(breakdown).Locator($"tr[data-key='{key}'] a");

    public ILocator Mine => Page.GetByTestId("portfolio-mine");

    public ILocator WholeCity => Page.GetByTestId("portfolio-city");

    /// <summary>A department head's note that other departments count in the totals only.</summary>
    public ILocator OwnNote => Page.GetByTestId("portfolio-own-note");

    public ILocator ComplaintRises => Page.Locator(".complaints");
}
