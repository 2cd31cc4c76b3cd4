using Dapper;
using IKomek.Dashboard.Features.Social;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Social;

/// <summary>The demo city's posts: about its planted problems (linked), resonant ones no appeal is about, and noise.</summary>
public sealed class SocialDemoTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task TheDemoCity_PostsAboutItsPlantedProblems_ResonantUnheardTroubles_AndNoise_InThreeLanguages()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var languages = (await conn.QueryAsync<string>("SELECT DISTINCT language FROM social_posts WHERE external_id LIKE 'demo-%' ORDER BY 1")).ToList();
        Assert.Equal(["kk", "mixed", "ru"], languages);

        var (planted, linkedToAppeals) = await conn.QuerySingleAsync<(long, long)>("""
            SELECT count(*), count(*) FILTER (WHERE appeals > 0) FROM v_social_posts WHERE placed_by = 'coordinates' AND external_id LIKE 'demo-%'
            """);
        Assert.True(planted > 0 && linkedToAppeals * 2 >= planted, $"{linkedToAppeals} of {planted} posts about planted problems link to appeals");

        var unheard = await new SocialQueries(city.DataSource).GetUnheardAsync(new UnheardFilter(Limit: 20));
        Assert.True(unheard.Count(p => p.ServiceTypeId is not null && p.Reach >= 800) >= 5, "resonant posts no appeal is about");
        Assert.True(unheard.SequenceEqual(unheard.OrderByDescending(p => p.Reach)));

        var noise = await conn.QuerySingleAsync<(long Posts, long Links)>("""
            SELECT count(*), sum(appeals + problems) FROM v_social_posts WHERE service_type_id IS NULL AND external_id LIKE 'demo-%'
            """);
        Assert.True(noise.Posts > 0);
        Assert.Equal(0, noise.Links);
    }

    [Fact]
    public async Task AfterTheMining_PlantedProblemsHaveTheirPosts_AndTheirReachInTheResonance()
    {
        await new SystemicMining(city.DataSource, TestClock.Create()).RunAsync(full: true);

        await using var conn = await city.DataSource.OpenConnectionAsync();
        var problems = await conn.QuerySingleAsync<(long WithPosts, long WithReach)>("""
            SELECT count(DISTINCT l.target_id), count(DISTINCT l.target_id) FILTER (WHERE (p.resonance_parts->>'reach')::numeric > 0)
            FROM social_post_links l JOIN systemic_problems p ON p.id = l.target_id
            WHERE l.target_kind = 'problem' AND p.is_current
            """);
        Assert.True(problems.WithPosts >= 3, $"{problems.WithPosts} problems with posts");
        Assert.True(problems.WithReach >= 1, $"{problems.WithReach} problems with reach in their resonance");
    }
}
