using Dapper;
using IKomek.Dashboard.Features.Digests;
using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Digests;

/// <summary>A digest's contents on the demo city, for the tests' fixed day, against counts taken straight from the appeals.</summary>
public sealed class DigestQueriesTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    // The problems and the rating the digests read, as their jobs store them.
    public async Task InitializeAsync()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        if (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM systemic_problems") > 0) return;
        await new SystemicMining(city.DataSource, city.Clock).RunAsync(full: true);
        await new RatingEngine(city.DataSource, city.Clock).RecomputeAsync("test");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private DigestQueries Queries => new(city.DataSource, new DeputyScopes(city.DataSource), city.Clock);
    private static readonly DigestPeriod Yesterday = DigestPeriod.For(DigestKinds.Daily, DateOnly.FromDateTime(TestClock.Now.Date));

    // Yesterday in Astana, counted another way: by the appeals' local date.
    private async Task<(long Received, long Resolved, long OnTime, long FirstContact, long Critical)> CountAsync(string where)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<(long, long, long, long, long)>($"""
            SELECT count(*) FILTER (WHERE (created_at AT TIME ZONE 'Asia/Almaty')::date = '2026-03-30'),
                   count(*) FILTER (WHERE (resolved_at AT TIME ZONE 'Asia/Almaty')::date = '2026-03-30'),
                   count(*) FILTER (WHERE (resolved_at AT TIME ZONE 'Asia/Almaty')::date = '2026-03-30' AND resolved_at <= sla_due_at),
                   count(*) FILTER (WHERE (created_at AT TIME ZONE 'Asia/Almaty')::date = '2026-03-30' AND first_contact_resolved),
                   count(*) FILTER (WHERE (created_at AT TIME ZONE 'Asia/Almaty')::date = '2026-03-30' AND is_critical AND duplicate_of IS NULL)
            FROM appeals WHERE {where}
            """);
    }

    [Fact]
    public async Task Morning_ForTheCity_CountsYesterdaysAppealsInAstanasDay()
    {
        var digest = await Queries.GetAsync(Yesterday, DigestScope.WholeCity);

        var expected = await CountAsync("true");
        Assert.True(expected.Received > 0, "the demo city has appeals yesterday");
        Assert.Equal(expected, (digest.Current.Received, digest.Current.Resolved, digest.Current.OnTime, digest.Current.FirstContact, digest.Current.Critical));
        Assert.Equal(digest.Current.Received, digest.Departments.Sum(d => d.Received));
        // The heads' stored rating of March and February, as the rating pages read it.
        var rated = await new RatingQueries(city.DataSource).GetLatestAsync(RatingPeriod.Month(2026, 3));
        Assert.NotEmpty(rated);
        Assert.All(rated.Where(r => digest.Departments.Any(d => d.Id == r.DepartmentId)),
            r => Assert.Equal(r.TotalPct, digest.Departments.Single(d => d.Id == r.DepartmentId).Rating));
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals WHERE status NOT IN ('resolved', 'closed') AND sla_due_at < @now",
            new { now = TestClock.UtcNow }), digest.OverdueNow);
        Assert.Equal(await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM appeals WHERE (created_at AT TIME ZONE 'Asia/Almaty')::date = '2026-03-29'
            """), digest.Before.Received);
    }

    [Fact]
    public async Task Scope_OfADepartmentHead_IsTheOwnDepartment_AndTheDigestHoldsNothingElse()
    {
        var scope = await Queries.ScopeOfAsync("head.energy");
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var department = await conn.ExecuteScalarAsync<int>("SELECT department_id FROM users WHERE login = 'head.energy'");

        var digest = await Queries.GetAsync(DigestPeriod.For(DigestKinds.Weekly, DateOnly.FromDateTime(TestClock.Now.Date)), scope);

        Assert.Equal(DigestScope.Department, scope.Kind);
        Assert.Equal([department], scope.Departments!);
        Assert.Null(scope.Areas);
        Assert.Equal([department], digest.Departments.Select(d => d.Id));
        Assert.Empty(digest.Alerts);   // the city systems' alerts are the city's
        var weekly = await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM appeals WHERE department_id = @department
              AND (created_at AT TIME ZONE 'Asia/Almaty')::date BETWEEN '2026-03-23' AND '2026-03-29'
            """, new { department });
        Assert.Equal(weekly, digest.Current.Received);
        Assert.True(weekly > 0);
    }

    [Fact]
    public async Task Scope_OfADeputy_IsTheSupervisedDepartments_OfTheAkimAndAnalyst_TheCity()
    {
        var deputy = await Queries.ScopeOfAsync("deputy.utilities");
        var digest = await Queries.GetAsync(Yesterday, deputy);
        var cityDigest = await Queries.GetAsync(Yesterday, DigestScope.WholeCity);

        Assert.Equal(DigestScope.Deputy, deputy.Kind);
        Assert.NotEmpty(deputy.Departments!);
        Assert.All(digest.Departments, d => Assert.Contains(d.Id, deputy.Departments!));
        Assert.InRange(digest.Current.Received, 1, cityDigest.Current.Received - 1);
        Assert.Equal(DigestScope.WholeCity, await Queries.ScopeOfAsync("akim"));
        Assert.Equal(DigestScope.WholeCity, await Queries.ScopeOfAsync("analyst"));
        Assert.Equal(DigestScope.WholeCity, await Queries.ScopeOfAsync("nobody"));
    }

    [Fact]
    public async Task Monthly_ComparesWithTheMonthBefore_AndListsTheMostReportedProblems()
    {
        var digest = await Queries.GetAsync(DigestPeriod.For(DigestKinds.Monthly, DateOnly.FromDateTime(TestClock.Now.Date)), DigestScope.WholeCity);

        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM appeals WHERE (created_at AT TIME ZONE 'Asia/Almaty')::date >= '2026-01-01'
              AND (created_at AT TIME ZONE 'Asia/Almaty')::date < '2026-02-01'
            """), digest.Before.Received);
        Assert.True(digest.Current.Received > digest.Before.Received / 2);
        Assert.Equal(digest.TopProblems.OrderByDescending(p => p.InPeriod).Select(p => p.InPeriod), digest.TopProblems.Select(p => p.InPeriod));
        Assert.NotEmpty(digest.TopProblems);
        Assert.All(digest.TopProblems, p => Assert.True(p.InPeriod > 0));
    }
}
