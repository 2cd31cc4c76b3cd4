using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IKomek.Dashboard.Features.Projects.Risks;

public sealed partial class MeetingAgenda : ComponentBase
{
    private static readonly DialogOptions DialogOptions = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    private AgendaItem? _item;
    private string? _decision, _error, _dialogError;
    private bool _deciding;

    [Parameter, EditorRequired] public MeetingSummary Meeting { get; set; } = default!;
    [Parameter, EditorRequired] public IReadOnlyList<AgendaItem> Items { get; set; } = [];
    [Parameter] public DateOnly Today { get; set; }

    /// <summary>A department head's department: only its items are shown, the others counted.</summary>
    [Parameter] public int? OwnDepartment { get; set; }

    /// <summary>Called after a change, so the page reads the meeting again.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    [Inject] private AkimatMeetings Agenda { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    private IEnumerable<AgendaItem> Shown => OwnDepartment is { } own ? Items.Where(i => i.DepartmentId == own) : Items;

    private int Hidden => Items.Count - Shown.Count();

    /// <summary>Decisions are recorded from the meeting's day on, until it is marked held.</summary>
    private bool MayDecide => !Meeting.IsHeld && Meeting.Date <= Today;

    private void OpenDecision(AgendaItem item) => (_item, _decision, _dialogError, _deciding) = (item, null, null, true);

    private async Task SaveDecisionAsync()
    {
        if (_item is null) return;
        _dialogError = await RunAsync(actor => Agenda.RecordDecisionAsync(Meeting.Date, _item.RiskId, _decision, actor), "risks.saved.decision");
        if (_dialogError is null) _deciding = false;
    }

    private async Task MarkHeldAsync() => _error = await RunAsync(actor => Agenda.MarkHeldAsync(Meeting.Date, actor), "risks.saved.held");

    /// <summary>Runs a change as the reader (checked here, not only by the hidden buttons); the refusal's text, or null when done.</summary>
    private async Task<string?> RunAsync(Func<Actor, Task> change, string savedKey)
    {
        var user = await Access.UserAsync();
        if (!user.May(CityAction.EditProjects)) return T["access.denied"];
        try
        {
            await change(Actor.Of(user, Address.Value));
        }
        catch (MeetingRejectedException e)
        {
            return T.Format(e.Key, e.Args);
        }
        // Done: an earlier refusal (say, "no decision yet" before this decision) no longer holds.
        _error = null;
        Snackbar.Add(T[savedKey], Severity.Success);
        await Changed.InvokeAsync();
        return null;
    }
}
