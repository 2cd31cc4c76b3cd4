using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Projects;

/// <summary>
/// The portfolio as people use it: a filtered view that survives a reload, a deputy's own portfolio first, a
/// department head's own projects listed and the rest only counted, the deputy's page, and a change arriving live.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PortfolioTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Filters_LiveInTheAddress_AndSurviveAReload()
    {
        var projects = await ProjectsPage.OpenAsync(fixture);
        var all = await projects.ListedAsync();

        await projects.BreakdownLink("portfolio-by-group", "roads").ClickAsync();
        await Assertions.Expect(projects.Page).ToHaveURLAsync(new Regex(Regex.Escape("group=roads")));
        await Assertions.Expect(projects.GroupFilter).ToContainTextAsync("Дороги и транспорт");
        await projects.FilterByTextAsync("Реконструкция");
        await Assertions.Expect(projects.Page).ToHaveURLAsync(new Regex(Regex.Escape("q=")));
        await Assertions.Expect(projects.Names.First).ToContainTextAsync("Реконструкция");
        var filtered = await projects.ListedAsync();
        var address = projects.Page.Url;

        await projects.Page.ReloadAsync();
        await projects.WaitForReadyAsync();

        Assert.Equal(address, projects.Page.Url);
        Assert.Equal(filtered, await projects.ListedAsync());
        Assert.True(filtered > 0 && filtered < all);
        Assert.Equal("Реконструкция", await projects.TextFilter.InputValueAsync());
        await Assertions.Expect(projects.GroupFilter).ToContainTextAsync("Дороги и транспорт");
        Assert.All(await projects.Names.AllInnerTextsAsync(), n => Assert.Contains("Реконструкция", n, StringComparison.Ordinal));
        await projects.CloseAsync();
    }

    [Fact]
    public async Task Deputy_OpensOnOwnPortfolio_WithASwitchToTheCity()
    {
        var projects = await ProjectsPage.OpenAsync(fixture, signedInAs: "deputy.utilities");

        await Assertions.Expect(projects.Mine).ToHaveAttributeAsync("aria-pressed", "true");
        var supervisors = (await projects.Supervisors.AllInnerTextsAsync()).Distinct().ToList();
        var mine = await projects.ListedAsync();
        var caption = await projects.Summary.InnerTextAsync();
        Assert.Single(supervisors);

        await projects.WholeCity.ClickAsync();
        await Assertions.Expect(projects.Page).ToHaveURLAsync(new Regex(Regex.Escape("scope=city")));
        await Assertions.Expect(projects.WholeCity).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(projects.Summary).Not.ToHaveTextAsync(caption);
        Assert.True(await projects.ListedAsync() > mine);

        await projects.ScreenshotsAsync("projects-deputy");
        await projects.CloseAsync();
    }

    [Fact]
    public async Task DepartmentHead_ListsOwnProjects_AndCountsTheOthersOnly()
    {
        var anonymous = await ProjectsPage.OpenAsync(fixture);
        var cityActive = await anonymous.ActiveAsync();
        var cityListed = await anonymous.ListedAsync();
        await anonymous.CloseAsync();

        var projects = await ProjectsPage.OpenAsync(fixture, signedInAs: "head.energy");

        await Assertions.Expect(projects.OwnNote).ToBeVisibleAsync();
        Assert.Equal(cityActive, await projects.ActiveAsync());
        var own = await projects.ListedAsync();
        Assert.True(own > 0 && own < cityListed);
        Assert.Contains((cityListed - own).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("ru-KZ")).Replace('\u00a0', ' '),
            (await projects.OwnNote.InnerTextAsync()).Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.All(await projects.Grid.Locator("tbody tr td:nth-child(2) .cell-sub").AllInnerTextsAsync(),
            sub => Assert.Contains("энергетики", sub, StringComparison.Ordinal));
        await projects.CloseAsync();
    }

    [Fact]
    public async Task DeputyPortfolio_ReachedFromTheDeputySummary()
    {
        var projects = await ProjectsPage.OpenAsync(fixture);

        await projects.BreakdownLink("portfolio-by-deputy", "social").ClickAsync();
        var deputy = await DeputyPortfolioPage.ReadyAsync(projects.Page);

        Assert.EndsWith(DeputyPortfolioPage.PathOf("social"), new Uri(deputy.Page.Url).AbsolutePath, StringComparison.Ordinal);
        await Assertions.Expect(deputy.Name).Not.ToBeEmptyAsync();
        await Assertions.Expect(deputy.ByDepartment.Locator("tbody tr").First).ToBeVisibleAsync();
        await deputy.ScreenshotsAsync("projects-deputy-portfolio");
        await deputy.CloseAsync();
    }

    [Fact]
    public async Task Portfolio_RedrawsWhenAProjectChanges()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var (id, forecast) = await conn.QuerySingleAsync<(int, DateTime)>(
            "SELECT id, forecast_end_date::timestamp FROM projects WHERE status = 'active' AND forecast_end_date <= planned_end_date ORDER BY id LIMIT 1");
        var projects = await ProjectsPage.OpenAsync(fixture);
        var late = await projects.LateAsync();
        try
        {
            await conn.ExecuteAsync("UPDATE projects SET status = 'delayed', forecast_end_date = planned_end_date + 60 WHERE id = @id", new { id });

            await Assertions.Expect(projects.Late).ToHaveTextAsync((late + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await conn.ExecuteAsync("UPDATE projects SET status = 'active', forecast_end_date = @forecast::date WHERE id = @id", new { id, forecast });
        }
        await Assertions.Expect(projects.Late).ToHaveTextAsync(late.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await projects.CloseAsync();
    }
}
