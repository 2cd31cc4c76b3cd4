using Bunit;
using Dapper;
using IKomek.Dashboard.Features.Social;
using IKomek.Dashboard.Features.Social.Pages;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IKomek.Dashboard.Tests.Components.Social;

/// <summary>The social pages' components on the demo city: the analysts' list and a problem's posts by the reader's rights.</summary>
public sealed class SocialComponentsTests(DemoCityDatabase city) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    private const long Problem = 990_001;
    private const string Words = "Лифт стоит неделю, звоните +7 701 765 43 21, кв. 16";

    public override async Task InitializeAsync()
    {
        UseDatabase(city.DataSource);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        // A post linked to a problem by hand (the panel reads the links, whatever made them).
        await conn.ExecuteAsync("""
            WITH p AS (
                INSERT INTO social_posts (network, external_id, author_handle, posted_at, body, language, reactions, reposts, received_at, updated_at, imported_by)
                VALUES ('instagram', 'panel-1', '@aigerim_77', city_now() - interval '1 day', @Words, 'ru', 1500, 200, city_now(), city_now(), 'test')
                ON CONFLICT (network, external_id) DO UPDATE SET reactions = excluded.reactions RETURNING id)
            INSERT INTO social_post_links (post_id, target_kind, target_id, reason, linked_at, linked_by)
            SELECT id, 'problem', @Problem, 'manual', city_now(), 'analyst' FROM p ON CONFLICT DO NOTHING
            """, new { Words, Problem });
    }

    /// <summary>The component under a popover provider (MudSelect needs one), with its parameters by name.</summary>
    private IRenderedComponent<IComponent> Render<T>(params (string Name, object? Value)[] parameters) where T : IComponent =>
        Context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<T>(1);
            foreach (var (name, value) in parameters) b.AddAttribute(2, name, value);
            b.CloseComponent();
        });

    [Fact]
    public void AProblemsPosts_ForAReaderWithoutPersonalData_HideTheAuthorAndMaskTheText()
    {
        SignIn(null);
        var cut = Render<ProblemSocialPanel>(("ProblemId", Problem));

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=problem-posts-count]").TextContent));
        Assert.Equal(1700.ToString("N0"), cut.Find("[data-testid=problem-posts-reach]").TextContent);
        Assert.Equal("[автор скрыт]", cut.Find("[data-testid=social-post-author]").TextContent);
        var body = cut.Find("[data-testid=social-post-body]").TextContent;
        Assert.Contains("[телефон скрыт]", body);
        Assert.DoesNotContain("701 765", body);
        Assert.DoesNotContain("aigerim", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=social-post-details]"));
    }

    [Fact]
    public void AProblemsPosts_ForAnAnalyst_AreAsWritten_WithTheirDetails()
    {
        SignIn("analyst");
        var cut = Render<ProblemSocialPanel>(("ProblemId", Problem));

        cut.WaitForAssertion(() => Assert.Equal("@aigerim_77", cut.Find("[data-testid=social-post-author]").TextContent));
        Assert.Equal(Words, cut.Find("[data-testid=social-post-body]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=social-post-details]"));
    }

    [Fact]
    public void AProblemWithNoPosts_SaysSo()
    {
        SignIn("analyst");
        var cut = Render<ProblemSocialPanel>(("ProblemId", 42L));

        cut.WaitForAssertion(() => Assert.Contains("О проблеме в соцсетях не писали.", cut.Markup));
    }

    [Fact]
    public void TheSocialPage_ListsUnheardPostsByReach()
    {
        SignIn("analyst");
        var all = Render<SocialPage>();
        all.WaitForAssertion(() => Assert.NotEmpty(all.FindAll("[data-testid=social-post]")));
        var reach = all.FindAll("[data-testid=social-post-reach]").Select(e => long.Parse(new string(e.TextContent.Where(char.IsDigit).ToArray()))).ToList();
        Assert.Equal(reach.OrderByDescending(r => r), reach);
    }

    [Fact]
    public void TheSocialPagesNetworkFilter_KeepsOnlyThatNetwork()
    {
        SignIn("analyst");
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("social?network=telegram");
        var telegram = Render<SocialPage>();
        telegram.WaitForAssertion(() => Assert.NotEmpty(telegram.FindAll("[data-testid=social-post]")));
        Assert.All(telegram.FindAll(".network"), n => Assert.Equal("Telegram", n.TextContent));
    }
}
