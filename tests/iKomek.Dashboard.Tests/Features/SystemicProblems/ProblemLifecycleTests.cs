using Dapper;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.SystemicProblems;

/// <summary>The lifecycle of a systemic problem: the analyst's steps and their guards, and the mining's own steps.</summary>
public sealed class ProblemLifecycleTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    public async Task InitializeAsync() => await new SystemicMining(city.DataSource, TestClock.Create()).RunAsync(full: true);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FullPath_ConfirmAssignWorkOut_IsRecordedStepByStep()
    {
        var id = await ProblemInStatusAsync("identified", 0);
        var lifecycle = new ProblemLifecycle(city.DataSource, TestClock.Create());
        var department = await Scalar<int>("SELECT min(id) FROM departments");

        await lifecycle.ApplyAsync(id, ProblemAction.Confirm, TestActors.Analyst);
        await lifecycle.ApplyAsync(id, ProblemAction.Assign, TestActors.Analyst, departmentId: department);
        await lifecycle.ApplyAsync(id, ProblemAction.StartWork, TestActors.Analyst, "изношен стояк");
        await lifecycle.ApplyAsync(id, ProblemAction.WorkOut, TestActors.Analyst, "стояк заменён");

        await using var conn = await city.DataSource.OpenConnectionAsync();
        var row = await conn.QuerySingleAsync<(string Status, int Dept, string Cause, string Measures, bool WorkedOutAt)>(
            "SELECT status, department_id::int, root_cause, measures, worked_out_at IS NOT NULL FROM systemic_problems WHERE id = @id", new { id });
        Assert.Equal(("worked_out", department, "изношен стояк", "стояк заменён", true), row);
        var steps = (await conn.QueryAsync<string>("SELECT kind FROM systemic_problem_events WHERE problem_id = @id ORDER BY at, id", new { id })).ToList();
        Assert.Equal(["identified", "confirmed", "assigned", "in_work", "worked_out"], steps);
        var logged = (await AuditRows.AboutAsync(city.DataSource, "problem", id.ToString())).Where(r => !r.Actor.StartsWith("system:")).ToList();
        Assert.All(logged, r => Assert.Equal(("analyst", "analyst", "problem.change"), (r.Actor, r.Role, r.Action)));
        Assert.Equal(["identified>confirmed", "confirmed>assigned", "assigned>in_work", "in_work>worked_out"],
            logged.Select(r => r.Detail("from") + ">" + r.Detail("to")));
        Assert.Equal(department.ToString(), logged[1].Detail("department"));
        // The analysts' texts stay with the problem.
        Assert.DoesNotContain(logged, r => r.Details.Contains("стояк"));
    }

    [Theory]
    [InlineData(ProblemAction.Dismiss, null, "reason")]
    [InlineData(ProblemAction.WorkOut, "меры", "cannot go to 'worked_out'")]
    [InlineData(ProblemAction.StartWork, "причина", "cannot go to 'in_work'")]
    [InlineData(ProblemAction.Reopen, null, "cannot go to 'reopened'")]
    public async Task StepNotAllowed_IsRejectedAndChangesNothing(ProblemAction action, string? text, string message)
    {
        var id = await ProblemInStatusAsync("identified", 1 + (int)action);
        var lifecycle = new ProblemLifecycle(city.DataSource, TestClock.Create());

        var error = await Assert.ThrowsAsync<ProblemRejectedException>(() => lifecycle.ApplyAsync(id, action, TestActors.Analyst, text));

        Assert.Contains(message, error.Message);
        Assert.Equal("identified", await Scalar<string>("SELECT status FROM systemic_problems WHERE id = @id", id));
        Assert.Equal(1, await Scalar<long>("SELECT count(*) FROM systemic_problem_events WHERE problem_id = @id", id));
        Assert.DoesNotContain(await AuditRows.AboutAsync(city.DataSource, "problem", id.ToString()), r => r.Actor == "analyst");
    }

    [Fact]
    public async Task Assign_WithoutADepartment_IsRejected()
    {
        var id = await ProblemInStatusAsync("identified", 10);
        var lifecycle = new ProblemLifecycle(city.DataSource, TestClock.Create());
        await lifecycle.ApplyAsync(id, ProblemAction.Confirm, TestActors.Analyst);

        await Assert.ThrowsAsync<ProblemRejectedException>(() => lifecycle.ApplyAsync(id, ProblemAction.Assign, TestActors.Analyst));
        await Assert.ThrowsAsync<ProblemRejectedException>(() => lifecycle.ApplyAsync(id, ProblemAction.Assign, TestActors.Analyst, departmentId: 32000));
        Assert.Equal("confirmed", await Scalar<string>("SELECT status FROM systemic_problems WHERE id = @id", id));
    }

    [Fact]
    public async Task WorkedOut_ReopensWhenAppealsComeBack_AndIsVerifiedAfterEightQuietWeeks()
    {
        // Two problems of our own: one that goes on after it was "worked out", one that stopped for good.
        var mining = new SystemicMining(city.DataSource, TestClock.Create());
        var ongoing = Enumerable.Range(0, 20).SelectMany(w => new[] { 0, 3 }.Select(d => HandBuiltAppeals.WeekStart(w).AddDays(d)));
        var stopped = Enumerable.Range(14, 20).SelectMany(w => new[] { 0, 3 }.Select(d => HandBuiltAppeals.WeekStart(w).AddDays(d)));
        await HandBuiltAppeals.AddAsync(city.DataSource, "ongoing", "water_supply.low_pressure_house", 51.40, 71.95, ongoing);
        await HandBuiltAppeals.AddAsync(city.DataSource, "stopped", "water_supply.low_pressure_house", 51.45, 71.95, stopped);
        await mining.RunAsync(full: true);
        var ongoingId = (await HandBuiltAppeals.ProblemNearAsync(city.DataSource, "water_supply.low_pressure_house", 51.40, 71.95))!.Value.Id;
        var stoppedId = (await HandBuiltAppeals.ProblemNearAsync(city.DataSource, "water_supply.low_pressure_house", 51.45, 71.95))!.Value.Id;
        await using (var conn = await city.DataSource.OpenConnectionAsync())
        {
            // Worked out ten weeks ago, as if the steps had been taken then.
            await conn.ExecuteAsync("UPDATE systemic_problems SET status = 'worked_out', worked_out_at = city_now() - interval '10 weeks' WHERE id IN (@ongoingId, @stoppedId)",
                new { ongoingId, stoppedId });
        }

        await mining.RunAsync(full: true);

        Assert.Equal("reopened", await Scalar<string>("SELECT status FROM systemic_problems WHERE id = @id", ongoingId));
        Assert.Equal("verified", await Scalar<string>("SELECT status FROM systemic_problems WHERE id = @id", stoppedId));
        Assert.Equal("mining", await Scalar<string>("SELECT actor FROM systemic_problem_events WHERE problem_id = @id ORDER BY id DESC LIMIT 1", ongoingId));
        var reopened = Assert.Single(await AuditRows.AboutAsync(city.DataSource, "problem", ongoingId.ToString()));
        var verified = Assert.Single(await AuditRows.AboutAsync(city.DataSource, "problem", stoppedId.ToString()));
        Assert.Equal(("system:systemic-mining-full", "reopened"), (reopened.Actor, reopened.Detail("to")));
        Assert.Equal(("system:systemic-mining-full", "verified"), (verified.Actor, verified.Detail("to")));
    }

    private async Task<long> ProblemInStatusAsync(string status, int skip)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>(
            "SELECT id FROM systemic_problems WHERE status = @status AND is_current ORDER BY id OFFSET @skip LIMIT 1", new { status, skip });
    }

    private async Task<T> Scalar<T>(string sql, long id = 0)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return (await conn.ExecuteScalarAsync<T>(sql, new { id }))!;
    }
}
