using Dapper;
using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IKomek.Dashboard.Tests.Features.Ratings;

/// <summary>The rating job's engine on a small demo city in a real PostgreSQL: full and incremental runs, what they
/// store, and that a stored rating is computed again from its own inputs.</summary>
public sealed class RatingEngineTests(DemoCityDatabase city, ITestOutputHelper output) : IClassFixture<DemoCityDatabase>
{
    private RatingEngine Engine() => new(city.DataSource, city.Clock);

    [Fact]
    public async Task FullRun_StoresEveryManagerAndPeriod_WithTotalsWithinHundred()
    {
        await Engine().RecomputeAsync("test");
        var queries = new RatingQueries(city.DataSource);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var managers = await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM managers");
        // The tests' today is 31 March 2026: three months, the first quarter, the year to date.
        var periods = RatingInputReader.PeriodsOf(2026, new DateOnly(2026, 3, 31));
        Assert.Equal(5, periods.Count);
        foreach (var period in periods)
        {
            var rows = await queries.GetLatestAsync(period);
            Assert.Equal(managers, rows.Count);
            Assert.All(rows, r =>
            {
                Assert.Equal(4, r.Indicators.Count);
                if (r.TotalPct is { } total) Assert.InRange(total, 0m, 100m);
                Assert.All(r.Indicators.Where(i => !i.IsRated), i => Assert.Equal(0m, i.WeightUsed));
                Assert.Equal(r.TotalPct is null ? 0m : 100m, Math.Round(r.Indicators.Sum(i => i.WeightUsed)), 0);
            });
        }
        var ytd = await queries.GetLatestAsync(periods[^1]);
        var totals = ytd.Where(r => r.TotalPct is not null).Select(r => r.TotalPct!.Value).Order().ToList();
        output.WriteLine($"YTD totals: min {totals[0]}, q1 {totals[totals.Count / 4]}, median {totals[totals.Count / 2]}, q3 {totals[totals.Count * 3 / 4]}, max {totals[^1]}");
        // Scores spread as a real city's do (the old scorecard put everyone near 98 %), and no department ranks first
        // for having nothing to do: a rank needs three rated indicators and no low-volume one.
        Assert.True(totals[^1] - totals[0] >= 20, $"spread {totals[0]}..{totals[^1]}");
        Assert.True(totals[totals.Count / 4] < 90, $"first quartile {totals[totals.Count / 4]}");
        Assert.All(ytd.Where(r => r.Rank is not null), r => Assert.True(r.Indicators.Count(i => i.IsRated) >= 3 && !r.LowVolume));
        Assert.Contains(ytd, r => r.Rank == 1);
        foreach (var r in ytd)
            output.WriteLine($"{r.FullName,-40} {r.TotalPct,6} [{r.TotalLow}-{r.TotalHigh}] rank {r.Rank?.ToString() ?? "-"} " +
                string.Join(" ", r.Indicators.Select(i => $"{i.Indicator}:{i.Score?.ToString() ?? "n/r"}({i.Volume}{(i.LowVolume ? "!" : "")})")));
    }

    [Fact]
    public async Task StoredRatings_ComputedAgainFromTheirInputs_GiveTheSameNumbers()
    {
        await Engine().RecomputeAsync("test");
        var queries = new RatingQueries(city.DataSource);
        var weights = (await queries.GetWeightsHistoryAsync()).ToDictionary(w => w.Version);
        foreach (var period in RatingInputReader.PeriodsOf(2026, new DateOnly(2026, 3, 31)))
        {
            var stored = await queries.GetLatestAsync(period);
            var again = RatingFormula.Compute(await queries.GetLatestInputsAsync(period), weights[stored[0].WeightsVersion]).ToDictionary(r => r.ManagerId);
            foreach (var s in stored)
            {
                var r = again[s.ManagerId];
                Assert.Equal((s.TotalPct, s.TotalLow, s.TotalHigh, s.Rank, s.LowVolume), (r.TotalPct, r.TotalLow, r.TotalHigh, r.Rank, r.LowVolume));
                Assert.Equal(s.Indicators, r.Indicators);
                Assert.Equal(await queries.GetLostPointsAsync(s.ResultId), r.LostPoints);
            }
        }
    }
}
