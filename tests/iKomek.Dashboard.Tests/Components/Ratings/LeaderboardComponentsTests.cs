using Bunit;
using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Features.Ratings.Pages;

namespace IKomek.Dashboard.Tests.Components.Ratings;

/// <summary>The leaderboard's parts on hand-built ratings: what "not rated", "low volume" and "no rank" look like.</summary>
public sealed class LeaderboardComponentsTests : MudComponentTest
{
    private static readonly RatingPeriod March = RatingPeriod.Month(2026, 3);

    internal static ManagerRating Rating(int managerId, decimal? total, int? rank, bool lowVolume = false, params IndicatorScore[] indicators) =>
        new(managerId, managerId, $"Руководитель {managerId}", managerId, March, new DateOnly(2026, 3, 31), DateTimeOffset.UnixEpoch, 1, 1,
            total, total - 3, total + 3, lowVolume, rank, indicators, 100, 70m, 4.1m, 5m, 12m);

    internal static IndicatorScore Score(RatingIndicator indicator, decimal? score, bool lowVolume = false, int volume = 100) =>
        new(indicator, score, 25, score is null ? 0 : 33.33m, score - 2, score + 2, volume, lowVolume, lowVolume || score is null ? null : 1);

    [Fact]
    public void Table_NotRatedAndLowVolume_MarkedAndUnranked()
    {
        Context.AddAuthorization();
        var rows = new[]
        {
            Rating(1, 81.5m, 1, false, Score(RatingIndicator.Kpi, 90), Score(RatingIndicator.Projects, 80), Score(RatingIndicator.Appeals, 75),
                Score(RatingIndicator.Systemic, null)),
            Rating(2, 64.2m, null, true, Score(RatingIndicator.Kpi, 70), Score(RatingIndicator.Projects, 50, lowVolume: true, volume: 2),
                Score(RatingIndicator.Appeals, 66), Score(RatingIndicator.Systemic, 60)),
        };

        var cut = Context.Render<LeaderboardTable>(p => p.Add(t => t.Rows, rows).Add(t => t.Department, id => $"Управление {id}")
            .Add(t => t.Unstable, new HashSet<int> { 1 }));

        var first = cut.Find("tr[data-manager='1']");
        Assert.Equal("1", first.QuerySelector("[data-testid=rating-rank]")!.FirstChild!.TextContent.Trim());
        Assert.Contains("81,5 %", first.QuerySelector("[data-testid=rating-total]")!.TextContent);
        Assert.Equal("не оценивается", first.QuerySelector("td[data-indicator=systemic] [data-testid=not-rated]")!.TextContent);
        Assert.NotNull(first.QuerySelector("[data-testid=rating-unstable]"));
        Assert.Null(first.QuerySelector("[data-testid=low-volume]"));

        var second = cut.Find("tr[data-manager='2']");
        Assert.Equal("—", second.QuerySelector("[data-testid=rating-rank]")!.TextContent.Trim());
        Assert.Contains("мало данных (2)", second.QuerySelector("td[data-indicator=projects] [data-testid=low-volume]")!.TextContent);
        Assert.NotNull(second.QuerySelector("[data-testid=rating-low-volume]"));
        Assert.Empty(second.QuerySelectorAll("[data-testid=not-rated]"));
        // Nobody may open a desk by default: the names are not links.
        Assert.Empty(cut.FindAll("[data-testid=rating-desk-link]"));
    }

    [Fact]
    public void Table_InKazakhAndEnglish_NotRatedTranslated()
    {
        Context.AddAuthorization();
        var rows = new[] { Rating(1, 50m, null, false, Score(RatingIndicator.Kpi, 50), Score(RatingIndicator.Projects, null),
            Score(RatingIndicator.Appeals, 50), Score(RatingIndicator.Systemic, 50)) };
        foreach (var (culture, text) in new[] { ("kk-KZ", "бағаланбайды"), ("en-US", "not rated") })
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
            var cut = Context.Render<LeaderboardTable>(p => p.Add(t => t.Rows, rows).Add(t => t.Department, _ => ""));
            Assert.Equal(text, cut.Find("[data-testid=not-rated]").TextContent);
        }
    }

    [Fact]
    public void Table_DeskLinks_OnlyWhereTheReaderMay()
    {
        Context.AddAuthorization();
        var rows = new[] { Rating(1, 70m, 1), Rating(2, 60m, 2) };

        var cut = Context.Render<LeaderboardTable>(p => p.Add(t => t.Rows, rows).Add(t => t.Department, _ => "").Add(t => t.MayOpenDesk, d => d == 2));

        var link = Assert.Single(cut.FindAll("[data-testid=rating-desk-link]"));
        Assert.Equal("ratings/managers/2", link.GetAttribute("href"));
    }
}
