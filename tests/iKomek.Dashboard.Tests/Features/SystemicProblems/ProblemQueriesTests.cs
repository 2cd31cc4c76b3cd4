using Dapper;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.SystemicProblems;

/// <summary>The read model behind the list, the problem page and the akim's counters, after a mining run.</summary>
public sealed class ProblemQueriesTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    private readonly SystemicProblemsQueries _queries = new(city.DataSource);

    public async Task InitializeAsync() => await new SystemicMining(city.DataSource, TestClock.Create()).RunAsync(full: true);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RankedList_IsOrderedByScore_WithTrendsAndPeriodCounts()
    {
        var now = TestClock.UtcNow;
        var rows = await _queries.GetRankedAsync(new ProblemFilter(FromUtc: now.AddDays(-91), ToUtc: now, CompareFromUtc: now.AddDays(-182), CompareToUtc: now.AddDays(-91)));
        var all = await _queries.GetRankedAsync(new ProblemFilter());

        Assert.True(all.Count >= 30);
        Assert.Equal(all.OrderByDescending(r => r.Score).Select(r => r.Id), all.Select(r => r.Id));
        Assert.All(all, r => Assert.Equal(26, r.Trend.Length));
        Assert.All(all, r => Assert.InRange(r.Trend.Sum(), 0, r.AppealsCount));
        Assert.Contains(rows, r => r.InPeriod > 0);
        Assert.Contains(rows, r => r.InCompared > 0);
        Assert.True(rows.Count < all.Count, "the period leaves out problems that ended before it");
        var area = all[0].AreaId;
        Assert.All(await _queries.GetRankedAsync(new ProblemFilter(AreaId: area)), r => Assert.Equal(area, r.AreaId));
    }

    [Fact]
    public async Task ProblemPage_HasItsWeeksAppealsPeopleAndHistory()
    {
        var top = (await _queries.GetRankedAsync(new ProblemFilter(), 1))[0];

        var p = await _queries.GetProblemAsync(top.Id);
        var weeks = await _queries.GetWeeksAsync(top.Id);
        var appeals = await _queries.GetAppealsAsync(top.Id, 1000);
        var (organisations, departments) = await _queries.GetInvolvedAsync(top.Id);
        var history = await _queries.GetHistoryAsync(top.Id);
        await _queries.GetNearbyProjectsAsync(top.Id);
        var exported = new List<ProblemAppeal>();
        await foreach (var a in _queries.ExportAppealsAsync(top.Id, 100_000)) exported.Add(a);

        Assert.NotNull(p);
        Assert.NotNull(p.RecurrenceParts);
        Assert.Equal(p.AppealsCount, appeals.Count);
        Assert.Equal(p.AppealsCount, exported.Count);
        Assert.Equal(p.ExcessWeeks, weeks.Count(w => w.Appeals >= w.Threshold));
        Assert.True(weeks.Count >= 40);
        Assert.NotEmpty(departments);
        Assert.NotEmpty(organisations);
        Assert.Equal("identified", Assert.Single(history).Kind);
        Assert.Null(await _queries.GetProblemAsync(-1));
    }

    [Fact]
    public async Task Counters_CountIdentifiedInWorkAndWorkedOut()
    {
        var c = await _queries.GetCountersAsync();
        var all = await _queries.GetRankedAsync(new ProblemFilter(), 1000);

        Assert.Equal(all.Count(r => r.Status != "dismissed"), c.Identified);
        Assert.Equal(0, c.WorkedOut);
        Assert.InRange(c.Emerging, 1, c.Identified);
    }

    [Fact]
    public async Task DepartmentScope_ListsAndOpensOnlyTheOwnDepartmentsProblems_AndCountsTheOthers()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        // Each listed problem's department as the scope defines it: assigned, else its service type's.
        var departments = (await conn.QueryAsync<(long Id, int Department)>("""
            SELECT p.id, coalesce(p.department_id, st.department_id)::int FROM systemic_problems p
            JOIN service_types st ON st.id = p.service_type_id
            WHERE (p.is_current OR p.status <> 'identified') AND p.merged_into IS NULL
            """)).ToDictionary(r => r.Id, r => r.Department);
        var own = departments.Values.GroupBy(d => d).OrderByDescending(g => g.Count()).First().Key;
        var all = await _queries.GetRankedAsync(new ProblemFilter(), 1000);

        var mine = await _queries.GetRankedAsync(new ProblemFilter(DepartmentId: own), 1000);
        var others = await _queries.GetOtherDepartmentsAsync(new ProblemFilter(), own);

        Assert.NotEmpty(mine);
        Assert.Equal(departments.Where(d => d.Value == own).Select(d => d.Key).Order(), mine.Select(r => r.Id).Order());
        Assert.Equal(all.Where(r => departments[r.Id] == own).Select(r => r.Rank), mine.Select(r => r.Rank));
        Assert.Equal(all.Count - mine.Count, others.Sum(t => t.Count));
        Assert.Equal(all.Where(r => departments[r.Id] != own).GroupBy(r => (r.AreaId, r.Status)).ToDictionary(g => g.Key, g => (long)g.Count()),
            others.ToDictionary(t => (t.AreaId, t.Status), t => t.Count));
        var other = all.First(r => departments[r.Id] != own);
        Assert.Null(await _queries.GetProblemAsync(other.Id, own));
        Assert.NotNull(await _queries.GetProblemAsync(other.Id, departments[other.Id]));
        Assert.NotNull(await _queries.GetProblemAsync(mine[0].Id, own));
        // The list's filters narrow the counts of the others as they narrow the list.
        var area = others[0].AreaId;
        Assert.All(await _queries.GetOtherDepartmentsAsync(new ProblemFilter(AreaId: area), own), t => Assert.Equal(area, t.AreaId));
        // A department that answers for nothing sees no problem, and every problem counted.
        Assert.Empty(await _queries.GetRankedAsync(new ProblemFilter(DepartmentId: 0), 1000));
        Assert.Equal(all.Count, (await _queries.GetOtherDepartmentsAsync(new ProblemFilter(), 0)).Sum(t => t.Count));
    }

    [Fact]
    public async Task DepartmentScope_OfAnUnassignedProblem_IsItsServiceTypesDepartment()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var (id, assigned, typeDepartment) = await conn.QueryFirstAsync<(long, int, int)>("""
            SELECT p.id, p.department_id::int, st.department_id::int FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
            WHERE p.is_current AND p.department_id <> st.department_id ORDER BY p.id LIMIT 1
            """);
        try
        {
            Assert.NotNull(await _queries.GetProblemAsync(id, assigned));
            Assert.Null(await _queries.GetProblemAsync(id, typeDepartment));
            await conn.ExecuteAsync("UPDATE systemic_problems SET department_id = NULL WHERE id = @id", new { id });
            Assert.Null(await _queries.GetProblemAsync(id, assigned));
            Assert.NotNull(await _queries.GetProblemAsync(id, typeDepartment));
            Assert.Contains(await _queries.GetRankedAsync(new ProblemFilter(DepartmentId: typeDepartment), 1000), r => r.Id == id);
        }
        finally
        {
            await conn.ExecuteAsync("UPDATE systemic_problems SET department_id = @assigned WHERE id = @id", new { id, assigned });
        }
    }
}
