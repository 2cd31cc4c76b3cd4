using IKomek.Dashboard.Features.Knowledge;
using IKomek.Dashboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace IKomek.Dashboard.Tests.Features.Knowledge;

/// <summary>The suggestions' top-3 hit rate on the small demo city (docs/benchmarks.md has the figure on the full one).</summary>
public sealed class KnowledgeHitRateTests(DemoCityDatabase city, ITestOutputHelper output) : IClassFixture<DemoCityDatabase>
{
    /// <summary>Measured on the small demo city (seed 109, 5 % held out): 27.5 % (263 of 957 answerable of 1,018 held out) by search alone, without a topic model; the floor leaves a little room.</summary>
    private const double Floor = 0.25;

    [Fact]
    public async Task TopThree_HoldsTheRightAnswer_AboveTheFloor_ForHeldOutFirstContactAppeals()
    {
        var queries = new KnowledgeQueries(city.DataSource);
        var rate = await new KnowledgeEvaluation(city.DataSource, new KnowledgeMining(city.DataSource, city.Clock), queries).MeasureAsync(seed: 109, percent: 5);

        Assert.True(rate.Appeals > 50, $"only {rate.Appeals} held out");
        Assert.True(rate.Answerable > rate.Appeals / 2, $"{rate.Answerable} of {rate.Appeals} answerable");
        Assert.True(rate.Rate >= Floor, $"top-3 hit rate {rate.Rate:P1} ({rate.Hits} of {rate.Answerable})");
        output.WriteLine($"top-3 hit rate {rate.Rate:P1} ({rate.Hits} of {rate.Answerable} answerable of {rate.Appeals} held out)");
    }
}
