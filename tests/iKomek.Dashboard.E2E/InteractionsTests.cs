using System.Text.RegularExpressions;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E;

/// <summary>One interaction of each kind the app uses, each answered by the server over the Blazor circuit.</summary>
[Collection(DashboardCollection.Name)]
public sealed class InteractionsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task LivePanel_RefreshButton_RedrawsTheChartInPlace()
    {
        var page = await fixture.OpenAsync("/");
        var chart = page.GetByTestId("hourly-chart");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-renders", "1");
        var chartHandle = await chart.ElementHandleAsync();

        await page.GetByTestId("live-refresh").ClickAsync();

        // Same element, drawn again by Plotly.react: an in-place update, not a new chart.
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-renders", "2");
        Assert.True(await chartHandle!.EvaluateAsync<bool>("el => el.isConnected"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LivePanel_AppealPostedToTheApi_AppearsWithoutAReload()
    {
        var page = await fixture.OpenAsync("/");
        var shell = new Shell(page);
        var before = await shell.StatAsync("live-today");
        using var api = new Open311Client(fixture.App.BaseUrl);

        await api.PostAsync(await api.ServiceCodeAsync(), "Нет отопления", 51.15, 71.45);

        // The change feed pushes it to the open panel: no reload, no click.
        await page.WaitForFunctionAsync(
            "before => Number(document.querySelector('[data-testid=live-today]').innerText.replace(/\\D/g, '')) > before", before);
        Assert.True(await shell.StatAsync("live-today") > before);
        await Assertions.Expect(page.GetByTestId("live-updated")).ToHaveClassAsync(new Regex("fresh-live"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LivePanel_WallMode_HidesNavigationAndShowsTheCityLevelWithItsRule()
    {
        var page = await fixture.OpenAsync("/");
        await page.GetByTestId("wall-toggle").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?wall=1$"));
        await Assertions.Expect(page.Locator(".city-sidebar")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("city-level").Locator(".level-value")).ToHaveTextAsync(new Regex("^[1-5]$"));
        await Assertions.Expect(page.GetByTestId("city-level")).ToHaveAttributeAsync("title", new Regex("^Правило: критические инциденты"));
        await Assertions.Expect(page.GetByTestId("district-map").Locator(".main-svg").First).ToBeVisibleAsync();
        // The rule is on the screen, not only in a tooltip, and nothing runs below the bottom of a 1920x1080 wall.
        await Assertions.Expect(page.GetByTestId("level-rule")).ToContainTextAsync("Правило: критические инциденты");
        await Assertions.Expect(page.Locator(".city-wall")).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= window.innerHeight + 1"), "the wall scrolls");
        var bottom = await page.GetByRole(AriaRole.Region, new() { Name = "Критические инциденты (24 ч)" }).EvaluateAsync<double>("e => e.getBoundingClientRect().bottom");
        Assert.True(bottom <= 1080, $"incidents end at {bottom}px");
        // The district map's drawing stays above the district links under it (what shows of it: its box may clip it).
        var overlap = await page.GetByTestId("district-map").EvaluateAsync<double>("""
            box => {
                const drawn = box.querySelector('.scatterlayer').getBoundingClientRect().bottom;
                const shown = getComputedStyle(box).overflow === 'hidden' ? Math.min(drawn, box.getBoundingClientRect().bottom) : drawn;
                return shown - document.querySelector('[data-testid=district-links]').getBoundingClientRect().top;
            }
            """);
        Assert.True(overlap <= 1, $"the district map runs {overlap:F0}px over its links");
        await DashboardFixture.ScreenshotAsync(page, "live-wall-1920x1080");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LivePanel_OverdueNumber_OpensTheAppealsBehindIt()
    {
        var page = await fixture.OpenAsync("/");
        var shell = new Shell(page);
        var overdue = await shell.StatAsync("live-overdue");

        // One click from the number to the explorer, filtered to exactly what the number counts.
        await page.GetByTestId("live-overdue").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/appeals\?period=all&overdue=true$"));
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Обращения");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Только просроченные" })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Период" })).ToHaveTextAsync("Всё время");
        Assert.Equal(overdue, await shell.StatAsync("appeals-total"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AppealsGrid_PagesSortsAndFilters()
    {
        var page = await fixture.OpenAsync("/appeals");
        var shell = new Shell(page);
        var grid = page.GetByTestId("appeals-grid");
        var firstReg = grid.Locator("tbody tr").First.Locator(".reg");
        var newest = await firstReg.InnerTextAsync();
        var total = await shell.StatAsync("appeals-total");

        // Page: the second page starts with another appeal.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Страницы" }).GetByRole(AriaRole.Button, new() { Name = "Страница 2", Exact = true }).ClickAsync();
        await Assertions.Expect(firstReg).Not.ToHaveTextAsync(newest);

        // Sort: by number ascending gives the smallest registration number of the period first.
        await grid.GetByRole(AriaRole.Columnheader, new() { Name = "Номер" }).GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(firstReg).Not.ToHaveTextAsync(newest);
        var ascending = await firstReg.InnerTextAsync();
        Assert.True(string.CompareOrdinal(ascending, newest) < 0, $"{ascending} should sort before {newest}");

        // Filter: one district leaves fewer appeals, all of that district.
        await shell.ChooseAsync("Район", "Есиль");
        // The rows come first, then the count: wait for the filtered rows, then for a counted total that differs.
        await Assertions.Expect(grid.Locator("tbody tr td:nth-child(4) div:first-child").First).ToContainTextAsync("Есиль");
        var filtered = await shell.StatAsync("appeals-total");
        for (var tries = 0; filtered == total && tries < 60; tries++)
        {
            await page.WaitForTimeoutAsync(500);
            filtered = await shell.StatAsync("appeals-total");
        }
        Assert.InRange(filtered, 1, total - 1);
        var districts = await grid.Locator("tbody tr td:nth-child(4) div:first-child").AllInnerTextsAsync();
        Assert.NotEmpty(districts);
        Assert.All(districts, d => Assert.Contains("Есиль", d));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AppealsExport_DownloadsExactlyTheFilteredSet()
    {
        // Exports are for signed-in readers.
        var page = await fixture.OpenAsync("/appeals", signedInAs: "analyst");
        var shell = new Shell(page);
        await shell.ChooseAsync("Район", "Нура");
        var overdue = page.GetByRole(AriaRole.Checkbox, new() { Name = "Только просроченные" });
        await overdue.ClickAsync();
        await overdue.ClickAsync();
        await Assertions.Expect(page.GetByTestId("appeals-export")).ToHaveAttributeAsync("href", new Regex("district=5"));
        // The grid has reloaded for the filter once its rows are all Nura's; the total is then the filtered one.
        await Assertions.Expect(page.GetByTestId("appeals-grid").Locator("tbody tr td:nth-child(4) div:first-child").First).ToHaveTextAsync("Нура");
        await page.WaitForTimeoutAsync(500);
        var total = await shell.StatAsync("appeals-total");

        var href = await page.GetByTestId("appeals-export").GetAttributeAsync("href");
        var csv = System.Text.Encoding.UTF8.GetString(await (await page.APIRequest.GetAsync("/" + href)).BodyAsync());

        var lines = csv.TrimEnd().Split("\r\n");
        Assert.StartsWith("\uFEFFreg_number,created_at,channel,service_code", lines[0]);
        Assert.Equal(total, lines.Length - 1);
        Assert.All(lines.Skip(1).Take(50), l => Assert.Contains(",nura,", l));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LanguageSwitch_ChangesTheWholeInterfaceAndStays()
    {
        var page = await fixture.OpenAsync("/ratings");
        var shell = new Shell(page);
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Рейтинг руководителей");

        await shell.Language("ҚАЗ").ClickAsync();
        await DashboardFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Басшылар рейтингі");
        await Assertions.Expect(shell.NavLink("Өтініштер")).ToBeVisibleAsync();

        await shell.Language("ENG").ClickAsync();
        await DashboardFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Managers' rating");
        await DashboardFixture.ScreenshotAsync(page, "ratings-en-1920x1080");

        // The choice is kept for the next page.
        await shell.NavLink("Appeals").ClickAsync();
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Appeals");
        // The switch follows the navigation (a re-render after the location changed): it returns to this page.
        await Assertions.Expect(shell.Language("РУС")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("redirect=%2Fappeals"));

        await shell.Language("РУС").ClickAsync();
        await DashboardFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Обращения");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task KpiGrid_SelectingARow_RedrawsItsTrend()
    {
        var page = await fixture.OpenAsync("/kpis");
        var chart = page.GetByTestId("kpi-chart");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-renders", "1");
        var secondRow = page.GetByTestId("kpis-grid").Locator("tbody tr").Nth(1);
        var secondName = await secondRow.Locator(".cell-title").InnerTextAsync();

        await secondRow.ClickAsync();

        await Assertions.Expect(chart).ToHaveAttributeAsync("data-renders", "2");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Динамика: " + secondName })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ProjectsGrid_ColumnFilter_NarrowsTheList()
    {
        var page = await fixture.OpenAsync("/projects");
        var grid = page.GetByTestId("projects-grid");
        var summary = grid.Locator(".mud-table-pagination-caption");
        var before = await summary.InnerTextAsync();

        // The filter row under the headers: the first box filters the project's name.
        var nameFilter = grid.Locator("thead").GetByRole(AriaRole.Textbox).First;
        await nameFilter.FillAsync("школ");
        await nameFilter.PressAsync("Enter");

        await Assertions.Expect(summary).Not.ToHaveTextAsync(before);
        var names = await grid.Locator("tbody tr .cell-title").AllInnerTextsAsync();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains("школ", n, StringComparison.OrdinalIgnoreCase));
        await page.Context.CloseAsync();
    }
}
