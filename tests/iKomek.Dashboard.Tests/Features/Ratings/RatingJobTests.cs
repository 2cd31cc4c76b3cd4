using Dapper;
using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.Ratings;

/// <summary>
/// The rating job on a real database: an incremental run after changes of every kind the rating follows gives what a
/// full recompute gives, and runs started together run once.
/// </summary>
public sealed class RatingJobTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private RatingEngine Engine() => new(city.DataSource, city.Clock);

    [Fact]
    public async Task Incremental_AfterChanges_EqualsAFullRecompute()
    {
        await Engine().RecomputeAsync("test");
        await using var conn = await city.DataSource.OpenConnectionAsync();

        // A closing with the citizen's rating of 2.
        var closed = await conn.ExecuteScalarAsync<long>("""
            SELECT id FROM appeals WHERE status IN ('assigned', 'in_progress') AND created_at > city_now() - interval '20 days' ORDER BY id LIMIT 1
            """);
        await conn.ExecuteAsync("""
            UPDATE appeals SET status = 'closed', resolved_at = city_now() - interval '1 hour', closed_at = city_now(), satisfaction = 2
            WHERE id = @closed
            """, new { closed });
        // A re-report: a new appeal of the same service type at the address of one answered a few days ago.
        var answered = await conn.ExecuteScalarAsync<long>("""
            SELECT a.id FROM appeals a JOIN rating_appeal_facts f ON f.appeal_id = a.id
            WHERE a.address IS NOT NULL AND f.re_reported_by IS NULL AND a.resolved_at > city_now() - interval '10 days'
            ORDER BY a.id LIMIT 1
            """);
        var report = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, organisation_id, department_id,
                                 citizen_id, language, description, address, lat, lon, status, sla_due_at)
            SELECT 'T-' || id, city_now() - interval '5 minutes', channel_id, service_type_id, area_id, district_id, organisation_id, department_id,
                   citizen_id + 1, language, 'Снова то же самое', address, lat, lon, 'registered', city_now() + interval '7 days'
            FROM appeals WHERE id = @answered
            RETURNING id
            """, new { answered });
        // A reopening by the citizen.
        var reopened = await conn.ExecuteScalarAsync<long>("""
            SELECT id FROM appeals WHERE status = 'closed' AND reopened_count = 0 AND resolved_at > city_now() - interval '20 days' AND id <> @answered ORDER BY id DESC LIMIT 1
            """, new { answered });
        await conn.ExecuteAsync("UPDATE appeals SET status = 'reopened', reopened_count = 1 WHERE id = @reopened", new { reopened });
        // A forwarding to another department: the time held counts against the department that held it.
        var (forwarded, from, to) = await conn.QuerySingleAsync<(long, short, short)>("""
            SELECT a.id, a.department_id, (SELECT min(d.id) FROM departments d WHERE d.id <> a.department_id)
            FROM appeals a WHERE a.status IN ('assigned', 'in_progress') AND a.id <> @closed
              AND EXISTS (SELECT 1 FROM appeal_events e WHERE e.appeal_id = a.id AND e.department_id = a.department_id)
            ORDER BY a.id DESC LIMIT 1
            """, new { closed });
        await conn.ExecuteAsync("""
            INSERT INTO appeal_events (appeal_id, at, status, department_id, note) VALUES (@forwarded, city_now(), 'forwarded', @to, 'test');
            UPDATE appeals SET status = 'forwarded', department_id = @to, forward_count = forward_count + 1 WHERE id = @forwarded;
            """, new { forwarded, to });
        // A KPI value entered, and a problem worked out in a department's area.
        await conn.ExecuteAsync("""
            UPDATE kpi_values SET actual = round(actual * 0.6, 2)
            WHERE (kpi_id, period_start) = (SELECT kpi_id, period_start FROM kpi_values v JOIN kpis k ON k.id = v.kpi_id
                                            WHERE k.source = 'manual' AND v.actual IS NOT NULL AND v.period_start >= '2026-01-01' ORDER BY 1, 2 LIMIT 1)
            """);
        await conn.ExecuteAsync("""
            INSERT INTO systemic_problems (title, area_id, service_type_id, status, department_id, score, first_seen, last_seen, identified_at)
            SELECT 'Test problem', area_id, id, 'verified', department_id, 5, city_now() - interval '60 days', city_now(), city_now() - interval '60 days'
            FROM service_types ORDER BY id LIMIT 1
            """);

        var update = await Engine().UpdateAsync("test");
        Assert.True(update.Ran);
        Assert.True(update.AppealsTouched >= 5, $"{update.AppealsTouched} appeals refreshed");
        Assert.True(update.Stored > 0);
        Assert.Equal(report, await conn.ExecuteScalarAsync<long?>("SELECT re_reported_by FROM rating_appeal_facts WHERE appeal_id = @answered", new { answered }));
        Assert.Equal(from, await conn.ExecuteScalarAsync<short>("SELECT department_id FROM rating_misrouting WHERE appeal_id = @forwarded", new { forwarded }));
        Assert.Equal((short?)2, await conn.ExecuteScalarAsync<short?>("SELECT satisfaction FROM rating_appeal_facts WHERE appeal_id = @closed", new { closed }));
        Assert.True(await conn.ExecuteScalarAsync<bool>("SELECT reopened FROM rating_appeal_facts WHERE appeal_id = @reopened", new { reopened }));
        var incremental = await SnapshotAsync(conn);

        var full = await Engine().RecomputeAsync("test");
        Assert.Equal(0, full.Stored);
        Assert.Equal(incremental, await SnapshotAsync(conn));
    }

    [Fact]
    public async Task Incremental_AfterTwoDepartmentsChanged_RecomputesTheirsOnly_AndEqualsAFullRecompute()
    {
        await Engine().RecomputeAsync("test");
        await using var conn = await city.DataSource.OpenConnectionAsync();
        // One appeal answered in each of two departments, both within their deadline, today.
        var answered = (await conn.QueryAsync<(long Id, int DepartmentId)>("""
            SELECT DISTINCT ON (a.department_id) a.id, a.department_id::int
            FROM appeals a JOIN managers m ON m.department_id = a.department_id
            WHERE a.status IN ('assigned', 'in_progress') AND a.sla_due_at > city_now() AND a.created_at > city_now() - interval '5 days'
            ORDER BY a.department_id, a.id LIMIT 2
            """)).AsList();
        Assert.Equal(2, answered.Count);
        // One statement each, as the app answers an appeal (the feed names a statement's range of ids).
        foreach (var (id, _) in answered)
        {
            await conn.ExecuteAsync("""
                UPDATE appeals SET status = 'closed', resolved_at = city_now() - interval '1 hour', closed_at = city_now(), satisfaction = 1,
                                   first_contact_resolved = true
                WHERE id = @id
                """, new { id });
        }
        var lastResult = await conn.ExecuteScalarAsync<long>("SELECT max(id) FROM rating_results");
        var managers = await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM managers");

        var update = await Engine().UpdateAsync("test");

        Assert.Equal("incremental", update.Kind);
        Assert.Equal(answered.Select(a => a.DepartmentId).Order(), update.AppealDepartments!.Order());
        // Today's month, its quarter and the year to date: the periods those answers fall in, no other.
        Assert.Equal(3 * managers, update.Computed);
        Assert.True(update.Stored >= 6, $"{update.Stored} stored");
        var storedNow = (await conn.QueryAsync<(string Kind, DateTime Start, int DepartmentId, bool SameInputs)>("""
            SELECT r.period_kind, r.period_start::timestamp, r.department_id::int,
                   r.inputs = (SELECT p.inputs FROM rating_results p WHERE p.id < r.id AND p.manager_id = r.manager_id
                               AND p.period_kind = r.period_kind AND p.period_start = r.period_start ORDER BY p.id DESC LIMIT 1)
            FROM rating_results r WHERE r.id > @lastResult
            """, new { lastResult })).AsList();
        var today = TestClock.Now.Date;
        var touchedPeriods = new[] { ("month", new DateTime(today.Year, today.Month, 1)), ("quarter", new DateTime(today.Year, (today.Month - 1) / 3 * 3 + 1, 1)), ("ytd", new DateTime(today.Year, 1, 1)) };
        Assert.All(storedNow, r => Assert.Contains((r.Kind, r.Start), touchedPeriods));
        // The other departments' inputs are as they were (only a rank may have moved with the two).
        Assert.All(storedNow.Where(r => !answered.Any(a => a.DepartmentId == r.DepartmentId)), r => Assert.True(r.SameInputs));
        Assert.All(storedNow.Where(r => answered.Any(a => a.DepartmentId == r.DepartmentId)), r => Assert.False(r.SameInputs));
        var incremental = await SnapshotAsync(conn);

        var full = await Engine().RecomputeAsync("test");
        Assert.Equal(0, full.Stored);
        Assert.Equal(incremental, await SnapshotAsync(conn));

        // Nothing changed since: a run reads no department's appeals and stores nothing.
        await conn.ExecuteAsync("UPDATE kpis SET weight = weight WHERE id = (SELECT min(id) FROM kpis)");
        var quiet = await Engine().UpdateAsync("test");
        Assert.Empty(quiet.AppealDepartments!);
        Assert.Equal((0, 0), (quiet.Computed, quiet.Stored));
    }

    [Fact]
    public async Task TwoRunsStartedTogether_RunOnce()
    {
        await Engine().RecomputeAsync("test");
        await using var conn = await city.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            UPDATE appeals SET status = 'closed', resolved_at = city_now(), closed_at = city_now(), satisfaction = 5
            WHERE id = (SELECT id FROM appeals WHERE status IN ('assigned', 'in_progress') ORDER BY id LIMIT 1)
            """);
        var before = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM rating_runs");

        var runs = await Task.WhenAll(Engine().UpdateAsync("node-a"), Engine().UpdateAsync("node-b"));

        Assert.Equal(before + 1, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM rating_runs"));
        Assert.Equal(1, runs.Count(r => r.Stored > 0));
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM (SELECT 1 FROM rating_results WHERE is_latest GROUP BY period_kind, period_start, manager_id HAVING count(*) > 1) d
            """));
    }

    [Fact]
    public async Task ARunWhileAnotherHoldsTheLock_DoesNothing()
    {
        await using var holder = await city.DataSource.OpenConnectionAsync();
        await using var tx = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = 0x726174696E67L }, tx);

        var run = await Engine().UpdateAsync("test");

        Assert.False(run.Ran);
    }

    /// <summary>Everything stored that a reader sees, and the rollup behind it.</summary>
    private static async Task<string> SnapshotAsync(NpgsqlConnection conn) => string.Join("\n", await conn.QueryAsync<string>("""
        SELECT concat_ws('|', r.period_kind, r.period_start, r.manager_id, r.total_pct, r.total_low, r.total_high, r.rank, r.low_volume,
                         r.fcr_pct, r.satisfaction_avg, r.misrouted_pct, r.forwarding_hours, r.inputs_hash,
                         (SELECT string_agg(concat_ws(':', i.indicator, i.score, i.weight_used, i.band_low, i.band_high, i.volume, i.low_volume, i.rank), ',' ORDER BY i.indicator)
                          FROM rating_result_indicators i WHERE i.result_id = r.id),
                         (SELECT string_agg(concat_ws(':', p.kind, p.subject_id, p.points), ',' ORDER BY p.position)
                          FROM rating_lost_points p WHERE p.result_id = r.id))
        FROM rating_results r WHERE r.is_latest
        UNION ALL
        SELECT concat_ws('|', 'daily', department_id, day, settled, on_time, first_contact, rated, satisfaction_sum, reopened, re_reported, forwarded_away, forwarded_hours)
        FROM rating_appeal_daily
        ORDER BY 1
        """));
}
