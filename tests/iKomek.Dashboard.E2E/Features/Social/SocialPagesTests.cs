using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Features.Social.Intake;
using IKomek.Dashboard.Platform.Audit;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Social;

/// <summary>The analysts' social page and a problem's posts in a real browser, on the demo city's posts.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SocialPagesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AnAnalyst_ReadsResonantUnheardPosts_ByReachOrTime_FilteredInTheAddress_AndOpensOnesMatches()
    {
        var social = await SocialPostsPage.OpenAsync(fixture);
        await Assertions.Expect(social.Heading).ToHaveTextAsync("Резонансные посты без обращений");
        var reach = (await social.Reaches.AllTextContentsAsync()).Select(t => long.Parse(new string(t.Where(char.IsDigit).ToArray()))).ToList();
        Assert.NotEmpty(reach);
        Assert.Equal(reach.OrderByDescending(r => r), reach);
        await PageChecks.NoUnknownTextKeyAsync(social);
        await social.ScreenshotsAsync("social");

        await social.Sort("По времени").ClickAsync();
        await Assertions.Expect(social.Page).ToHaveURLAsync(new Regex(Regex.Escape("sort=time")));

        var telegram = await SocialPostsPage.OpenAsync(fixture, "?network=telegram");
        await Assertions.Expect(telegram.Networks.First).ToHaveTextAsync("Telegram");
        Assert.All(await telegram.Networks.AllTextContentsAsync(), n => Assert.Equal("Telegram", n));
        await telegram.Posts.First.GetByTestId("social-post-details").ClickAsync();
        await Assertions.Expect(telegram.Heading).ToHaveTextAsync("Пост");
        await Assertions.Expect(telegram.Page.GetByText("О чём этот пост")).ToBeVisibleAsync();
        await telegram.CloseAsync();
        await social.CloseAsync();
    }

    [Fact]
    public async Task AnAnonymousReader_IsSentToSignIn()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(SocialPostsPage.Path);
        Assert.Equal("/account/signin", new Uri(page.Url).AbsolutePath);
        Assert.DoesNotContain("social-post", await page.ContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task APostSentThroughTheApi_AppearsOnTheOpenPage_AtTheTopByReach()
    {
        var social = await SocialPostsPage.OpenAsync(fixture);
        await using var db = await fixture.OpenDatabaseAsync();
        var key = (await SocialSources.IssueAsync(db, "E2E monitoring", Actor.Console("e2e"))).Key;
        var words = "Во дворе на окраине провалился асфальт, яма в полметра, никто не огородил";
        using var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, SocialApi.Path)
        {
            Content = new StringContent($$"""
                {"items": [{"network": "telegram", "external_id": "e2e-live-1", "author": "@e2e", "text": "{{words}}",
                            "posted_at": "{{DashboardFixture.Clock.GetUtcNow().AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}}", "reactions": 900000, "reposts": 1000}]}
                """, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(SocialApi.KeyHeader, key);
        var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        await Assertions.Expect(social.Posts.First).ToContainTextAsync(words);
        await social.CloseAsync();
    }

    [Fact]
    public async Task AProblemsPosts_OnItsPage_HideTheAuthorFromAnonymousReaders_AndShowItToAnAnalyst()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        long problem;
        await using (var conn = await db.OpenConnectionAsync())
        {
            problem = await conn.ExecuteScalarAsync<long>("SELECT id FROM systemic_problems WHERE is_current ORDER BY score DESC LIMIT 1");
            await conn.ExecuteAsync("""
                WITH p AS (
                    INSERT INTO social_posts (network, external_id, author_handle, posted_at, body, language, reactions, reposts, received_at, updated_at, imported_by)
                    VALUES ('instagram', 'e2e-problem-1', '@e2e_resident', city_now() - interval '2 days',
                            'Опять то же самое у нашего дома, звоните +7 701 765 43 21', 'ru', 2400, 300, city_now(), city_now(), 'test')
                    ON CONFLICT (network, external_id) DO UPDATE SET reactions = excluded.reactions RETURNING id)
                INSERT INTO social_post_links (post_id, target_kind, target_id, reason, linked_at, linked_by)
                SELECT id, 'problem', @problem, 'manual', city_now(), 'analyst' FROM p ON CONFLICT DO NOTHING
                """, new { problem });
        }

        var anonymous = await ProblemPage.OpenAsync(fixture, problem);
        var posts = anonymous.Page.GetByTestId("problem-posts");
        await Assertions.Expect(posts).ToContainTextAsync("[телефон скрыт]");
        Assert.DoesNotContain("@e2e_resident", await posts.TextContentAsync());
        // The posts' panel sits below the fold: brought into view at each size.
        await posts.ScrollIntoViewIfNeededAsync();
        await anonymous.ScreenshotAsync("problem-posts-1920x1080");
        await anonymous.ResizeAsync(1366, 768);
        await posts.ScrollIntoViewIfNeededAsync();
        await anonymous.ScreenshotAsync("problem-posts-1366x768");
        await anonymous.CloseAsync();

        var analyst = await ProblemPage.OpenAsync(fixture, problem, signedInAs: "analyst");
        await Assertions.Expect(analyst.Page.GetByTestId("problem-posts")).ToContainTextAsync("@e2e_resident");
        await analyst.CloseAsync();
    }
}
