using Dapper;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Tests.Infrastructure;
using IKomek.Dashboard.Features.DemoCity;

namespace IKomek.Dashboard.Tests.Features.Intake;

public sealed class LiveSimulatorTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task Storm_StreamsStormAppealsThroughIntake()
    {
        var intake = city.NewIntake();
        var results = new List<IntakeResult>();

        // How many get through in a second depends on the machine's load; that the rate is never exceeded does not.
        var sent = await new LiveSimulator(city.DataSource, intake, TestClock.Create()).RunAsync(SimulatedScenario.Storm, 20, TimeSpan.FromSeconds(1), results.Add, CancellationToken.None);

        Assert.InRange(sent, 1, 21);
        Assert.Equal(sent, results.Count);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var areas = await conn.QueryAsync<string>("SELECT DISTINCT ar.code FROM appeals a JOIN areas ar ON ar.id = a.area_id WHERE a.id = ANY(@ids)",
            new { ids = results.Select(r => r.AppealId).ToArray() });
        Assert.All(areas, a => Assert.Contains(a, new[] { "storm_drainage", "electricity", "landscaping", "housing_maintenance", "street_lighting" }));
    }
}
