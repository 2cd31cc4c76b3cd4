using Dapper;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Appeals;

/// <summary>The lifecycle's transitions and their guards against the real PostgreSQL.</summary>
public sealed class AppealLifecycleTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task FullPath_ForwardWaitResolveCloseReopen_IsRecordedEventByEvent()
    {
        var id = await NewAppealAsync();
        var clock = new ManualClock(city.Clock.GetUtcNow().AddSeconds(1));
        var lifecycle = new AppealLifecycle(city.DataSource, clock);
        var (org1, org2) = await TwoOrganisationsAsync();

        await lifecycle.ApplyAsync(id, AppealAction.Assign, TestActors.Operator, organisationId: org1);
        await lifecycle.ApplyAsync(id, AppealAction.Forward, TestActors.Operator, "не наш участок", org2);
        await lifecycle.ApplyAsync(id, AppealAction.WaitForCitizen, TestActors.Operator, "нужен доступ в квартиру");
        var dueBefore = await Scalar<DateTime>("SELECT sla_due_at FROM appeals WHERE id = @id", id);
        clock.Advance(TimeSpan.FromHours(5));
        await lifecycle.ApplyAsync(id, AppealAction.StartWork, TestActors.Operator);
        await lifecycle.ApplyAsync(id, AppealAction.Resolve, TestActors.Operator, "заменили задвижку");
        await lifecycle.ApplyAsync(id, AppealAction.Close, TestActors.Operator, satisfaction: 2);
        await lifecycle.ApplyAsync(id, AppealAction.Reopen, TestActors.Operator, "вода снова пропала");

        var dueAfter = await Scalar<DateTime>("SELECT sla_due_at FROM appeals WHERE id = @id", id);
        Assert.Equal(TimeSpan.FromHours(5), dueAfter - dueBefore);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var row = await conn.QuerySingleAsync<(string Status, int Forwards, int Reopens, int? Org, DateTime? Resolved, short? Satisfaction, bool Fcr)>(
            "SELECT status, forward_count::int, reopened_count::int, organisation_id, resolved_at, satisfaction, first_contact_resolved FROM appeals WHERE id = @id", new { id });
        Assert.Equal(("reopened", 1, 1, org2, null, null, false), (row.Status, row.Forwards, row.Reopens, row.Org, row.Resolved, row.Satisfaction, row.Fcr));
        var events = (await conn.QueryAsync<string>("SELECT status FROM appeal_events WHERE appeal_id = @id ORDER BY at, id", new { id })).ToList();
        Assert.Equal(["registered", "assigned", "forwarded", "waiting_citizen", "in_progress", "resolved", "closed", "reopened"], events);
    }

    [Fact]
    public async Task ResolvedAtRegistration_IsFirstContactResolution()
    {
        var lifecycle = new AppealLifecycle(city.DataSource, TestClock.Create());
        var id = await NewAppealAsync();

        await lifecycle.ApplyAsync(id, AppealAction.Resolve, TestActors.Operator, "разъяснено оператором");

        Assert.True(await Scalar<bool>("SELECT first_contact_resolved FROM appeals WHERE id = @id", id));
    }

    [Theory]
    [InlineData(AppealAction.Close, "cannot be closed")]
    [InlineData(AppealAction.Reopen, "cannot be reopened")]
    [InlineData(AppealAction.StartWork, "cannot be taken into work")]
    public async Task ActionNotAllowedByTheStatus_IsRejectedAndChangesNothing(AppealAction action, string message)
    {
        var lifecycle = new AppealLifecycle(city.DataSource, TestClock.Create());
        var id = await NewAppealAsync();

        var error = await Assert.ThrowsAsync<LifecycleRejectedException>(() => lifecycle.ApplyAsync(id, action, TestActors.Operator, "x", satisfaction: 5));

        Assert.Contains(message, error.Message);
        Assert.Equal("registered", await Scalar<string>("SELECT status FROM appeals WHERE id = @id", id));
        Assert.Equal(1, await Scalar<long>("SELECT count(*) FROM appeal_events WHERE appeal_id = @id", id));
    }

    [Fact]
    public async Task MissingWhatAnActionNeeds_IsRejected()
    {
        var lifecycle = new AppealLifecycle(city.DataSource, TestClock.Create());
        var id = await NewAppealAsync();

        await Assert.ThrowsAsync<LifecycleRejectedException>(() => lifecycle.ApplyAsync(id, AppealAction.Assign, TestActors.Operator));
        await Assert.ThrowsAsync<LifecycleRejectedException>(() => lifecycle.ApplyAsync(id, AppealAction.Assign, TestActors.Operator, organisationId: 999_999));
        await lifecycle.ApplyAsync(id, AppealAction.Resolve, TestActors.Operator);
        await Assert.ThrowsAsync<LifecycleRejectedException>(() => lifecycle.ApplyAsync(id, AppealAction.Close, TestActors.Operator, satisfaction: 7));
        await Assert.ThrowsAsync<LifecycleRejectedException>(() => lifecycle.ApplyAsync(id, AppealAction.Reopen, TestActors.Operator, note: " "));
        await Assert.ThrowsAsync<LifecycleRejectedException>(() => lifecycle.ApplyAsync(-1, AppealAction.Resolve, TestActors.Operator));
    }

    private async Task<long> NewAppealAsync() =>
        (await city.NewIntake()
            .RegisterAsync(new NewAppeal("Нет воды", 40, 1, 51.13 + Random.Shared.NextDouble() / 100, 71.43))).AppealId;

    private async Task<(int, int)> TwoOrganisationsAsync()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var ids = (await conn.QueryAsync<int>("SELECT id FROM organisations ORDER BY id LIMIT 2")).ToList();
        return (ids[0], ids[1]);
    }

    private async Task<T> Scalar<T>(string sql, long id)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return (await conn.ExecuteScalarAsync<T>(sql, new { id }))!;
    }

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
