using Dapper;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Live;

/// <summary>The live panel's rollups stay equal to a recount of the appeals whatever changes them.</summary>
public sealed class LiveRollupTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    /// <summary>Rows of a rollup that a recount from the appeals does not give, and recounted rows it lacks.</summary>
    internal const string Mismatches = """
        WITH recount_hourly AS (
            SELECT date_bin('1 hour', created_at, timestamptz '2000-01-01 00:00+00') AS hour, count(*)::int AS created,
                   count(*) FILTER (WHERE first_contact_resolved)::int AS fcr
            FROM appeals GROUP BY 1),
        recount_daily AS (
            SELECT (created_at AT TIME ZONE 'Asia/Almaty')::date AS day, channel_id, district_id, area_id, count(*)::int AS created
            FROM appeals GROUP BY 1, 2, 3, 4),
        recount_types AS (
            SELECT (created_at AT TIME ZONE 'Asia/Almaty')::date AS day, service_type_id, count(*)::int AS created
            FROM appeals GROUP BY 1, 2),
        recount_answers AS (
            SELECT (resolved_at AT TIME ZONE 'Asia/Almaty')::date AS resolved, (created_at AT TIME ZONE 'Asia/Almaty')::date AS received, count(*)::int AS n
            FROM appeals WHERE resolved_at IS NOT NULL AND NOT first_contact_resolved GROUP BY 1, 2)
        SELECT (SELECT count(*) FROM ((SELECT * FROM live_hourly WHERE created <> 0 EXCEPT SELECT * FROM recount_hourly)
                                      UNION ALL (SELECT * FROM recount_hourly EXCEPT SELECT * FROM live_hourly)) x)
             + (SELECT count(*) FROM ((SELECT * FROM live_daily WHERE created <> 0 EXCEPT SELECT * FROM recount_daily)
                                      UNION ALL (SELECT * FROM recount_daily EXCEPT SELECT * FROM live_daily)) x)
             + (SELECT count(*) FROM ((SELECT * FROM live_daily_types WHERE created <> 0 EXCEPT SELECT * FROM recount_types)
                                      UNION ALL (SELECT * FROM recount_types EXCEPT SELECT * FROM live_daily_types)) x)
             + (SELECT count(*) FROM ((SELECT * FROM live_answers WHERE n <> 0 EXCEPT SELECT * FROM recount_answers)
                                      UNION ALL (SELECT * FROM recount_answers EXCEPT SELECT * FROM live_answers)) x)
        """;

    [Fact]
    public async Task AfterSeeding_RollupsEqualARecount()
    {
        Assert.Equal(0, await ScalarAsync<long>(Mismatches));
        Assert.True(await ScalarAsync<long>("SELECT count(*) FROM live_answers") > 0);
    }

    [Fact]
    public async Task AfterIntakeLifecycleCorrectionAndDelete_RollupsStillEqualARecount()
    {
        var intake = city.NewIntake();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await intake.RegisterAsync(new NewAppeal($"Нет горячей воды {i}", 40, 1, 51.12 + i / 100.0, 71.44))).AppealId);
        }
        var lifecycle = new AppealLifecycle(city.DataSource, TestClock.Create());
        await lifecycle.ApplyAsync(ids[0], AppealAction.Resolve, TestActors.Operator, "разъяснено");                  // first contact
        var organisation = await ScalarAsync<int>("SELECT min(id) FROM organisations");
        await lifecycle.ApplyAsync(ids[1], AppealAction.Assign, TestActors.Operator, organisationId: organisation);
        await lifecycle.ApplyAsync(ids[1], AppealAction.StartWork, TestActors.Operator);
        await lifecycle.ApplyAsync(ids[1], AppealAction.Resolve, TestActors.Operator, "устранено");                    // later: an answer pair
        await lifecycle.ApplyAsync(ids[1], AppealAction.Close, TestActors.Operator, satisfaction: 4);
        await lifecycle.ApplyAsync(ids[1], AppealAction.Reopen, TestActors.Operator, "снова нет воды");               // the pair goes away
        await using (var conn = await city.DataSource.OpenConnectionAsync())
        {
            // An operator's correction of the topic and channel, a backdated appeal, and a deletion.
            await conn.ExecuteAsync("UPDATE appeals SET area_id = (SELECT min(id) FROM areas), channel_id = 2, service_type_id = 7 WHERE id = @id", new { id = ids[2] });
            await conn.ExecuteAsync("UPDATE appeals SET created_at = created_at - interval '3 days', resolved_at = created_at - interval '1 day' WHERE id = @id", new { id = ids[3] });
            await conn.ExecuteAsync("DELETE FROM appeal_events WHERE appeal_id = @id; DELETE FROM appeals WHERE id = @id", new { id = ids[4] });
        }

        Assert.Equal(0, await ScalarAsync<long>(Mismatches));
    }

    [Fact]
    public async Task StatusOnlyChange_TouchesNoBucket()
    {
        var id = (await city.NewIntake().RegisterAsync(new NewAppeal("Не горит фонарь во дворе", 40, 1, 51.15, 71.41))).AppealId;
        var before = await ScalarAsync<long>("SELECT xmin::text::bigint FROM live_hourly ORDER BY hour DESC LIMIT 1");

        var organisation = await ScalarAsync<int>("SELECT min(id) FROM organisations");
        await new AppealLifecycle(city.DataSource, TestClock.Create()).ApplyAsync(id, AppealAction.Assign, TestActors.Operator, organisationId: organisation);

        Assert.Equal(before, await ScalarAsync<long>("SELECT xmin::text::bigint FROM live_hourly ORDER BY hour DESC LIMIT 1"));
    }

    [Fact]
    public async Task ManyRowsUpdatedInOneStatementAfterSmallUpdates_RollupsStillEqualARecount()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        // Small updates first, so the session's trigger statements are planned for one row (PL/pgSQL keeps plans).
        for (var i = 0; i < 8; i++)
            await conn.ExecuteAsync("UPDATE appeals SET channel_id = channel_id WHERE id = (SELECT min(id) + @i FROM appeals)", new { i }, tx);
        // Then a month of appeals: most keep their buckets (a status-like change), some move district or channel.
        var changed = await conn.ExecuteAsync("""
            UPDATE appeals SET systemic_problem_id = NULL,
                               district_id = CASE WHEN id % 7 = 0 THEN (SELECT min(id) FROM districts) ELSE district_id END,
                               channel_id = CASE WHEN id % 11 = 0 THEN 2 ELSE channel_id END
            WHERE created_at >= (SELECT max(created_at) - interval '30 days' FROM appeals)
            """, transaction: tx);

        Assert.True(changed > 1000, $"{changed} appeals updated");
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>(Mismatches, transaction: tx));
        await tx.RollbackAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return (await conn.ExecuteScalarAsync<T>(sql))!;
    }
}
