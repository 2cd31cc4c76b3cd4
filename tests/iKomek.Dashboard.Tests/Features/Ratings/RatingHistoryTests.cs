using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Features.Ratings.Pages;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Ratings;

/// <summary>A past rating reopens as it was computed: its stored inputs with its own weights version give its numbers
/// again, after the weights changed and the year was computed anew.</summary>
public sealed class RatingHistoryTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task PastComputations_RecomputedFromStoredInputsAndWeights_GiveTheStoredNumbers()
    {
        var engine = new RatingEngine(city.DataSource, city.Clock);
        var queries = new RatingQueries(city.DataSource);
        await engine.RecomputeAsync("test");
        await new RatingWeightsWriter(city.DataSource).SetAsync(55, 15, 20, 10, "history test", TestActors.Admin);
        await engine.RecomputeAsync("test");

        var weights = (await queries.GetWeightsHistoryAsync()).ToDictionary(w => w.Version);
        var march = RatingPeriod.Month(2026, 3);
        var checkedPast = 0;
        foreach (var manager in await queries.GetLatestAsync(march))
        {
            var computations = await queries.GetComputationsAsync(manager.ManagerId, march);
            foreach (var stored in computations)
            {
                var inputs = await queries.GetInputsAsync(stored.ResultId);
                var again = RatingFormula.Compute([inputs!], weights[stored.WeightsVersion])[0];
                Assert.True(StoredResultPage.RecomputesTo(stored, again), $"result {stored.ResultId} of manager {manager.ManagerId}");
                Assert.Equal(await queries.GetLostPointsAsync(stored.ResultId), again.LostPoints);
                if (stored.ResultId != manager.ResultId) checkedPast++;
            }
        }
        // The new weights changed the totals: the first computations are history now, and were checked too.
        Assert.True(checkedPast > 0);
    }

    [Fact]
    public void RecomputesTo_AnotherTotal_IsNotTheSame()
    {
        var inputs = new RatingInputs(1, 1, [new KpiInput(1, 1, 80), new KpiInput(2, 1, 60)], [], AppealInput.None, []);
        var weights = new RatingWeights(1, 25, 25, 25, 25, DateTimeOffset.UnixEpoch, "test", "test");
        var again = RatingFormula.Compute([inputs], weights)[0];
        var stored = new ManagerRating(1, 1, "М", 1, RatingPeriod.Month(2026, 3), new DateOnly(2026, 3, 31), DateTimeOffset.UnixEpoch, 1, 1,
            again.TotalPct, again.TotalLow, again.TotalHigh, again.LowVolume, null, again.Indicators, 0, null, null, null, null);

        Assert.True(StoredResultPage.RecomputesTo(stored, again));
        Assert.False(StoredResultPage.RecomputesTo(stored with { TotalPct = stored.TotalPct + 0.1m }, again));
    }
}
