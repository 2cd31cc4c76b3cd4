using Dapper;
using IKomek.Dashboard.Features.Projects.Risks;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Projects;

/// <summary>
/// The akimat meeting's workflow on a real database: each rule refuses with its own reason and changes nothing, and each
/// change writes its audit row with the actor. Today is 2026-03-31; each test uses meeting dates of its own.
/// </summary>
public sealed class AkimatMeetingsTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    private static readonly Actor Office = new("project.office", "project_office");
    private static readonly SemaphoreSlim Planting = new(1, 1);
    private static readonly Dictionary<string, RiskSeed> Planted = [];
    private RiskSeed _seed = null!;

    public async Task InitializeAsync()
    {
        await Planting.WaitAsync();
        try
        {
            if (!Planted.TryGetValue(city.ConnectionString, out var seed)) Planted[city.ConnectionString] = seed = await RiskSeed.PlantAsync(city.DataSource);
            _seed = seed;
        }
        finally
        {
            Planting.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private AkimatMeetings Meetings => new(city.DataSource);

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> RefusedAsync(Func<Task> act) => (await Assert.ThrowsAsync<MeetingRejectedException>(act)).Key;

    private Task<IReadOnlyList<AuditRow>> AuditAsync(string date) => AuditRows.AboutAsync(city.DataSource, AkimatMeetings.SubjectKind, date);

    private async Task<long> ItemsAsync(string date)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM akimat_meeting_items i JOIN akimat_meetings m ON m.id = i.meeting_id WHERE m.held_on = @date::date", new { date });
    }

    [Fact]
    public async Task Schedule_NotInThePast_OncePerDay_Audited()
    {
        await Meetings.ScheduleAsync(Day("2026-04-01"), Office);

        Assert.Equal("risks.error.meetingExists", await RefusedAsync(() => Meetings.ScheduleAsync(Day("2026-04-01"), Office)));
        Assert.Equal("risks.error.meetingPast", await RefusedAsync(() => Meetings.ScheduleAsync(Day("2026-03-30"), Office)));
        var audit = Assert.Single(await AuditAsync("2026-04-01"));
        Assert.Equal((AkimatMeetings.ScheduleAction, "project.office", "project_office"), (audit.Action, audit.Actor, audit.Role));
        Assert.Empty(await AuditAsync("2026-03-30"));
        Assert.Contains(await Meetings.GetMeetingsAsync(), m => m.Date == Day("2026-04-01") && m.Status == "planned");
    }

    [Fact]
    public async Task PutOnAgenda_EachBadInput_RefusedWithItsReason_NothingStored()
    {
        await Meetings.ScheduleAsync(Day("2026-05-05"), Office);
        var meeting = Day("2026-05-05");
        var before = (await new RiskRegisterQueries(city.DataSource).GetRisksAsync(new RiskFilter())).Single(r => r.Id == _seed.C);

        Assert.Equal("risks.error.ownerRequired", await RefusedAsync(() => Meetings.PutOnAgendaAsync(_seed.C, meeting, "  ", Day("2026-05-20"), Office)));
        Assert.Equal("risks.error.dueRequired", await RefusedAsync(() => Meetings.PutOnAgendaAsync(_seed.C, meeting, "Ким Л. В.", null, Office)));
        var early = await Assert.ThrowsAsync<MeetingRejectedException>(() => Meetings.PutOnAgendaAsync(_seed.C, meeting, "Ким Л. В.", Day("2026-05-04"), Office));
        Assert.Equal(("risks.error.dueBeforeMeeting", (object)Day("2026-05-04")), (early.Key, early.Args[0]));
        Assert.Equal("risks.error.riskClosed", await RefusedAsync(() => Meetings.PutOnAgendaAsync(_seed.Closed, meeting, "Ким", Day("2026-05-20"), Office)));
        Assert.Equal("risks.error.noRisk", await RefusedAsync(() => Meetings.PutOnAgendaAsync(999_999, meeting, "Ким", Day("2026-05-20"), Office)));
        Assert.Equal("risks.error.noMeeting", await RefusedAsync(() => Meetings.PutOnAgendaAsync(_seed.C, Day("2026-05-06"), "Ким", Day("2026-05-20"), Office)));

        Assert.Equal(0, await ItemsAsync("2026-05-05"));
        Assert.Equal([AkimatMeetings.ScheduleAction], (await AuditAsync("2026-05-05")).Select(a => a.Action));
        var after = (await new RiskRegisterQueries(city.DataSource).GetRisksAsync(new RiskFilter())).Single(r => r.Id == _seed.C);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Meeting_FromAgendaToDecisionsToHeld()
    {
        var day = Day("2026-03-31");
        await Meetings.ScheduleAsync(day, Office);
        var meeting = (await Meetings.GetMeetingsAsync()).Single(m => m.Date == day);

        await Meetings.PutOnAgendaAsync(_seed.B, day, " Сейтова Д. ", Day("2026-04-30"), Office);
        await Meetings.PutOnAgendaAsync(_seed.D, day, "Омаров Е.", Day("2026-03-31"), Office);
        Assert.Equal("risks.error.alreadyOnAgenda", await RefusedAsync(() => Meetings.PutOnAgendaAsync(_seed.B, day, "Другой", Day("2026-05-01"), Office)));

        var agenda = await Meetings.GetAgendaAsync(meeting.Id);
        Assert.Equal([(_seed.B, 1, "Сейтова Д."), (_seed.D, 2, "Омаров Е.")], agenda.Select(i => (i.RiskId, i.Position, i.Owner)));
        var b = (await new RiskRegisterQueries(city.DataSource).GetRisksAsync(new RiskFilter())).Single(r => r.Id == _seed.B);
        Assert.Equal(("Сейтова Д.", (DateTime?)new DateTime(2026, 4, 30), true, (DateTime?)new DateTime(2026, 3, 31)), (b.Owner, b.DueDate, b.ToMeeting, b.AgendaDate));
        Assert.DoesNotContain(await Meetings.GetProposedAsync(), p => p.RiskId == _seed.B);

        // Held needs every decision: the undecided item is named, and nothing changes.
        Assert.Equal("risks.error.decisionRequired", await RefusedAsync(() => Meetings.RecordDecisionAsync(day, _seed.B, " ", Office)));
        await Meetings.RecordDecisionAsync(day, _seed.B, "Подрядчику ускорить работы, отчёт к 30.04", Office);
        var undecided = await Assert.ThrowsAsync<MeetingRejectedException>(() => Meetings.MarkHeldAsync(day, Office));
        Assert.Equal(("risks.error.undecided", (object)_seed.OtherCode), (undecided.Key, undecided.Args[0]));
        Assert.Equal("planned", (await Meetings.GetMeetingsAsync()).Single(m => m.Date == day).Status);

        await Meetings.RecordDecisionAsync(day, _seed.D, "Снять с контроля", Office);
        await Meetings.MarkHeldAsync(day, Office);

        var held = (await Meetings.GetMeetingsAsync()).Single(m => m.Date == day);
        Assert.Equal(("held", 2L, 2L), (held.Status, held.Items, held.Decided));
        Assert.Equal(["Подрядчику ускорить работы, отчёт к 30.04", "Снять с контроля"], (await Meetings.GetAgendaAsync(meeting.Id)).Select(i => i.Decision));
        Assert.Equal("risks.error.meetingHeld", await RefusedAsync(() => Meetings.RecordDecisionAsync(day, _seed.B, "Иначе", Office)));
        Assert.Equal("risks.error.meetingHeld", await RefusedAsync(() => Meetings.PutOnAgendaAsync(_seed.C, day, "Ким", Day("2026-04-30"), Office)));
        var after = (await new RiskRegisterQueries(city.DataSource).GetRisksAsync(new RiskFilter())).Single(r => r.Id == _seed.B);
        Assert.False(after.ToMeeting);

        var audit = await AuditAsync("2026-03-31");
        Assert.Equal([AkimatMeetings.ScheduleAction, AkimatMeetings.AgendaAction, AkimatMeetings.AgendaAction, AkimatMeetings.DecisionAction,
            AkimatMeetings.DecisionAction, AkimatMeetings.HeldAction], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("project.office", a.Actor));
        Assert.Equal(_seed.EnergyCode, audit.First(a => a.Action == AkimatMeetings.AgendaAction).Detail("project"));
    }

    [Fact]
    public async Task DecisionsAndHeld_WaitForTheMeetingsDay_AndAnAgenda()
    {
        var future = Day("2026-04-10");
        await Meetings.ScheduleAsync(future, Office);
        await Meetings.PutOnAgendaAsync(_seed.C, future, "Ким Л. В.", Day("2026-04-10"), Office);

        Assert.Equal("risks.error.decisionBeforeMeeting", await RefusedAsync(() => Meetings.RecordDecisionAsync(future, _seed.C, "Решено", Office)));
        Assert.Equal("risks.error.heldBeforeDate", await RefusedAsync(() => Meetings.MarkHeldAsync(future, Office)));

        // A meeting that took place with nothing on its agenda (planted: a past date cannot be scheduled).
        await using (var conn = await city.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("INSERT INTO akimat_meetings (held_on) VALUES ('2026-03-25')");
        }
        Assert.Equal("risks.error.emptyAgenda", await RefusedAsync(() => Meetings.MarkHeldAsync(Day("2026-03-25"), Office)));
        Assert.Equal("risks.error.notOnAgenda", await RefusedAsync(() => Meetings.RecordDecisionAsync(Day("2026-03-25"), _seed.C, "Решено", Office)));
        Assert.Equal([AkimatMeetings.ScheduleAction, AkimatMeetings.AgendaAction], (await AuditAsync("2026-04-10")).Select(a => a.Action));
        Assert.Empty(await AuditAsync("2026-03-25"));
    }

    [Fact]
    public void NextMeeting_IsTheFirstPlannedFromToday_ElseTheOldestStillPlanned()
    {
        var today = Day("2026-03-31");
        MeetingSummary M(int id, string date, string status) => new(id, Day(date).ToDateTime(TimeOnly.MinValue), status, 0, 0);

        Assert.Equal(3, AkimatMeetings.Next([M(1, "2026-03-20", "held"), M(2, "2026-03-24", "planned"), M(3, "2026-04-07", "planned"), M(4, "2026-04-14", "planned")], today)!.Id);
        Assert.Equal(2, AkimatMeetings.Next([M(1, "2026-03-20", "held"), M(2, "2026-03-24", "planned")], today)!.Id);
        Assert.Null(AkimatMeetings.Next([M(1, "2026-03-20", "held")], today));
    }
}
