using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Ratings;

/// <summary>The managers' rating in a real browser: every department head rated, the chart drawn.</summary>
[Collection(DashboardCollection.Name)]
public sealed class RatingsPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Page_OpensInRussianWithRealData()
    {
        var ratings = await RatingsPage.OpenAsync(fixture);

        await PageChecks.OpensWholeAsync(ratings, "Рейтинг руководителей");
        Assert.True(await ratings.CountAsync() >= 25);
        await Assertions.Expect(AppPage.Drawing(ratings.Chart)).ToBeVisibleAsync();

        await ratings.ScreenshotsAsync("ratings");
        await ratings.CloseAsync();
    }
}
