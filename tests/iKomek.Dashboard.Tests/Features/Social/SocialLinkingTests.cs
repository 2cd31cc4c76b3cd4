using Dapper;
using IKomek.Dashboard.Features.Social;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Tests.Features.SystemicProblems;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Social;

/// <summary>Posts linked to the appeals and systemic problems they are about, and their reach in a problem's resonance.</summary>
public sealed class SocialLinkingTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task APostAtAnAppealsPlace_OfItsTopic_LinksToIt_AndAnotherTopicThereDoesNot()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var appeal = await conn.QueryFirstAsync<(long Id, int Type, string Code, double Lat, double Lon, DateTime At)>("""
            SELECT a.id, a.service_type_id, st.code, a.lat, a.lon, a.created_at FROM appeals a JOIN service_types st ON st.id = a.service_type_id
            WHERE a.lat IS NOT NULL AND a.created_at < city_now() - interval '3 days' ORDER BY a.created_at DESC LIMIT 1
            """);
        var other = await conn.ExecuteScalarAsync<int>("SELECT id FROM service_types WHERE id <> @Type ORDER BY id LIMIT 1", new { appeal.Type });
        var intake = SocialCity.Intake(city, new Dictionary<string, int> { ["тема-а"] = appeal.Type, ["тема-б"] = other });
        var at = new DateTimeOffset(appeal.At, TimeSpan.Zero).AddDays(1).ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-ddTHH:mm:sszzz");

        var result = await intake.SubmitAsync([
            SocialCity.Item("link-1", "тема-а: снова то же самое", new() { ["lat"] = appeal.Lat, ["lon"] = appeal.Lon + 0.001, ["posted_at"] = at }),
            SocialCity.Item("link-2", "тема-б: совсем о другом", new() { ["lat"] = appeal.Lat, ["lon"] = appeal.Lon, ["posted_at"] = at }),
        ], TestActors.Analyst);

        Assert.True(result.Linked >= 1);
        var links = await conn.QueryAsync<(string Post, string Reason)>("""
            SELECT p.external_id, l.reason FROM social_post_links l JOIN social_posts p ON p.id = l.post_id
            WHERE l.target_kind = 'appeal' AND l.target_id = @Id
            """, new { appeal.Id });
        Assert.Equal([("link-1", "topic_place")], links);
        var unheard = await new SocialQueries(city.DataSource).GetUnheardAsync(new UnheardFilter(Limit: 10_000));
        Assert.DoesNotContain(unheard, p => p.ExternalId == "link-1");
    }

    [Fact]
    public async Task APostsWords_LinkItToAnAppealOfItsTopicInItsDistrict_WithTheirSimilarity()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var appeal = await conn.QueryFirstAsync<(long Id, int Type, string Text, short District, DateTime At)>("""
            SELECT a.id, a.service_type_id, a.description, a.district_id, a.created_at FROM appeals a
            WHERE a.language = 'ru' AND length(a.description) > 60 AND a.description !~ '\d' AND a.created_at < city_now() - interval '3 days'
            ORDER BY a.created_at DESC LIMIT 1
            """);
        var districtName = await conn.ExecuteScalarAsync<string>("SELECT name_ru FROM districts WHERE id = @District", new { appeal.District });
        var intake = SocialCity.Intake(city, new Dictionary<string, int> { [appeal.Text[..20]] = appeal.Type });
        var at = new DateTimeOffset(appeal.At, TimeSpan.Zero).AddHours(6).ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-ddTHH:mm:sszzz");

        await intake.SubmitAsync([SocialCity.Item("words-1", appeal.Text, new() { ["place"] = districtName, ["posted_at"] = at })], TestActors.Analyst);

        var link = await conn.QuerySingleAsync<(string Reason, float Similarity)>("""
            SELECT l.reason, l.similarity FROM social_post_links l JOIN social_posts p ON p.id = l.post_id
            WHERE p.external_id = 'words-1' AND l.target_kind = 'appeal' AND l.target_id = @Id
            """, new { appeal.Id });
        Assert.Equal("topic_text", link.Reason);
        // the appeal's stems hold its address too, the post's only the text
        Assert.InRange(link.Similarity, 0.5f, 1f);
    }

    [Fact]
    public async Task ReachOfPostsAtAProblemsPlace_RaisesItsResonance_AndThePostsAreItsOwn()
    {
        const string Elevator = "elevators.stopped_res";
        // Three appeals a week for 20 weeks at one building: a systemic problem (MiningScoringTests).
        var times = Enumerable.Range(3, 20).SelectMany(w => new[] { 0, 2, 4 }.Select(d => HandBuiltAppeals.WeekStart(w).AddDays(d)));
        await HandBuiltAppeals.AddAsync(city.DataSource, "social", Elevator, 51.40, 71.85, times);
        var mining = new SystemicMining(city.DataSource, TestClock.Create());
        await mining.RunAsync(full: true);
        var before = await ProblemAsync();

        await using (var conn = await city.DataSource.OpenConnectionAsync())
        {
            // Written as the writer would (the intake refuses points outside the city, where these appeals stand).
            await conn.ExecuteAsync("""
                INSERT INTO social_posts (network, external_id, author_handle, posted_at, body, language, lat, lon, reactions, reposts,
                                          received_at, updated_at, imported_by, service_type_id, area_id, placed_by)
                SELECT 'instagram', 'reach-' || n, '@neighbour', @at, 'Лифт снова застрял, люди внутри', 'ru', 51.40, 71.85, 4000, 900,
                       @at, @at, 'test', st.id, st.area_id, 'coordinates'
                FROM service_types st, generate_series(1, 2) n WHERE st.code = @Elevator
                """, new { at = HandBuiltAppeals.WeekStart(4), Elevator });
        }
        await mining.RunAsync(full: true);
        var after = await ProblemAsync();

        Assert.Equal(before.Id, after.Id);
        Assert.Equal(0m, before.Reach);
        Assert.True(after.Reach > 0.8m, $"reach part {after.Reach}");
        Assert.True(after.Resonance > before.Resonance, $"resonance {before.Resonance} -> {after.Resonance}");
        var posts = await new SocialQueries(city.DataSource).GetProblemPostsAsync(after.Id);
        Assert.Equal((2L, 9800L), (posts.Count, posts.Reach));
    }

    private async Task<(long Id, decimal Resonance, decimal Reach)> ProblemAsync()
    {
        var problem = await HandBuiltAppeals.ProblemNearAsync(city.DataSource, "elevators.stopped_res", 51.40, 71.85);
        Assert.NotNull(problem);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<(long, decimal, decimal)>(
            "SELECT id, resonance, coalesce((resonance_parts->>'reach')::numeric, 0) FROM systemic_problems WHERE id = @Id", new { problem.Value.Id });
    }
}
