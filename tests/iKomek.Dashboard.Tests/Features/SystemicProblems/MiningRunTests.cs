using Dapper;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.SystemicProblems;

/// <summary>The mining over the whole demo city: the planted ground truth, and stable identity across runs.</summary>
public sealed class MiningRunTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task PlantedProblems_AreFoundInTheTop50_AndDecoyBurstsAreNot()
    {
        var mining = new SystemicMining(city.DataSource, TestClock.Create());
        await mining.RunAsync(full: true);

        var figures = await mining.EvaluateAgainstPlantedAsync(50);

        Assert.True(figures.Planted >= 30, $"planted {figures.Planted}");
        Assert.True(figures.Recall >= 0.9, $"recall@50 {figures.Recall:F2} ({figures.Found} of {figures.Planted})");
        Assert.True(figures.Precision >= 0.8, $"precision@50 {figures.Precision:F2} ({figures.TopMatching} of {figures.TopCount})");
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var decoysFound = await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM systemic_problems s JOIN planted_problems p ON p.service_type_id = s.service_type_id
            WHERE p.kind LIKE 'decoy%' AND s.is_current AND mining_distance(s.lat, s.lon, p.lat, p.lon) <= p.radius_m + 300
            """);
        Assert.Equal(0, decoysFound);
        // Growing problems are flagged as emerging.
        var emergingFlagged = await conn.ExecuteScalarAsync<long>("""
            SELECT count(DISTINCT p.id) FROM systemic_problems s JOIN planted_problems p ON p.service_type_id = s.service_type_id
            WHERE p.kind LIKE 'emerging%' AND s.is_emerging AND mining_distance(s.lat, s.lon, p.lat, p.lon) <= p.radius_m + 300
            """);
        Assert.True(emergingFlagged >= 3, $"emerging flagged {emergingFlagged}");
    }

    [Fact]
    public async Task ProblemsKeepTheirIds_AcrossIncrementalAndFullRuns_AndNewAppealsJoinThem()
    {
        var mining = new SystemicMining(city.DataSource, TestClock.Create());
        var times = Enumerable.Range(12, 20).SelectMany(w => new[] { 0, 3 }.Select(d => HandBuiltAppeals.WeekStart(w).AddDays(d)));
        await HandBuiltAppeals.AddAsync(city.DataSource, "identity", "sewerage.blockage_riser", 51.42, 71.82, times);
        await mining.RunAsync(full: true);
        var before = await ProblemIdsAsync();
        var own = await HandBuiltAppeals.ProblemNearAsync(city.DataSource, "sewerage.blockage_riser", 51.42, 71.82);
        Assert.NotNull(own);

        // It keeps coming: eight more weeks, counted by an incremental run.
        var more = Enumerable.Range(2, 8).SelectMany(w => new[] { 1, 4 }.Select(d => HandBuiltAppeals.WeekStart(w).AddDays(d)));
        await HandBuiltAppeals.AddAsync(city.DataSource, "identity-more", "sewerage.blockage_riser", 51.42, 71.82, more);
        var incremental = await mining.RunAsync(full: false);
        var afterIncremental = await ProblemIdsAsync();
        var grown = await HandBuiltAppeals.ProblemNearAsync(city.DataSource, "sewerage.blockage_riser", 51.42, 71.82);
        await mining.RunAsync(full: true);
        var afterFull = await ProblemIdsAsync();

        Assert.InRange(incremental.TouchedGroups, 1, 10);
        Assert.Equal(own.Value.Id, grown!.Value.Id);
        Assert.Equal(own.Value.AppealsCount + 16, grown.Value.AppealsCount);
        Assert.Equal(before, afterIncremental);
        Assert.Equal(before, afterFull);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(16, await conn.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM appeals WHERE reg_number LIKE 'TEST-identity-more-%' AND systemic_problem_id = @id", new { id = own.Value.Id }));
        Assert.Equal(1, await conn.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM systemic_problem_events WHERE problem_id = @id AND kind = 'identified'", new { id = own.Value.Id }));
    }

    [Fact]
    public async Task AProblemWhoseGroupIsOvershadowedByAnOverlappingOne_IsMergedIntoIt_AndSaysSo()
    {
        var mining = new SystemicMining(city.DataSource, TestClock.Create());
        await mining.RunAsync(full: true);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        // A candidate group that a stronger overlapping group of its type stands for: give it a problem of its own,
        // as if an earlier run had found it first.
        var weaker = await conn.QueryFirstAsync<(short Level, int Type, long Place, long StrongerId)>("""
            SELECT c.level, c.service_type_id, c.place, p.id
            FROM mining_candidates c
            JOIN systemic_problems p ON p.service_type_id = c.service_type_id AND p.is_current
             AND mining_distance((mining_place_centre(c.level, c.place)).lat, (mining_place_centre(c.level, c.place)).lon, p.lat, p.lon) < 600
            WHERE NOT EXISTS (SELECT 1 FROM systemic_problems q WHERE (q.level, q.service_type_id, q.place) = (c.level, c.service_type_id, c.place))
            ORDER BY c.excess_weeks DESC LIMIT 1
            """);
        var id = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO systemic_problems (title, area_id, service_type_id, status, first_seen, last_seen, level, place, lat, lon)
            SELECT 'earlier', area_id, id, 'identified', city_now(), city_now(), @Level, @Place, 51.1, 71.4 FROM service_types WHERE id = @Type
            RETURNING id
            """, new { weaker.Level, weaker.Type, weaker.Place });

        await mining.RunAsync(full: true);

        var row = await conn.QuerySingleAsync<(bool Current, long? MergedInto)>("SELECT is_current, merged_into FROM systemic_problems WHERE id = @id", new { id });
        Assert.False(row.Current);
        Assert.NotNull(row.MergedInto);
        Assert.Equal(weaker.Type, await conn.ExecuteScalarAsync<int>("SELECT service_type_id FROM systemic_problems WHERE id = @m", new { m = row.MergedInto }));
        Assert.Equal(row.MergedInto.ToString(), await conn.ExecuteScalarAsync<string>(
            "SELECT note FROM systemic_problem_events WHERE problem_id = @id AND kind = 'merged'", new { id }));
    }

    private async Task<Dictionary<(short, int, long), long>> ProblemIdsAsync()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<(short Level, int Type, long Place, long Id)>(
                "SELECT level, service_type_id, place, id FROM systemic_problems WHERE is_current"))
            .ToDictionary(r => (r.Level, r.Type, r.Place), r => r.Id);
    }
}
