using Dapper;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.DemoCity;

/// <summary>The demo city's problems after mining: a lifecycle of their own, the same for the same seed, and the
/// rating's systemic indicator rated where a department has problems that count, not rated where it has none.</summary>
public sealed class DemoProblemHistoryTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task MinedProblems_LiveTheirLifecycle_TheSameForTheSameSeed_AndTheRatingRatesThem()
    {
        var history = await MineAndLiveAsync(city.DataSource, city.Clock);
        var twin = new DemoCityDatabase();
        await twin.InitializeAsync();
        try
        {
            Assert.Equal(history, await MineAndLiveAsync(twin.DataSource, twin.Clock));
        }
        finally
        {
            await twin.DisposeAsync();
        }

        await using var conn = await city.DataSource.OpenConnectionAsync();
        var statuses = (await conn.QueryAsync<(string Status, int N)>(
            "SELECT status, count(*)::int FROM systemic_problems WHERE merged_into IS NULL GROUP BY 1")).ToDictionary(r => r.Status, r => r.N);
        foreach (var status in new[] { "identified", "confirmed", "in_work", "verified" })
        {
            Assert.True(statuses.GetValueOrDefault(status) > 0, $"no problem {status}: {string.Join(", ", statuses)}");
        }
        Assert.True(statuses.GetValueOrDefault("worked_out") + statuses.GetValueOrDefault("reopened") + statuses["verified"] > 0);
        // Dated within the city's time, in order, each step recorded by the demo.
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM systemic_problem_events e JOIN systemic_problems p ON p.id = e.problem_id
            WHERE e.actor = @actor AND (e.at > city_now() OR e.at < p.identified_at OR e.at < p.first_seen)
            """, new { actor = DemoProblemHistory.Actor }));
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM systemic_problems p
            WHERE p.status <> 'identified' AND NOT EXISTS (SELECT 1 FROM systemic_problem_events e WHERE e.problem_id = p.id AND e.kind = p.status)
            """));
        // Assigned to the department of their area.
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM systemic_problem_events e JOIN systemic_problems p ON p.id = e.problem_id
            WHERE e.actor = @actor AND e.kind = 'assigned' AND e.note <> 'department ' || p.department_id
            """, new { actor = DemoProblemHistory.Actor }));
        // A second run takes no step twice.
        Assert.Equal(0, await DemoProblemHistory.ApplyAsync(city.DataSource, city.Clock.GetUtcNow()));

        await new RatingEngine(city.DataSource, city.Clock).RecomputeAsync("test");
        var ytd = await conn.QueryAsync<(int DepartmentId, decimal? Score, int Volume, bool HasProblems)>("""
            SELECT r.department_id::int, i.score, i.volume,
                   EXISTS (SELECT 1 FROM systemic_problems p LEFT JOIN service_types st ON st.id = p.service_type_id
                           WHERE coalesce(p.department_id, st.department_id) = r.department_id AND p.merged_into IS NULL
                             AND p.status NOT IN ('identified', 'dismissed'))
            FROM rating_results r JOIN rating_result_indicators i ON i.result_id = r.id AND i.indicator = 'systemic'
            WHERE r.is_latest AND r.period_kind = 'ytd'
            """);
        Assert.Contains(ytd, r => r.Score is not null);
        Assert.Contains(ytd, r => r.Score is null && !r.HasProblems);
        Assert.All(ytd.Where(r => !r.HasProblems), r => Assert.Null(r.Score));
        Assert.All(ytd.Where(r => r.Score is not null), r => Assert.True(r.Volume > 0));
        // Some departments lose points on problems left too long.
        Assert.Contains(ytd, r => r.Score is < 100);
    }

    private static async Task<List<string>> MineAndLiveAsync(NpgsqlDataSource db, TimeProvider clock)
    {
        await new SystemicMining(db, clock).RunAsync(full: true);
        Assert.True(await DemoProblemHistory.ApplyAsync(db, clock.GetUtcNow()) > 0);
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<string>("""
            SELECT concat_ws('|', p.level, p.service_type_id, p.place, p.status, p.department_id, p.identified_at, e.kind, e.at, e.note)
            FROM systemic_problems p JOIN systemic_problem_events e ON e.problem_id = p.id
            WHERE e.actor = @actor ORDER BY 1
            """, new { actor = DemoProblemHistory.Actor })).AsList();
    }
}
