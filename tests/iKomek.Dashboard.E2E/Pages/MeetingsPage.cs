using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the akimat meetings (/projects/meetings): the next agenda, flagged risks, past decisions, and the project office's forms.</summary>
public sealed class MeetingsPage(IPage page) : AppPage(page)
{
    public const string Path = "/projects/meetings";

    public static Task<MeetingsPage> OpenAsync(DashboardFixture fixture, string? signedInAs = "project.office", int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new MeetingsPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Page.Locator(".panel.past");

    public ILocator ScheduleDate => Page.GetByTestId("meeting-date");

    public ILocator ScheduleButton => Page.GetByTestId("meeting-schedule-save");

    public ILocator ScheduleError => Page.GetByTestId("meeting-schedule-error");

    /// <summary>The next meeting's agenda (the first agenda on the page).</summary>
    public ILocator NextAgenda => Page.Locator(".next").GetByTestId("meeting-agenda");

    public ILocator Proposed(int riskId) => Page.Locator($"[data-testid=proposed-risk][data-risk='{riskId}']");

    public ILocator AgendaItem(int riskId) => NextAgenda.Locator($"[data-testid=agenda-item][data-risk='{riskId}']");

    public ILocator PastMeetings => Page.GetByTestId("meeting-past");

    public ILocator Snackbars => Page.Locator(".mud-snackbar");

    // The agenda dialog.
    public ILocator AgendaDialog => Page.Locator(".mud-dialog").Filter(new() { Has = Page.GetByTestId("agenda-owner") });
    public ILocator AgendaOwner => AgendaDialog.GetByTestId("agenda-owner");
    public ILocator AgendaDue => AgendaDialog.GetByTestId("agenda-due");
    public ILocator AgendaSave => AgendaDialog.GetByTestId("agenda-save");
    public ILocator AgendaError => AgendaDialog.GetByTestId("agenda-error");

    // The decision dialog.
    public ILocator DecisionDialog => Page.Locator(".mud-dialog").Filter(new() { Has = Page.GetByTestId("decision-text") });
    public ILocator DecisionText => DecisionDialog.GetByTestId("decision-text");
    public ILocator DecisionSave => DecisionDialog.GetByTestId("decision-save");
    public ILocator DecisionError => DecisionDialog.GetByTestId("decision-error");

    public ILocator MarkHeld => NextAgenda.GetByTestId("meeting-mark-held");

    public async Task ScheduleAsync(string isoDate)
    {
        await ScheduleDate.FillAsync(isoDate);
        await ScheduleButton.ClickAsync();
    }
}
