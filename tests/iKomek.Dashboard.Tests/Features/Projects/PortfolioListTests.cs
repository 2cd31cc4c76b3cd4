using Dapper;
using IKomek.Dashboard.Features.Projects;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Tests.Infrastructure;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Features.Projects;

/// <summary>The project portfolio: the queries behind the page, against a small demo city in a real PostgreSQL.</summary>
public sealed class PortfolioListTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task Projects_AllListedWithPlanInRange()
    {
        var rows = await new PortfolioQueries(city.DataSource, city.Clock).GetProjectsAsync(new PortfolioFilter());

        Assert.True(rows.Count >= 400);
        Assert.All(rows, p => Assert.InRange(p.PlannedPct, 0m, 100m));
        Assert.Contains(rows, p => p.Status == "delayed");
    }
}
