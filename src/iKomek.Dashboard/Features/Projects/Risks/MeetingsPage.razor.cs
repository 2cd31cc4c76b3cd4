using System.Globalization;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace IKomek.Dashboard.Features.Projects.Risks;

/// <summary>
/// The akimat meetings (/projects/meetings): the next meeting's agenda, the risks flagged for it that are not on an
/// agenda yet, and the past meetings with their decisions; /projects/meetings/{yyyy-MM-dd} is one meeting. Signed-in
/// readers only; the project office schedules, fills the agenda and records the decisions.
/// </summary>
public sealed partial class MeetingsPage : ComponentBase, IDisposable
{
    /// <summary>Past meetings shown with their decisions; older ones are a link away.</summary>
    private const int PastShown = 6;

    private IReadOnlyList<MeetingSummary>? _meetings;
    private IReadOnlyList<MeetingSummary> _upcoming = [];
    private IReadOnlyList<AgendaItem> _agenda = [];
    private IReadOnlyList<ProposedRisk> _proposed = [];
    private List<(MeetingSummary, IReadOnlyList<AgendaItem>)> _past = [];
    private MeetingSummary? _shown;
    private ProposedRisk? _risk;
    private DateOnly _today;
    private int? _own;
    private string? _newDate, _scheduleError;
    private bool _proposing;
    private LiveSubscription? _live;

    /// <summary>One meeting's date (yyyy-MM-dd), or null for the overview.</summary>
    [Parameter] public string? Date { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }
    [Inject] private AkimatMeetings Meetings { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<MeetingsPage> Log { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override void OnInitialized() =>
        _live = new LiveSubscription(Feed, change => change.Kind == "projects", ReloadAsync, InvokeAsync, DispatchExceptionAsync, Log);

    protected override async Task OnParametersSetAsync()
    {
        _own = (await Authentication.UserAsync()).OwnDepartment();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _today = await Meetings.TodayAsync();
        var meetings = await Meetings.GetMeetingsAsync();
        _upcoming = meetings.Where(m => !m.IsHeld && m.Date >= _today).OrderBy(m => m.Date).ToList();
        _shown = Date is null ? AkimatMeetings.Next(meetings, _today)
            : DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? meetings.FirstOrDefault(m => m.Date == day) : null;
        _agenda = _shown is null ? [] : await Meetings.GetAgendaAsync(_shown.Id);
        if (Date is null)
        {
            _proposed = await Meetings.GetProposedAsync();
            _past = [];
            foreach (var m in meetings.Where(m => m.IsHeld).Take(PastShown)) _past.Add((m, await Meetings.GetAgendaAsync(m.Id)));
        }
        _meetings = meetings;
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private void Propose(ProposedRisk risk) => (_risk, _proposing) = (risk, true);

    private async Task ScheduleAsync()
    {
        var user = await Access.UserAsync();
        if (!user.May(CityAction.EditProjects))
        {
            _scheduleError = T["access.denied"];
            return;
        }
        if (!DateOnly.TryParseExact(_newDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            _scheduleError = T["risks.error.meetingDateRequired"];
            return;
        }
        try
        {
            await Meetings.ScheduleAsync(day, Actor.Of(user, Address.Value));
        }
        catch (MeetingRejectedException e)
        {
            _scheduleError = T.Format(e.Key, e.Args);
            return;
        }
        (_scheduleError, _newDate) = (null, null);
        Snackbar.Add(T["risks.saved.schedule"], Severity.Success);
        await LoadAsync();
    }

    public void Dispose() => _live?.Dispose();
}
