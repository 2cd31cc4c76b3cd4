using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Ratings;

/// <summary>The akim's leaderboard in a real browser: every department head rated, the distribution drawn, the what-if
/// moving the ranking when a weight changes.</summary>
[Collection(DashboardCollection.Name)]
public sealed class RatingsPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Page_OpensInRussianWithRealData()
    {
        await StoredRatings.EnsureAsync(fixture);
        var ratings = await RatingsPage.OpenAsync(fixture, "akim");

        await PageChecks.OpensWholeAsync(ratings, "Рейтинг руководителей");
        Assert.True(await ratings.CountAsync() >= 25);
        Assert.Equal(await ratings.CountAsync(), await ratings.Rows.CountAsync());
        await Assertions.Expect(AppPage.Drawing(ratings.Chart)).ToBeVisibleAsync();
        // The akim opens any manager's desk from the board.
        Assert.Equal(await ratings.Rows.CountAsync(), await ratings.DeskLinks.CountAsync());

        await ratings.ScreenshotsAsync("ratings");
        await ratings.CloseAsync();
    }

    [Fact]
    public async Task WhatIf_AllWeightOnKpis_RankingMoves()
    {
        await StoredRatings.EnsureAsync(fixture);
        var ratings = await RatingsPage.OpenAsync(fixture, "akim");
        var before = await ratings.WhatIfOrderAsync();
        Assert.NotEmpty(before);
        await Assertions.Expect(ratings.WhatIfMoves).ToHaveCountAsync(0);

        await ratings.SetWeightAsync("kpi", 100);
        await ratings.SetWeightAsync("projects", 0);
        await ratings.SetWeightAsync("appeals", 0);
        await ratings.SetWeightAsync("systemic", 0);

        await Assertions.Expect(ratings.WhatIfMoves.First).ToBeVisibleAsync();
        Assert.NotEqual(before, await ratings.WhatIfOrderAsync());
        await ratings.Page.GetByTestId("what-if").ScrollIntoViewIfNeededAsync();
        await ratings.ScreenshotAsync("ratings-what-if-1920x1080");
        await ratings.CloseAsync();
    }
}
