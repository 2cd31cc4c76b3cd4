using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Projects;

/// <summary>
/// The akimat meeting's workflow in a real browser, as the project office: schedule today's meeting, put a flagged risk
/// on its agenda (bad input refused with its reason), record the decision, mark the meeting held; the audit log names
/// the office for every step.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class MeetingsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task ProjectOffice_PutsARiskOnTheAgenda_RecordsTheDecision_AndMarksTheMeetingHeld()
    {
        int risk;
        await using (var db = await fixture.OpenDatabaseAsync())
        await using (var conn = await db.OpenConnectionAsync())
        {
            // Today's meeting is this test's (a demo meeting of that day would stand in its way).
            await conn.ExecuteAsync("""
                DELETE FROM akimat_meeting_items WHERE meeting_id IN (SELECT id FROM akimat_meetings WHERE held_on = '2026-03-31');
                DELETE FROM akimat_meetings WHERE held_on = '2026-03-31';
                """);
            // A risk flagged "to the akimat meeting" (as the project's card would flag it), no owner yet.
            risk = await conn.ExecuteScalarAsync<int>("""
                UPDATE project_risks SET to_meeting = true, owner = NULL
                WHERE id = (SELECT min(id) FROM project_risks WHERE is_open AND severity = 3 AND NOT to_meeting) RETURNING id
                """);
        }
        var meetings = await MeetingsPage.OpenAsync(fixture);
        await PageChecks.OpensWholeAsync(meetings, "Совещания в акимате");

        await meetings.ScheduleAsync("2026-03-30");
        await Assertions.Expect(meetings.ScheduleError).ToContainTextAsync("уже прошла");
        await meetings.ScheduleAsync("2026-03-31");
        await Assertions.Expect(meetings.NextAgenda).ToBeVisibleAsync();

        await meetings.Proposed(risk).GetByTestId("proposed-put-on-agenda").ClickAsync();
        await meetings.AgendaSave.ClickAsync();
        await Assertions.Expect(meetings.AgendaError).ToHaveTextAsync("Укажите ответственного.");
        await meetings.AgendaOwner.FillAsync("Сейтова Д. А.");
        await meetings.AgendaDue.FillAsync("2026-03-20");
        await meetings.AgendaSave.ClickAsync();
        await Assertions.Expect(meetings.AgendaError).ToHaveTextAsync("Срок 20.03.2026 раньше совещания 31.03.2026: срок не может быть до совещания.");
        await meetings.AgendaDue.FillAsync("2026-04-30");
        await meetings.AgendaSave.ClickAsync();
        await Assertions.Expect(meetings.AgendaItem(risk).GetByTestId("agenda-item-owner")).ToHaveTextAsync("Сейтова Д. А.");
        await Assertions.Expect(meetings.AgendaItem(risk).GetByTestId("agenda-item-due")).ToHaveTextAsync("30.04.2026");
        await Assertions.Expect(meetings.Proposed(risk)).ToHaveCountAsync(0);

        await meetings.MarkHeld.ClickAsync();
        await Assertions.Expect(meetings.NextAgenda.GetByTestId("meeting-error")).ToContainTextAsync("Нет решения по вопросам проектов");
        await meetings.AgendaItem(risk).GetByTestId("agenda-item-decide").ClickAsync();
        await meetings.DecisionSave.ClickAsync();
        await Assertions.Expect(meetings.DecisionError).ToHaveTextAsync("Впишите решение.");
        await meetings.DecisionText.FillAsync("Подрядчику усилить бригады; отчёт на следующем совещании");
        await meetings.DecisionSave.ClickAsync();
        await Assertions.Expect(meetings.AgendaItem(risk).GetByTestId("agenda-item-decision")).ToContainTextAsync("Подрядчику усилить бригады");
        await meetings.ScreenshotsAsync("meetings");
        await meetings.ResizeAsync(1920, 1080);

        await meetings.MarkHeld.ClickAsync();
        var past = meetings.PastMeetings.Filter(new() { HasText = "31.03.2026" });
        await Assertions.Expect(past.GetByTestId("agenda-item-decision")).ToContainTextAsync("Подрядчику усилить бригады");
        await Assertions.Expect(past.GetByTestId("meeting-agenda")).ToHaveAttributeAsync("data-status", "held");
        await meetings.CloseAsync();

        await using (var db = await fixture.OpenDatabaseAsync())
        await using (var conn = await db.OpenConnectionAsync())
        {
            var audit = (await conn.QueryAsync<(string Action, string Actor, string? Role)>("""
                SELECT action, actor, actor_role FROM audit_log WHERE subject_kind = 'meeting' AND subject_id = '2026-03-31' ORDER BY id
                """)).ToList();
            Assert.Equal([("meeting.schedule", "project.office", "project_office"), ("meeting.agenda", "project.office", "project_office"),
                ("meeting.decision", "project.office", "project_office"), ("meeting.held", "project.office", "project_office")], audit);
            Assert.False(await conn.ExecuteScalarAsync<bool>("SELECT to_meeting FROM project_risks WHERE id = @risk", new { risk }));
        }
    }

    [Fact]
    public async Task Analyst_ReadsTheMeetings_WithoutTheOfficesForms()
    {
        var meetings = await MeetingsPage.OpenAsync(fixture, signedInAs: "analyst");

        await Assertions.Expect(meetings.Heading).ToHaveTextAsync("Совещания в акимате");
        await Assertions.Expect(meetings.ScheduleButton).ToHaveCountAsync(0);
        await Assertions.Expect(meetings.Page.GetByTestId("proposed-put-on-agenda")).ToHaveCountAsync(0);
        await meetings.CloseAsync();
    }
}
