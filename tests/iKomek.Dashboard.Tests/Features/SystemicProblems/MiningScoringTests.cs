using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.SystemicProblems;

/// <summary>
/// What the mining counts as a systemic problem, on hand-built appeals inside a small demo city: each case sits at
/// its own place outside the city, so only its own appeals (and the city's baseline) decide.
/// </summary>
public sealed class MiningScoringTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private const string Elevator = "elevators.stopped_res";
    private const string Heating = "heating.weak_heat_flat";

    [Fact]
    public async Task OneOffBurst_IsNotRecurrent()
    {
        var start = HandBuiltAppeals.WeekStart(3).AddDays(1);
        var times = Enumerable.Range(0, 30).Select(i => start.AddMinutes(i * 90));
        await HandBuiltAppeals.AddAsync(city.DataSource, "burst", Elevator, 51.40, 71.80, times, residents: 25);

        await new SystemicMining(city.DataSource, TestClock.Create()).RunAsync(full: true);

        Assert.Null(await HandBuiltAppeals.ProblemNearAsync(city.DataSource, Elevator, 51.40, 71.80));
    }

    [Fact]
    public async Task SteadyWeeklyStreamAtOneBuilding_IsASystemicProblem()
    {
        // Three appeals a week (Monday, Wednesday, Friday) for 20 weeks.
        var times = Enumerable.Range(3, 20).SelectMany(w => new[] { 0, 2, 4 }.Select(d => HandBuiltAppeals.WeekStart(w).AddDays(d)));
        await HandBuiltAppeals.AddAsync(city.DataSource, "steady", Elevator, 51.40, 71.85, times);

        await new SystemicMining(city.DataSource, TestClock.Create()).RunAsync(full: true);

        var problem = await HandBuiltAppeals.ProblemNearAsync(city.DataSource, Elevator, 51.40, 71.85);
        Assert.NotNull(problem);
        Assert.Equal(60, problem.Value.AppealsCount);
        Assert.True(problem.Value.Recurrence >= 0.5m, $"recurrence {problem.Value.Recurrence}");
    }

    [Fact]
    public async Task SeasonalRiseWithinItsBaseline_IsNotAProblem_ButTheSameWinterPeakAtAQuietPlaceIs()
    {
        // A busy place that gets a quarter of every kind of the city's appeals: its heating complaints rise each
        // winter exactly as the city's do. A quiet place gets the very same heating complaints and nothing else.
        await HandBuiltAppeals.CopyCityAsync(city.DataSource, "busy", 51.45, 71.80);
        await HandBuiltAppeals.CopyCityAsync(city.DataSource, "quiet", 51.45, 71.90, onlyTypeCode: Heating);

        await new SystemicMining(city.DataSource, TestClock.Create()).RunAsync(full: true);

        Assert.Null(await HandBuiltAppeals.ProblemNearAsync(city.DataSource, Heating, 51.45, 71.80));
        Assert.NotNull(await HandBuiltAppeals.ProblemNearAsync(city.DataSource, Heating, 51.45, 71.90));
    }
}
