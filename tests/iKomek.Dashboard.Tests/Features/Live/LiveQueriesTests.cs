using Dapper;
using IKomek.Dashboard.Features.Live;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Tests.Infrastructure;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Features.Live;

/// <summary>The live panel's snapshot: the queries behind the page, against a small demo city in a real PostgreSQL.</summary>
public sealed class LiveQueriesTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private readonly AstanaClock _clock = new(TestClock.Create());

    [Fact]
    public async Task LiveSnapshot_IsConsistentWithItself()
    {
        var s = await new LiveQueries(city.DataSource, _clock).GetSnapshotAsync();

        Assert.True(s.AppealsToday > 0);
        Assert.True(s.TypicalByNow > 0);
        Assert.Equal(s.AppealsToday, s.ByChannel.Sum(c => c.Count));
        Assert.Equal(s.AppealsToday, s.ByDistrict.Sum(c => c.Count));
        Assert.NotEmpty(s.TopServiceTypes);
        Assert.True(s.TopServiceTypes.Sum(c => c.Count) <= s.AppealsToday);
        Assert.Equal(s.TopServiceTypes.OrderByDescending(c => c.Count).Select(c => c.Count), s.TopServiceTypes.Select(c => c.Count));
        Assert.Equal(24, s.Hourly.Count);
        Assert.Equal(s.AppealsToday, s.Hourly.Sum(h => h.Today));
        Assert.Equal(0, s.Hourly.Where(h => h.Hour > s.AsOf.Hour).Sum(h => h.Today));
        Assert.NotNull(s.FirstCallMonth);
        Assert.InRange(s.FirstCallMonth.Value, 0.5, 1.0);
        Assert.InRange(s.OverdueNow, 0, s.OpenNow);
        Assert.True(s.OpenNow > 0);
        Assert.True(s.OverdueByDepartment.Sum(d => d.Count) <= s.OverdueNow);
        Assert.Equal(s.CriticalIncidents.OrderByDescending(i => i.CreatedAt).Select(i => i.Id), s.CriticalIncidents.Select(i => i.Id));
    }

    [Fact]
    public async Task LiveSnapshot_TodayMatchesARawCount()
    {
        var s = await new LiveQueries(city.DataSource, _clock).GetSnapshotAsync();
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var raw = await conn.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM appeals WHERE (created_at AT TIME ZONE 'Asia/Almaty')::date = @day::date AND created_at < @now",
            new { day = s.AsOf.Date, now = s.AsOf.UtcDateTime });

        Assert.Equal(raw, s.AppealsToday);
    }
}
