using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Features.DemoCity;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Ratings;

/// <summary>A department head's desk in a real browser: two clicks from signing in to the first thing to fix.</summary>
[Collection(DashboardCollection.Name)]
public sealed class RatingDeskTests(DashboardFixture fixture)
{
    [Fact]
    public async Task HeadSignsIn_LandsOnTheDesk_FirstLostPointOpens()
    {
        await StoredRatings.EnsureAsync(fixture);
        var page = await fixture.NewPageAsync();
        var form = await SignInForm.GotoAsync(page);

        // Click one: signing in, with no page asked for, lands on the own desk.
        await form.SignInAsync("head.energy", DemoAccounts.Passwords["head.energy"]);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == RatingDeskPage.Path);
        var desk = await RatingDeskPage.ReachedAsync(page);
        await PageChecks.OpensWholeAsync(desk, await desk.Heading.InnerTextAsync());
        await Assertions.Expect(desk.Shell.NavLink("Мой рейтинг")).ToBeVisibleAsync();
        await Assertions.Expect(AppPage.Drawing(desk.Trend)).ToBeVisibleAsync();
        await desk.ScreenshotsAsync("ratings-desk");
        await desk.ResizeAsync(1920, 1080);

        // Click two: the first lost point opens its page.
        var first = desk.LostPointLinks.First;
        var href = await first.GetAttributeAsync("href");
        await first.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery.TrimStart('/') == href);
        await DashboardFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(desk.Heading).ToBeVisibleAsync();
        Assert.DoesNotContain("не найдено", (await desk.Body.InnerTextAsync()).ToLowerInvariant());
        Assert.DoesNotContain("Произошла ошибка", await desk.Body.InnerTextAsync());
        await desk.CloseAsync();
    }

    [Fact]
    public async Task HeadOpensAnotherManagersDesk_Refused()
    {
        await StoredRatings.EnsureAsync(fixture);
        var board = await RatingsPage.OpenAsync(fixture, "head.energy");
        // The board links the head's own desk only.
        Assert.Equal(1, await board.DeskLinks.CountAsync());
        var own = await board.DeskLinks.First.GetAttributeAsync("href");
        var other = (await board.Rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.manager)")).First(id => $"ratings/managers/{id}" != own);
        await board.CloseAsync();

        var desk = await RatingDeskPage.OpenAsync(fixture, $"/ratings/managers/{other}", "head.energy");

        await Assertions.Expect(desk.Refused).ToBeVisibleAsync();
        await Assertions.Expect(desk.LostPointLinks).ToHaveCountAsync(0);
        await desk.CloseAsync();
    }

    [Fact]
    public async Task StoredLostPointLinks_OpenTheirSubjectsPages()
    {
        await StoredRatings.EnsureAsync(fixture);
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var links = (await Dapper.SqlMapper.QueryAsync<string>(conn, "SELECT DISTINCT ON (kind) link FROM rating_lost_points ORDER BY kind, link")).ToList();
        Assert.Contains(links, l => l.StartsWith("/ratings/lost/", StringComparison.Ordinal));
        var page = await fixture.OpenAsync("/ratings", signedInAs: "admin");

        foreach (var link in links)
        {
            var response = await page.APIRequest.GetAsync(link);
            Assert.Equal(200, response.Status);
            Assert.DoesNotContain("/ratings/lost/", new Uri(response.Url).AbsolutePath);
        }
        Assert.Equal(404, (await page.APIRequest.GetAsync("/ratings/lost/overdue_appeal/999999999")).Status);
        Assert.Equal(404, (await page.APIRequest.GetAsync("/ratings/lost/no_such_kind/1")).Status);
        await page.Context.CloseAsync();
    }
}
