using Dapper;
using IKomek.Dashboard.Features.Kpis;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Tests.Infrastructure;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Features.Kpis;

/// <summary>The KPI table and history: the queries behind the page, against a small demo city in a real PostgreSQL.</summary>
public sealed class KpisQueriesTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task Kpis_LatestMonthAndHistory()
    {
        var queries = new KpisQueries(city.DataSource);
        var rows = await queries.GetKpisAsync();
        var history = await queries.GetHistoryAsync(rows[0].Id);

        Assert.True(rows.Count >= 50);
        Assert.All(rows, k => Assert.NotNull(k.Actual));
        Assert.NotEmpty(history);
        Assert.Equal(history.OrderBy(p => p.PeriodStart).Select(p => p.PeriodStart), history.Select(p => p.PeriodStart));
        Assert.Equal(rows[0].PeriodStart, history.Last(p => p.Actual is not null).PeriodStart);
    }
}
