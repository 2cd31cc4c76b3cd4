using Dapper;
using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Ratings;

/// <summary>The rating's weights: versioned, audited, refused when they do not make 100 %; and which problems count in
/// whose area.</summary>
public sealed class RatingWeightsTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Theory]
    [InlineData(25, 25, 25, 20)]    // 95
    [InlineData(50, 50, 25, -25)]   // negative
    [InlineData(25.001, 25, 25, 24.999)]
    public async Task Weights_NotMakingHundredPercent_AreRefused_AndNothingIsWritten(double kpi, double projects, double appeals, double systemic)
    {
        var queries = new RatingQueries(city.DataSource);
        var before = (await queries.GetWeightsHistoryAsync()).Count;

        await Assert.ThrowsAsync<ArgumentException>(() => new RatingWeightsWriter(city.DataSource)
            .SetAsync((decimal)kpi, (decimal)projects, (decimal)appeals, (decimal)systemic, "test", TestActors.Admin));

        Assert.Equal(before, (await queries.GetWeightsHistoryAsync()).Count);
    }

    [Fact]
    public async Task Weights_WithoutAReason_AreRefused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => new RatingWeightsWriter(city.DataSource).SetAsync(40, 20, 20, 20, " ", TestActors.Admin));

    [Fact]
    public async Task NewWeights_AreANewVersion_Audited_AndUsedByTheNextRun()
    {
        var engine = new RatingEngine(city.DataSource, city.Clock);
        await engine.RecomputeAsync("test");
        var set = await new RatingWeightsWriter(city.DataSource).SetAsync(40, 10, 40, 10, "Appeals and KPIs first", TestActors.Admin);

        var history = await new RatingQueries(city.DataSource).GetWeightsHistoryAsync();
        Assert.Equal(set.Version, history[0].Version);
        Assert.Equal((40m, 10m, 40m, 10m, "Appeals and KPIs first"), (history[0].Kpi, history[0].Projects, history[0].Appeals, history[0].Systemic, history[0].Reason));
        Assert.Contains(history, w => w.Version == 1 && w.Kpi == 25);
        var audit = Assert.Single(await AuditRows.AboutAsync(city.DataSource, "rating_weights", set.Version.ToString()));
        Assert.Equal(("admin", "rating.weights"), (audit.Actor, audit.Action));
        Assert.Contains("Appeals and KPIs first", audit.Details);

        // The every-minute run, not only the nightly full one: the feed holds only the rating's own change.
        await engine.UpdateAsync("test");
        var rows = await new RatingQueries(city.DataSource).GetLatestAsync(RatingPeriod.Month(2026, 3));
        Assert.All(rows, r => Assert.Equal(set.Version, r.WeightsVersion));
        Assert.All(rows, r => Assert.Equal(40m, r.Indicators.Single(i => i.Indicator == RatingIndicator.Kpi).Weight));
    }

    [Fact]
    public async Task Problems_CountInTheirDepartmentsArea_NotInOthers()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var (type, owner) = await conn.QuerySingleAsync<(int, short)>("SELECT id, department_id FROM service_types ORDER BY id LIMIT 1");
        var other = await conn.ExecuteScalarAsync<short>("SELECT min(id) FROM departments WHERE id <> @owner", new { owner });
        // One problem of the owner's service type, unassigned; one of the same type assigned to another department.
        var own = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO systemic_problems (title, area_id, service_type_id, status, score, first_seen, last_seen, identified_at)
            SELECT 'Own', area_id, id, 'confirmed', 2, city_now() - interval '80 days', city_now(), city_now() - interval '80 days' FROM service_types WHERE id = @type
            RETURNING id
            """, new { type });
        var assigned = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO systemic_problems (title, area_id, service_type_id, status, department_id, score, first_seen, last_seen, identified_at)
            SELECT 'Assigned', area_id, id, 'verified', @other, 3, city_now() - interval '80 days', city_now(), city_now() - interval '20 days' FROM service_types WHERE id = @type
            RETURNING id
            """, new { type, other });

        var period = RatingPeriod.Month(2026, 3);
        var inputs = (await RatingInputReader.ReadAsync(conn, null, [period], new DateOnly(2026, 3, 31), CancellationToken.None))[period];

        var ownerProblems = inputs.First(i => i.DepartmentId == owner).Problems;
        var otherProblems = inputs.First(i => i.DepartmentId == other).Problems;
        // Confirmed 80 days ago and still unassigned: past the 30 days, it counts against the owner.
        Assert.Contains(new ProblemInput(own, 2, ProblemState.Overdue), ownerProblems);
        Assert.DoesNotContain(ownerProblems, p => p.ProblemId == assigned);
        Assert.Contains(new ProblemInput(assigned, 3, ProblemState.Verified), otherProblems);
        Assert.DoesNotContain(otherProblems, p => p.ProblemId == own);
    }
}
