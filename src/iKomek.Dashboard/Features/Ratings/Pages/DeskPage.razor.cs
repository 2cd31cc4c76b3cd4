using System.Globalization;
using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Plotly.Blazor;

namespace IKomek.Dashboard.Features.Ratings.Pages;

/// <summary>
/// A manager's desk: the score with its band, the rank among peers, the movement, the appeal measures, what pulls the
/// rating down (each lost point a link), the department's pages filtered, the trend by month and the period's past
/// computations. <c>/ratings/desk</c> is a department head's own; <c>/ratings/managers/{id}</c> any manager's for the
/// akim, deputies, analysts and administrators, and a department head's own only (<see cref="DeskAccess"/>).
/// </summary>
public sealed partial class DeskPage : ComponentBase, IDisposable
{
    private enum DeskState { Loading, Shown, Refused, Choose, NotFound }

    private DeskState _state = DeskState.Loading;
    private ManagerRating? _rating;
    private RatingPeriod? _period;
    private RatingPeriodKind _kind;
    private int _ranked;
    private PreviousStanding? _previous;
    private RatingWeights? _weights;
    private IReadOnlyList<LostPoint> _lost = [];
    private IReadOnlyDictionary<(LostPointKind, long), LostPointSubject> _subjects = new Dictionary<(LostPointKind, long), LostPointSubject>();
    private IReadOnlyList<ManagerRating> _computations = [];
    private CityReference.Snapshot? _reference;
    private IList<ITrace> _traces = [];
    private Plotly.Blazor.Layout? _layout;
    private LiveSubscription? _live;

    /// <summary>The manager whose desk is asked for; none: the reader's own (a department head's).</summary>
    [Parameter] public int? ManagerId { get; set; }

    [SupplyParameterFromQuery(Name = "period")] public string? PeriodQuery { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [Inject] private RatingQueries Queries { get; set; } = default!;
    [Inject] private RatingPageQueries PageQueries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ILogger<DeskPage> Log { get; set; } = default!;

    private string Department => _rating is null ? "" : _reference?.Departments.GetValueOrDefault(_rating.DepartmentId)?.Name(T) ?? "";

    private string DepartmentCode => _rating is null ? "" : _reference?.Departments.GetValueOrDefault(_rating.DepartmentId)?.Code ?? "";

    private string? StatTone => _rating?.TotalPct is not { } t ? "muted" : t >= 85 ? "good" : t >= 65 ? "warn" : "bad";

    private string RankText => _rating?.Rank is { } rank ? T.Format("ratingui.desk.rankOf", rank, _ranked) : "—";

    private string RankHint => _rating switch
    {
        { TotalPct: null } => T["ratingui.notRated"],
        { Rank: null, LowVolume: true } => T["ratingui.lowVolumeTotal"],
        { Rank: null } => T["ratingui.noRankShort"],
        _ => T["ratingui.desk.rankHint"],
    };

    private string MovementText
    {
        get
        {
            if (_rating is null || _previous is null) return "—";
            if (_rating.Rank is { } r && _previous.Rank is { } p) return RatingFormat.Signed(p - r);
            return _rating.TotalPct is { } t && _previous.TotalPct is { } pt ? RatingFormat.SignedPoints(t - pt) + " " + T["ratingui.pointsUnit"] : "—";
        }
    }

    private string MovementHint => _rating?.Rank is not null && _previous?.Rank is not null ? T["ratingui.desk.movementHint"] : T["ratingui.desk.movementPointsHint"];

    protected override async Task OnInitializedAsync()
    {
        _reference = await Reference.GetAsync();
        _live = new LiveSubscription(Feed, change => change.Kind == "ratings", RedrawAsync, InvokeAsync, DispatchExceptionAsync, Log);
    }

    protected override async Task OnParametersSetAsync()
    {
        _kind = PeriodSwitch.Parse(PeriodQuery);
        await LoadAsync();
    }

    private async Task RedrawAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var ct = _live?.Stopping ?? default;
        var user = await Authentication.UserAsync();
        var own = user.OwnDepartment();
        if (ManagerId is null && own is null && !user.IsInRole(CityRoles.DepartmentHead))
        {
            _state = DeskState.Choose;
            return;
        }
        _period = (await PageQueries.GetCurrentPeriodsAsync(ct)).GetValueOrDefault(_kind);
        var peers = _period is null ? [] : await Queries.GetLatestAsync(_period, ct);
        var rating = ManagerId is { } id ? peers.FirstOrDefault(p => p.ManagerId == id) : peers.FirstOrDefault(p => p.DepartmentId == own);
        if (rating is null)
        {
            (_state, _rating) = (DeskState.NotFound, null);
            return;
        }
        // Decided here, on the server, whatever the address asked for: a head sees the own department's desk only.
        if (!DeskAccess.MayOpen(user, rating.DepartmentId))
        {
            (_state, _rating) = (DeskState.Refused, null);
            return;
        }
        _rating = rating;
        _ranked = peers.Count(p => p.Rank is not null);
        _previous = (await PageQueries.GetPreviousAsync(_period!, ct)).GetValueOrDefault(rating.ManagerId);
        _weights = (await Queries.GetWeightsHistoryAsync(ct)).FirstOrDefault(w => w.Version == rating.WeightsVersion);
        _lost = await Queries.GetLostPointsAsync(rating.ResultId, ct);
        _subjects = await PageQueries.GetSubjectsAsync(_lost, T, ct);
        _computations = await Queries.GetComputationsAsync(rating.ManagerId, _period!, ct);
        Draw(await Queries.GetTrendAsync(rating.ManagerId, _period!.Start.Year, ct));
        _state = DeskState.Shown;
    }

    /// <summary>The total month by month, between its band's ends.</summary>
    private void Draw(IReadOnlyList<RatingTrendPoint> trend)
    {
        var months = trend.Select(p => p.Month.ToDateTime(TimeOnly.MinValue)).ToList();
        var line = Traces.Line(T["ratings.total"], months, trend.Select(p => p.TotalPct), ChartLayout.Palette.Sky, markers: true);
        line.HoverTemplate = "%{x|%m.%Y}: %{y:.1f} %<extra></extra>";
        _traces =
        [
            Traces.ReferenceLine(T["ratingui.bandLow"], months, trend.Select(p => p.TotalLow), width: 1),
            Traces.ReferenceLine(T["ratingui.bandHigh"], months, trend.Select(p => p.TotalHigh), width: 1),
            line,
        ];
        var layout = ChartLayout.Base();
        layout.XAxis = [ChartLayout.DateAxis("%m.%Y")];
        layout.XAxis[0].DTick = "M1";
        layout.YAxis[0].Range = [0, 100];
        layout.YAxis[0].TickSuffix = " %";
        _layout = layout;
    }

    public void Dispose() => _live?.Dispose();
}
