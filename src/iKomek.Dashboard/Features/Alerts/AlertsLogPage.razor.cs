using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IKomek.Dashboard.Features.Alerts;

public sealed partial class AlertsLogPage
{
    [Inject] private AlertsQueries Queries { get; set; } = default!;
    [Inject] private AlertAcks Acks { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private ILogger<AlertsLogPage> Log { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<AlertLogRow>? _rows;
    private IReadOnlyList<AlertDeliveryRow>? _deliveries;
    private long? _open;
    private string? _kind;
    private string _state = "all";
    private bool _criticalOnly;
    private LiveSubscription? _live;

    protected override async Task OnInitializedAsync()
    {
        // Alerts are raised on these changes: the log follows a moment after.
        _live = new LiveSubscription(Feed, AlertSourcesListener.Concerns, RefreshAsync, InvokeAsync, DispatchExceptionAsync, Log,
            TimeSpan.FromSeconds(1));
        await LoadAsync();
    }

    private async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var user = await Access.UserAsync();
        _rows = await Queries.GetLogAsync(new AlertLogFilter(_kind,
            _state switch { "open" => false, "acknowledged" => true, _ => null }, _criticalOnly, user.OwnDepartment()));
        if (_open is { } id) _deliveries = await Queries.GetDeliveriesAsync(id);
    }

    private async Task ToggleAsync(long alertId)
    {
        if (_open == alertId)
        {
            (_open, _deliveries) = (null, null);
            return;
        }
        _open = alertId;
        _deliveries = await Queries.GetDeliveriesAsync(alertId);
    }

    private async Task AcknowledgeAsync(long alertId)
    {
        var user = await Access.UserAsync();
        // The page's rows are the reader's scope; a department head acknowledges only the own department's.
        if (_rows?.FirstOrDefault(r => r.Id == alertId) is not { } row || user.OwnDepartment() is { } own && row.DepartmentId != own) return;
        await Acks.AcknowledgeAsync(alertId, Actor.Of(user, Address.Value), "panel");
        Snackbar.Add(T["notify.log.acknowledgedNow"], Severity.Success);
        await LoadAsync();
    }

    private static string Local(DateTime utc) => AlertTimes.Local(utc);

    public void Dispose() => _live?.Dispose();
}

/// <summary>Times of alerts as the office reads them: Astana's.</summary>
public static class AlertTimes
{
    public static string Local(DateTime utc) =>
        AstanaClock.ToLocal(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("dd.MM.yyyy HH:mm:ss", System.Globalization.CultureInfo.CurrentCulture);
}
