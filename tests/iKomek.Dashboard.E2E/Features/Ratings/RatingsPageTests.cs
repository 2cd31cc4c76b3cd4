using Dapper;
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

    [Fact]
    public async Task Administrator_SavesWeights_VersionedAudited_TheBoardRedrawsOnTheRecompute()
    {
        await StoredRatings.EnsureAsync(fixture);
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var ratings = await RatingsPage.OpenAsync(fixture, "admin");
        var before = await conn.ExecuteScalarAsync<int>("SELECT max(version) FROM rating_weights");
        await Assertions.Expect(ratings.WeightsVersion).ToHaveTextAsync($"веса: версия {before}");

        try
        {
            await ratings.SetWeightAsync("kpi", 40);
            await ratings.SetWeightAsync("projects", 20);
            await ratings.SetWeightAsync("appeals", 30);
            await ratings.SetWeightAsync("systemic", 10);
            await ratings.SaveWeightsAsync("Проверка: KPI важнее");

            await Assertions.Expect(ratings.WeightsMessage).ToContainTextAsync($"версия {before + 1}");
            var saved = await conn.QuerySingleAsync<(decimal Kpi, decimal Appeals, string CreatedBy)>(
                "SELECT kpi, appeals, created_by FROM rating_weights WHERE version = @v", new { v = before + 1 });
            Assert.Equal((40m, 30m, "admin"), saved);
            Assert.Equal("admin", await conn.ExecuteScalarAsync<string>(
                "SELECT actor FROM audit_log WHERE action = 'rating.weights' AND subject_id = @v", new { v = (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            // The full recompute runs now; its stored results reach the open page through the feed.
            await Assertions.Expect(ratings.WeightsVersion).ToHaveTextAsync($"веса: версия {before + 1}", new() { Timeout = 120_000 });
        }
        finally
        {
            // The other tests read the rating with even weights.
            await StoredRatings.EvenWeightsAsync(fixture);
            await ratings.CloseAsync();
        }
    }
}
