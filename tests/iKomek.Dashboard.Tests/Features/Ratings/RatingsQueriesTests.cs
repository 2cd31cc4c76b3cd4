using Dapper;
using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Tests.Infrastructure;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Features.Ratings;

/// <summary>The managers' scorecard: the queries behind the page, against a small demo city in a real PostgreSQL.</summary>
public sealed class RatingsQueriesTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task Scorecard_HasEveryManagerWithIndicatorsInRange()
    {
        var rows = await new RatingsQueries(city.DataSource).GetScorecardAsync();
        await using var conn = await city.DataSource.OpenConnectionAsync();

        Assert.Equal(await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM managers"), rows.Count);
        Assert.All(rows, r =>
        {
            foreach (var pct in new[] { r.KpiPct, r.ProjectsPct, r.AppealsPct, r.SystemicPct }) Assert.InRange(pct, 0m, 120m);
        });
        Assert.Equal(rows.OrderByDescending(r => r.TotalPct).Select(r => r.TotalPct), rows.Select(r => r.TotalPct));
        Assert.Contains(rows, r => r.AppealsPct < 100);
    }
}
