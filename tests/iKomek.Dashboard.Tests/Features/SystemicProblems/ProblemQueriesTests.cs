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
}
