using Dapper;
using IKomek.Dashboard.Features.Administration;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Features.Intake.Open311;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace IKomek.Dashboard.Tests.Platform.City;

/// <summary>
/// The one reference copy against the real PostgreSQL: an edit of a reference table reaches intake and the API the
/// moment the change feed announces it, also after the node's LISTEN was down; the lifetime is only a backstop.
/// </summary>
public sealed class CityReferenceTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    private const int ServiceTypeId = 3;
    private readonly ChangeFeed _feed = new();
    private ChangeFeedListener _listener = null!;
    private CityReference _reference = null!;

    public async Task InitializeAsync()
    {
        _listener = new ChangeFeedListener(city.DataSource, _feed, TimeProvider.System, NullLogger<ChangeFeedListener>.Instance);
        await _listener.StartAsync(CancellationToken.None);
        await WaitForAsync(() => _feed.IsConnected);
        // The tests' clock: the copy never lapses by age here, so what the tests see came through the feed.
        _reference = new CityReference(city.DataSource, city.Clock, _feed);
    }

    public async Task DisposeAsync()
    {
        _reference.Dispose();
        await _listener.StopAsync(CancellationToken.None);
        _listener.Dispose();
    }

    [Fact]
    public async Task AdministratorsHoliday_MovesTheNextAppealsDeadline_RightAfterTheChange()
    {
        var intake = city.NewIntake(reference: _reference);
        var before = await intake.RegisterAsync(new NewAppeal("Нет света во всём доме", ServiceTypeId, 1, 51.16, 71.47));
        var sla = await SlaAsync();
        // The first working day the deadline counts becomes a holiday.
        var calendar = (await _reference.GetAsync()).Calendar;
        var day = DateOnly.FromDateTime(AstanaClock.ToLocal(before.CreatedAt).DateTime).AddDays(1);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);

        var announced = NextReferenceChange();
        Assert.True(await new AdministrationQueries(city.DataSource).AddHolidayAsync(TestActors.Admin, day, "День проверки"));
        await announced;
        var after = await intake.RegisterAsync(new NewAppeal("Нет света во всём доме", ServiceTypeId, 1, 51.16, 71.47));

        Assert.Equal(calendar.AddWorkingDays(before.CreatedAt, sla).Date, before.SlaDueAt.Date);
        var withHoliday = (await _reference.GetAsync()).Calendar;
        Assert.False(withHoliday.IsWorkingDay(day));
        Assert.Equal(withHoliday.AddWorkingDays(after.CreatedAt, sla).Date, after.SlaDueAt.Date);
        Assert.True(after.SlaDueAt.Date > before.SlaDueAt.Date, $"{after.SlaDueAt} after {before.SlaDueAt}");
    }

    [Fact]
    public async Task EditedServiceType_IsSeenByIntakeAndTheApi_RightAfterTheChange()
    {
        var intake = city.NewIntake(reference: _reference);
        var open311 = new Open311Queries(city.DataSource, _reference, city.Clock);
        var first = await intake.RegisterAsync(new NewAppeal("Нет света во всём доме", ServiceTypeId, 1, 51.16, 71.47));
        var code = (await _reference.GetAsync()).ServiceTypes[ServiceTypeId].Code;
        Assert.Single(await open311.GetServicesAsync(code, CancellationToken.None));

        var announced = NextReferenceChange();
        await using (var conn = await city.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("UPDATE service_types SET sla_working_days = sla_working_days + 5, name_en = 'Renamed for the test' WHERE id = @id",
                new { id = ServiceTypeId });
        }
        await announced;
        var second = await intake.RegisterAsync(new NewAppeal("Нет света во всём доме", ServiceTypeId, 1, 51.16, 71.47));

        var calendar = (await _reference.GetAsync()).Calendar;
        Assert.Equal(calendar.AddWorkingDays(second.CreatedAt, await SlaAsync()).Date, second.SlaDueAt.Date);
        Assert.True(second.SlaDueAt > first.SlaDueAt.AddDays(5), $"{second.SlaDueAt} against {first.SlaDueAt}");
        Assert.Equal("Renamed for the test", Assert.Single(await open311.GetServicesAsync(code, CancellationToken.None)).NameEn);
    }

    [Fact]
    public async Task ChangeWhileTheListenWasDown_IsNotServedStale()
    {
        var before = await _reference.GetAsync();
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _feed.ConnectionChanged += connected => { if (connected) reconnected.TrySetResult(); };

        await using (var conn = await city.DataSource.OpenConnectionAsync())
        {
            // The listener's connection: its last statement was its LISTEN or its read of the feed by snapshot.
            Assert.Equal(1, await conn.ExecuteScalarAsync<int>("""
                SELECT count(pg_terminate_backend(pid))::int FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                  AND (query LIKE 'LISTEN%' OR query LIKE '%pg_current_snapshot%')
                """));
            await conn.ExecuteAsync("UPDATE districts SET name_en = name_en || ' (edited)' WHERE id = 1");
        }
        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.EndsWith(" (edited)", (await _reference.GetAsync()).Districts[1].NameEn);
        Assert.DoesNotContain("(edited)", before.Districts[1].NameEn);
    }

    [Fact]
    public async Task WithoutTheFeed_TheCopyLapsesAfterItsLifetime()
    {
        var clock = new ManualClock(TestClock.Now);
        using var reference = new CityReference(city.DataSource, clock);
        var first = await reference.GetAsync();

        Assert.Same(first, await reference.GetAsync());
        clock.Advance(CityReference.Lifetime);
        Assert.NotSame(first, await reference.GetAsync());
    }

    [Fact]
    public async Task Snapshot_HoldsCodesNamesRulesAndTheCalendar()
    {
        var s = await _reference.GetAsync();
        await using var conn = await city.DataSource.OpenConnectionAsync();

        Assert.Equal(await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM service_types"), s.ServiceTypes.Count);
        var type = s.ServiceTypes[ServiceTypeId];
        Assert.Same(type, s.ServiceTypesByCode[type.Code]);
        Assert.True(s.Areas.ContainsKey(type.AreaId) && s.Departments.ContainsKey(type.DepartmentId));
        Assert.Contains(s.ServiceTypes.Values, t => t.Keywords.Count > 0);
        Assert.Equal(s.Districts.Count, s.CentreList.Count);
        Assert.Equal(s.ChannelsByCode.Count, s.Channels.Count);
        var holiday = DateOnly.FromDateTime(await conn.ExecuteScalarAsync<DateTime>("SELECT min(day)::timestamp FROM holidays"));
        Assert.False(s.Calendar.IsWorkingDay(holiday));
    }

    private async Task<int> SlaAsync()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>("SELECT sla_working_days::int FROM service_types WHERE id = @id", new { id = ServiceTypeId });
    }

    /// <summary>Completes when the feed delivers the next 'reference' change (after the copy has dropped itself).</summary>
    private Task NextReferenceChange()
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = _feed.Subscribe(c => { if (c.Kind == CityReference.ChangeKind) seen.TrySetResult(); });
        return seen.Task.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(t => { subscription.Dispose(); return t; }).Unwrap();
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in 20 s");
            await Task.Delay(20);
        }
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
