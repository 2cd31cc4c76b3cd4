using System.Text.RegularExpressions;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using AppealsQueries = IKomek.Dashboard.Features.Appeals.AppealsQueries;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Live;

/// <summary>The live panel in a real browser: real numbers, redrawn in place, pushed by the change feed, the wall, the drill-down.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LivePageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Page_OpensInRussianWithRealData()
    {
        var live = await LivePage.OpenAsync(fixture);

        await PageChecks.OpensWholeAsync(live, "Живая панель города");
        Assert.True(await live.StatAsync("live-today") > 0, "appeals today");
        Assert.True(await live.StatAsync("live-open") > 0, "open appeals");
        // Every tile says how fresh it is; the map draws the five districts as filled outlines.
        Assert.Equal(13, await live.FreshTiles.CountAsync());
        await Assertions.Expect(live.DistrictOutlines).ToHaveCountAsync(5);
        await Assertions.Expect(live.TopTypes.First).ToBeVisibleAsync();
        await Assertions.Expect(LivePage.Drawing(live.HourlyChart)).ToBeVisibleAsync();

        await live.ScreenshotsAsync("live");
        await live.CloseAsync();
    }

    [Fact]
    public async Task LivePanel_RefreshButton_RedrawsTheChartInPlace()
    {
        var live = await LivePage.OpenAsync(fixture);
        await Assertions.Expect(live.HourlyChart).ToHaveAttributeAsync("data-renders", "1");
        var chartHandle = await live.HourlyChart.ElementHandleAsync();

        await live.RefreshAsync();

        // Same element, drawn again by Plotly.react: an in-place update, not a new chart.
        await Assertions.Expect(live.HourlyChart).ToHaveAttributeAsync("data-renders", "2");
        Assert.True(await chartHandle!.EvaluateAsync<bool>("el => el.isConnected"));
        await live.CloseAsync();
    }

    [Fact]
    public async Task LivePanel_AppealPostedToTheApi_AppearsWithoutAReload()
    {
        var live = await LivePage.OpenAsync(fixture);
        var before = await live.StatAsync("live-today");
        using var api = new Open311Client(fixture.App.BaseUrl);

        await api.PostAsync(await api.ServiceCodeAsync(), "Нет отопления", 51.15, 71.45);

        // The change feed pushes it to the open panel: no reload, no click.
        await live.WaitForTodayAboveAsync(before);
        Assert.True(await live.StatAsync("live-today") > before);
        await Assertions.Expect(live.Updated).ToHaveClassAsync(new Regex("fresh-live"));
        await live.CloseAsync();
    }

    [Fact]
    public async Task LivePanel_WallMode_HidesNavigationAndShowsTheCityLevelWithItsRule()
    {
        var live = await LivePage.OpenAsync(fixture);
        await live.ToggleWallAsync();

        await Assertions.Expect(live.Page).ToHaveURLAsync(new Regex(@"\?wall=1$"));
        await Assertions.Expect(live.Shell.Sidebar).ToBeHiddenAsync();
        await Assertions.Expect(live.CityLevelValue).ToHaveTextAsync(new Regex("^[1-5]$"));
        await Assertions.Expect(live.CityLevel).ToHaveAttributeAsync("title", new Regex("^Правило: критические инциденты"));
        await Assertions.Expect(LivePage.Drawing(live.DistrictMap)).ToBeVisibleAsync();
        // The rule is on the screen, not only in a tooltip, and nothing runs below the bottom of a 1920x1080 wall.
        await Assertions.Expect(live.LevelRule).ToContainTextAsync("Правило: критические инциденты");
        await Assertions.Expect(live.Wall).ToHaveCountAsync(1);
        Assert.True(await live.FitsTheScreenAsync(), "the wall scrolls");
        var bottom = await LivePage.BottomAsync(live.CriticalIncidents("Критические инциденты (24 ч)"));
        Assert.True(bottom <= 1080, $"incidents end at {bottom}px");
        // The district map's drawing stays above the district links under it (what shows of it: its box may clip it).
        var overlap = await live.DistrictMapOverlapAsync();
        Assert.True(overlap <= 1, $"the district map runs {overlap:F0}px over its links");
        await live.ScreenshotAsync("live-wall-1920x1080");
        await live.CloseAsync();
    }

    [Fact]
    public async Task LivePanel_OverdueNumber_OpensTheAppealsBehindIt()
    {
        var live = await LivePage.OpenAsync(fixture);
        var overdue = await live.StatAsync("live-overdue");

        // One click from the number to the explorer, filtered to exactly what the number counts.
        await live.Overdue.ClickAsync();

        await Assertions.Expect(live.Page).ToHaveURLAsync(new Regex(@"/appeals\?period=all&overdue=true$"));
        var appeals = await AppealsPage.ReadyOnAsync(live.Page);
        await Assertions.Expect(appeals.Heading).ToHaveTextAsync("Обращения");
        await Assertions.Expect(appeals.OverdueOnly).ToBeCheckedAsync();
        await Assertions.Expect(appeals.Period).ToHaveTextAsync("Всё время");
        // The explorer counts up to its cap and says "more than" above it (the CSV import's thousands of old open
        // appeals, when that test ran first, put the overdue count above it).
        if (overdue <= AppealsQueries.CountCap)
        {
            Assert.Equal(overdue, await appeals.TotalAsync());
        }
        else
        {
            Assert.Equal(AppealsQueries.CountCap, await appeals.TotalAsync());
            await Assertions.Expect(appeals.Total).ToHaveTextAsync(new Regex("^Найдено: более "));
        }
        await appeals.CloseAsync();
    }
}
