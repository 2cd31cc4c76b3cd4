using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Kpis;

/// <summary>The akimat's indicators in a real browser: real indicators, and a row's trend redrawn in place when chosen.</summary>
[Collection(DashboardCollection.Name)]
public sealed class KpisPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Page_OpensInRussianWithRealData()
    {
        var kpis = await KpisPage.OpenAsync(fixture);

        await PageChecks.OpensWholeAsync(kpis, "KPI акимата");
        Assert.True(await kpis.CountAsync() >= 50);
        await Assertions.Expect(AppPage.Drawing(kpis.Chart)).ToBeVisibleAsync();

        await kpis.ScreenshotsAsync("kpis");
        await kpis.CloseAsync();
    }

    [Fact]
    public async Task KpiGrid_SelectingARow_RedrawsItsTrend()
    {
        var kpis = await KpisPage.OpenAsync(fixture);
        await Assertions.Expect(kpis.Chart).ToHaveAttributeAsync("data-renders", "1");
        var secondRow = kpis.Row(1);
        var secondName = await KpisPage.Name(secondRow).InnerTextAsync();

        await secondRow.ClickAsync();

        await Assertions.Expect(kpis.Chart).ToHaveAttributeAsync("data-renders", "2");
        await Assertions.Expect(kpis.TrendTitle(secondName)).ToBeVisibleAsync();
        await kpis.CloseAsync();
    }
}
