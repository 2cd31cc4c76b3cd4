using System.Globalization;
using System.Security.Claims;
using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Features.Ratings.Pages;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Plotly.Blazor;

namespace IKomek.Dashboard.Features.Ratings;

/// <summary>
/// The akim's leaderboard on the stored rating (?period=month|quarter|ytd): ranks where the bands separate, totals
/// with their bands, the movement since the period before, the four indicators, the distribution of totals, the
/// formula, and the what-if panel on the period's stored inputs. Redrawn when the feed brings a <c>ratings</c> change.
/// </summary>
public sealed partial class RatingsPage : ComponentBase, IDisposable
{
    /// <summary>The distribution's bins, in points of the total.</summary>
    private const int Bin = 5;

    private IReadOnlyList<ManagerRating>? _rows;
    private IReadOnlyList<RatingInputs> _inputs = [];
    private IReadOnlyDictionary<int, PreviousStanding> _previous = new Dictionary<int, PreviousStanding>();
    private IReadOnlySet<int> _unstable = new HashSet<int>();
    private RatingWeights? _weights;
    private RatingPeriod? _period;
    private RatingPeriodKind _kind;
    private DateTimeOffset? _computedAt;
    private CityReference.Snapshot? _reference;
    private ClaimsPrincipal _user = new();
    private IList<ITrace> _traces = [];
    private Plotly.Blazor.Layout? _layout;
    private LiveSubscription? _live;

    [SupplyParameterFromQuery(Name = "period")] public string? PeriodQuery { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [Inject] private RatingQueries Queries { get; set; } = default!;
    [Inject] private RatingPageQueries PageQueries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ILogger<RatingsPage> Log { get; set; } = default!;

    private decimal? Median
    {
        get
        {
            var totals = _rows?.Where(r => r.TotalPct is not null).Select(r => r.TotalPct!.Value).Order().ToList() ?? [];
            return totals.Count == 0 ? null : totals.Count % 2 == 1 ? totals[totals.Count / 2] : (totals[totals.Count / 2 - 1] + totals[totals.Count / 2]) / 2;
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _user = await Authentication.UserAsync();
        _reference = await Reference.GetAsync();
        // A run that stored results, or new weights: the ranking is read again.
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
        var periods = await PageQueries.GetCurrentPeriodsAsync(ct);
        _period = periods.GetValueOrDefault(_kind);
        if (_period is null)
        {
            (_rows, _inputs, _weights, _computedAt) = ([], [], null, null);
            _unstable = new HashSet<int>();
            Draw([]);
            return;
        }
        var rows = await Queries.GetLatestAsync(_period, ct);
        _inputs = await Queries.GetLatestInputsAsync(_period, ct);
        _previous = await PageQueries.GetPreviousAsync(_period, ct);
        var history = await Queries.GetWeightsHistoryAsync(ct);
        // The weights the shown ranking was computed with (the job may not have caught up with a newer version yet).
        _weights = rows.Count == 0 ? history.FirstOrDefault() : history.FirstOrDefault(w => w.Version == rows[0].WeightsVersion) ?? history.FirstOrDefault();
        _unstable = _weights is null || _inputs.Count == 0 ? new HashSet<int>()
            : WhatIf.Compute(_inputs, rows, _weights).Where(r => r.Unstable && r.Rank is not null).Select(r => r.ManagerId).ToHashSet();
        _computedAt = rows.Count == 0 ? null : rows.Max(r => r.ComputedAt);
        _rows = [.. rows.OrderBy(r => r.Rank ?? int.MaxValue).ThenByDescending(r => r.TotalPct ?? -1).ThenBy(r => r.FullName, StringComparer.CurrentCulture)];
        Draw(rows);
    }

    /// <summary>How many managers' totals fall in each 5-point bin; the not rated are not drawn.</summary>
    private void Draw(IReadOnlyList<ManagerRating> rows)
    {
        var totals = rows.Where(r => r.TotalPct is not null).Select(r => (int)Math.Min(95, Math.Floor(r.TotalPct!.Value / Bin) * Bin)).ToList();
        var from = totals.Count == 0 ? 0 : totals.Min();
        var bins = Enumerable.Range(0, (100 - from) / Bin).Select(i => from + i * Bin).ToList();
        var bars = Traces.Bars(T["ratingui.managersCount"], bins.Select(b => $"{b}–{b + Bin}"), bins.Select(b => totals.Count(t => t == b)), ChartLayout.Palette.Sky);
        bars.HoverTemplate = "%{x} %: %{y}<extra></extra>";
        _traces = [bars];
        var layout = ChartLayout.Base();
        layout.XAxis[0].Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = T["ratingui.distributionAxis"] };
        layout.YAxis[0].DTick = 1;
        layout.ShowLegend = false;
        _layout = layout;
    }

    private string Department(int id) => _reference?.Departments.GetValueOrDefault(id)?.Name(T) ?? "";

    private string Name(int managerId) => _rows?.FirstOrDefault(r => r.ManagerId == managerId)?.FullName ?? managerId.ToString(CultureInfo.CurrentCulture);

    private bool MayOpenDesk(int departmentId) => DeskAccess.MayOpen(_user, departmentId);

    public void Dispose() => _live?.Dispose();
}
