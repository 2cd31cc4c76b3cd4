using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the ranked list of systemic problems (/problems): counters, filters, the grid.</summary>
public sealed class ProblemsPage(IPage page) : AppPage(page)
{
    public const string Path = "/problems";

    public static Task<ProblemsPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new ProblemsPage(p), signedInAs, width, height);

    /// <summary>The list reached by a click (the live panel's counters).</summary>
    public static Task<ProblemsPage> ReadyOnAsync(IPage page) => ReadyAsync(new ProblemsPage(page));

    protected override ILocator ReadyMarker => Grid;

    /// <summary>The counter of identified problems (0 until the first mining run has filled the list).</summary>
    public ILocator Identified => Page.GetByTestId("problems-identified");

    public ILocator Grid => Page.GetByTestId("problems-grid");

    public ILocator Rows => Grid.Locator("tbody tr");

    /// <summary>The criticality bars of every row.</summary>
    public ILocator ScoreBars => Grid.Locator(".score .bar");

    /// <summary>Each row's weekly trend, drawn as a small line.</summary>
    public ILocator Sparklines => Grid.Locator("svg.spark polyline");

    /// <summary>A row's appeals count: a link to the problem's appeals.</summary>
    public ILocator AppealsLinks => Page.GetByTestId("problem-appeals-link");

    /// <summary>The problems' names: each a link to its page.</summary>
    public ILocator Titles => Grid.Locator("tbody tr a.cell-title");

    /// <summary>The row of problem <paramref name="id"/>.</summary>
    public ILocator Row(long id) => Rows.Filter(new() { Has = Page.Locator($"a[href='problems/{id}']") });

    /// <summary>A row's mark for vulnerable residents among its appeals.</summary>
    public static ILocator VulnerableMark(ILocator row) => row.GetByTestId("problem-vulnerable");

    /// <summary>A row's criticality bar by its place (0: life support, 1: safety, 2: vulnerable residents, 3: people affected).</summary>
    public static ILocator CriticalityBar(ILocator row, int index) => row.Locator(".score .bar").Nth(index);

    public ILocator Column(string name) => Page.GetByRole(AriaRole.Columnheader, new() { Name = name });

    public ILocator Compare => Page.GetByRole(AriaRole.Checkbox, new() { Name = "Сравнить с предыдущим периодом" });

    /// <summary>A filter of the list (a MudSelect, "Сфера", "Период"...): opened, an option picked by its whole name.</summary>
    public async Task FilterAsync(string filter, string option)
    {
        await Page.GetByRole(AriaRole.Combobox, new() { Name = filter }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }

    /// <summary>Waits (up to 90 s) for the startup mining run to have identified problems; the counters redraw live when it does.</summary>
    public Task WaitForMinedAsync() =>
        Assertions.Expect(Identified).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("[1-9]"), new() { Timeout = 90_000 });

    /// <summary>The <paramref name="index"/>-th problem's page, through its name.</summary>
    public async Task<ProblemPage> OpenProblemAsync(int index)
    {
        await Titles.Nth(index).ClickAsync();
        return await ProblemPage.ReadyOnAsync(Page);
    }

    /// <summary>Problem <paramref name="id"/>'s page, through its name in its row.</summary>
    public async Task<ProblemPage> OpenProblemAsync(long id)
    {
        await Row(id).Locator("a.cell-title").ClickAsync();
        return await ProblemPage.ReadyOnAsync(Page);
    }

    /// <summary>The top problem's appeals, through its appeals count.</summary>
    public async Task<ProblemPage> OpenFirstProblemsAppealsAsync()
    {
        await AppealsLinks.First.ClickAsync();
        return await ProblemPage.ReadyOnAsync(Page);
    }
}
