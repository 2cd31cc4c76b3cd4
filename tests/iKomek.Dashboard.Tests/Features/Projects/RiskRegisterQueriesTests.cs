using IKomek.Dashboard.Features.Projects.Risks;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Projects;

/// <summary>The risk register's reads on a real database, against planted risks whose order and counts are worked out by hand.</summary>
public sealed class RiskRegisterQueriesTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    private RiskSeed _seed = null!;
    private static readonly SemaphoreSlim Planting = new(1, 1);
    private static readonly Dictionary<string, RiskSeed> Planted = [];

    public async Task InitializeAsync()
    {
        await Planting.WaitAsync();
        try
        {
            if (!Planted.TryGetValue(city.ConnectionString, out var seed)) Planted[city.ConnectionString] = seed = await RiskSeed.PlantAsync(city.DataSource);
            _seed = seed;
        }
        finally
        {
            Planting.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private RiskRegisterQueries Queries => new(city.DataSource);

    [Fact]
    public async Task OpenRisks_SortedBySeverityThenDueDate_ClosedOnesLeftOut()
    {
        var rows = await Queries.GetRisksAsync(new RiskFilter());

        Assert.Equal([_seed.A, _seed.C, _seed.B, _seed.D], rows.Select(r => r.Id));
        var a = rows[0];
        Assert.Equal((_seed.EnergyCode, "issue", (short)3, "Исаев А. К."), (a.ProjectCode, a.Kind, a.Severity, a.Owner));
        Assert.Equal(new DateTime(2026, 3, 20), a.DueDate);
        Assert.Equal(new DateTime(2026, 1, 10), a.RaisedOn);
        Assert.True(a.ToMeeting);
    }

    [Fact]
    public async Task Overdue_IsADueDateBeforeTheCitysToday()
    {
        var rows = await Queries.GetRisksAsync(new RiskFilter());

        Assert.Equal([_seed.A, _seed.D], rows.Where(r => r.Overdue).Select(r => r.Id));
        Assert.Equal([_seed.A, _seed.D], (await Queries.GetRisksAsync(new RiskFilter(Overdue: true))).Select(r => r.Id));
    }

    [Fact]
    public async Task EachFilter_NarrowsToItsRows()
    {
        async Task<IEnumerable<int>> Ids(RiskFilter f) => (await Queries.GetRisksAsync(f)).Select(r => r.Id);

        Assert.Equal([_seed.A, _seed.C], await Ids(new RiskFilter(Severity: 3)));
        Assert.Equal([_seed.A, _seed.D], await Ids(new RiskFilter(Kind: "issue")));
        Assert.Equal([_seed.A, _seed.B], await Ids(new RiskFilter(Department: RiskSeed.EnergyDepartment)));
        Assert.Equal([_seed.C, _seed.D], await Ids(new RiskFilter(Deputy: _seed.OtherDeputy)));
        Assert.Equal([_seed.A], await Ids(new RiskFilter(ToMeeting: true)));
        Assert.Equal([_seed.D], await Ids(new RiskFilter(Kind: "issue", Overdue: true, Deputy: _seed.OtherDeputy)));
    }

    [Fact]
    public async Task DepartmentScope_KeepsTheOwnRows_CountsCoverEveryDepartment()
    {
        var own = await Queries.GetRisksAsync(new RiskFilter(), department: _seed.OtherDepartment);
        var counts = await Queries.GetCountsAsync(new RiskFilter());

        Assert.Equal([_seed.C, _seed.D], own.Select(r => r.Id));
        var other = Assert.Single(counts, c => c.DepartmentId == _seed.OtherDepartment);
        Assert.Equal((2L, 1L, 1L, 0L), (other.Open, other.High, other.Overdue, other.ToMeeting));
        Assert.Equal(4, counts.Sum(c => c.Open));
        Assert.Equal(1, counts.Sum(c => c.ToMeeting));
    }

    [Theory]
    [InlineData("9", null, "risks.error.severity")]
    [InlineData("high", null, "risks.error.severity")]
    [InlineData(null, "danger", "risks.error.kind")]
    public void FilterFromTheAddress_NamesWhatItCannotRead_AndLeavesItOut(string? severity, string? kind, string key)
    {
        var filter = RiskFilter.FromQuery(severity, kind, " energy ", null, "1", null);

        var error = Assert.Single(filter.Errors);
        Assert.Equal(key, error.Key);
        Assert.Equal(severity ?? kind, error.Value);
        Assert.Equal(((short?)null, (string?)null, "energy", (string?)null, true, false),
            (filter.Severity, filter.Kind, filter.Department, filter.Deputy, filter.Overdue, filter.ToMeeting));
        Assert.Equal("?department=energy&overdue=1", filter.ToQueryString());
    }
}
