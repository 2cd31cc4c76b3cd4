using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Platform.Database;

using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using IKomek.Dashboard.Platform.Access;
using Plotly.Blazor;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Appeals;

public sealed partial class AppealDetailPage : ComponentBase, IDisposable
{
    // The deadline is "near" from three quarters of the SLA on (the appeals issue's warning rule).
    private const double WarnAt = 0.75;

    private AppealDetail? _appeal;
    private bool _loaded;
    private CityReference.Snapshot? _reference;
    private IList<ITrace> _mapTraces = [];
    private Plotly.Blazor.Layout? _mapLayout;
    private LiveSubscription? _live;

    [Parameter] public string RegNumber { get; set; } = "";
    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }
    [Inject] private AppealsQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private AstanaClock Clock { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ILogger<AppealDetailPage> Log { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _reference = await Reference.GetAsync();
        await LoadAsync();
        // Another operator or node changing this appeal shows here at once.
        _live ??= new LiveSubscription(Feed, change => _appeal is { } a && change.FirstId <= a.Id && a.Id <= change.LastId,
            ReloadAsync, InvokeAsync, DispatchExceptionAsync, Log);
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var appeal = await Queries.GetAsync(RegNumber);
        var user = await Authentication.UserAsync();
        // Another department's appeal is, to a department head, not there (AppealScope): its page says not found.
        if (appeal is not null && !user.MaySeeDepartment(appeal.DepartmentId)) appeal = null;
        // Decided here, on the server: a reader without the right never receives the text, notes or flat as written.
        _appeal = appeal is null || user.SeesPersonalDataInScope() ? appeal : appeal.Redacted();
        _loaded = true;
        if (_appeal is { Lat: { } lat, Lon: { } lon } a && _reference is { } r)
        {
            var centres = r.DistrictCentres.OrderBy(c => c.Key).ToList();
            _mapTraces =
            [
                Traces.Points(T["common.district"], centres.Select(c => c.Value), ChartLayout.Palette.Grey, 10,
                    texts: centres.Select(c => Name(r.Districts, c.Key)), showText: true),
                Traces.Points(a.RegNumber, [(lat, lon)], a.IsCritical ? ChartLayout.Palette.Red : ChartLayout.Palette.Sky, 16, symbol: "star"),
            ];
            _mapLayout = ChartLayout.Base();
            _mapLayout.ShowLegend = false;
            var (x, y) = (_mapLayout.XAxis[0], _mapLayout.YAxis[0]);
            x.Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = T["appeal.longitude"] };
            x.Range = [71.25, 71.65];
            y.Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = T["appeal.latitude"] };
            y.Range = [51.0, 51.3];
            y.ScaleAnchor = "x";
            y.ScaleRatio = 1.6m;
        }
    }

    private string? SlaTone(AppealDetail a) => a.SlaUsed(Clock.UtcNow.UtcDateTime) switch
    {
        null => "good",
        >= 1 => "bad",
        >= WarnAt => "warn",
        _ => null,
    };

    private string SlaHint(AppealDetail a) => a.SlaUsed(Clock.UtcNow.UtcDateTime) switch
    {
        null => a.ResolvedAt is { } r ? $"{T["status.resolved"]} {AstanaClock.ToLocal(r):dd.MM.yyyy HH:mm}" : "",
        >= 1 => T["appeal.slaOverdue"],
        >= WarnAt and var used => $"{T["appeal.slaWarning"]}: {T.Format("appeal.slaUsed", used)}",
        var used => T.Format("appeal.slaUsed", used),
    };

    private string Name<TItem>(IReadOnlyDictionary<int, TItem>? items, int id) where TItem : RefItem => items?.GetValueOrDefault(id)?.Name(T) ?? "";

    public void Dispose() => _live?.Dispose();
}
