using System.Net;
using Dapper;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Appeals;

/// <summary>Every status event of an appeal names who made it, and the audit log records the step beside it.</summary>
public sealed class AppealActorTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task OperatorsStep_NamesTheOperator_AndIsLoggedWithBothStatuses()
    {
        var id = await RegisterAsync(new NewAppeal("Нет воды в подъезде", 40, 1, 51.131, 71.431));
        var by = new Actor("marat", "operator", IPAddress.Parse("10.0.0.7"));

        await new AppealLifecycle(city.DataSource, TestClock.Create()).ApplyAsync(id, AppealAction.Resolve, by, "разъяснено");

        Assert.Equal(["anonymous", "marat"], await EventActorsAsync(id));
        var step = (await AuditRows.AboutAsync(city.DataSource, "appeal", id.ToString()))[^1];
        Assert.Equal(("marat", "operator", "10.0.0.7", AuditActions.AppealStatus), (step.Actor, step.Role, step.Address, step.Action));
        Assert.Equal(("registered", "resolved"), (step.Detail("from"), step.Detail("to")));
        // The operator's note may carry the resident's words: it is not copied into the log.
        Assert.DoesNotContain("разъяснено", step.Details);
    }

    [Fact]
    public async Task RefusedStep_LeavesNoEventAndNoLogRow()
    {
        var id = await RegisterAsync(new NewAppeal("Нет воды во дворе", 40, 1, 51.132, 71.432));

        await Assert.ThrowsAsync<LifecycleRejectedException>(() =>
            new AppealLifecycle(city.DataSource, TestClock.Create()).ApplyAsync(id, AppealAction.Close, TestActors.Operator, satisfaction: 5));

        Assert.Equal(["anonymous"], await EventActorsAsync(id));
        Assert.Single(await AuditRows.AboutAsync(city.DataSource, "appeal", id.ToString()));
    }

    [Fact]
    public async Task ApiIntake_NamesTheClient_AndLogsTheRegistrationWithItsAddress()
    {
        var id = await RegisterAsync(new NewAppeal("Яма на дороге у школы", 40, 2, 51.133, 71.433,
            SubmittedBy: Actor.Api("city-app", IPAddress.Parse("192.0.2.10"))));

        Assert.Equal(["api:city-app"], await EventActorsAsync(id));
        var row = Assert.Single(await AuditRows.AboutAsync(city.DataSource, "appeal", id.ToString()));
        Assert.Equal(("api:city-app", null, "192.0.2.10", AuditActions.AppealStatus, "registered", "2"),
            (row.Actor, row.Role, row.Address, row.Action, row.Detail("to"), row.Detail("channel")));
        Assert.Null(row.Detail("from"));
        Assert.DoesNotContain("Яма", row.Details);
    }

    [Fact]
    public async Task Simulator_NamesItself()
    {
        var results = new List<IntakeResult>();
        await new LiveSimulator(city.DataSource, city.NewIntake(), TestClock.Create())
            .RunAsync(SimulatedScenario.Calm, 10, TimeSpan.FromSeconds(0.5), results.Add, CancellationToken.None);

        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            Assert.Equal(["system:simulator"], await EventActorsAsync(r.AppealId));
            Assert.Equal("system:simulator", Assert.Single(await AuditRows.AboutAsync(city.DataSource, "appeal", r.AppealId.ToString())).Actor);
        }
    }

    [Fact]
    public async Task DemoSeed_AttributesItsHistoryToItself()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var seeded = (await conn.QueryAsync<string?>(
            "SELECT DISTINCT actor FROM appeal_events WHERE at < (SELECT generated_at FROM demo_city) - interval '1 day'")).ToList();

        Assert.Equal(["system:demo-seed"], seeded);
    }

    private async Task<long> RegisterAsync(NewAppeal appeal) => (await city.NewIntake().RegisterAsync(appeal)).AppealId;

    private async Task<List<string?>> EventActorsAsync(long id)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<string?>("SELECT actor FROM appeal_events WHERE appeal_id = @id ORDER BY at, id", new { id })).ToList();
    }
}
