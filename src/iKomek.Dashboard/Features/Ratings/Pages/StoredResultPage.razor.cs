using System.Globalization;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace IKomek.Dashboard.Features.Ratings.Pages;

/// <summary>
/// A past (or current) rating reopened as it was stored: its numbers, the formula and weights versions it used, the
/// inputs it was computed from, and the same inputs and weights computed again here beside it.
/// </summary>
public sealed partial class StoredResultPage : ComponentBase
{
    private bool _loading = true, _refused;
    private ManagerRating? _rating;
    private RatingInputs? _inputs;
    private RatingWeights? _weights;
    private ComputedRating? _recomputed;
    private IReadOnlyList<LostPoint> _lost = [];
    private IReadOnlyDictionary<(LostPointKind, long), LostPointSubject> _subjects = new Dictionary<(LostPointKind, long), LostPointSubject>();

    [Parameter] public long Id { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [Inject] private RatingQueries Queries { get; set; } = default!;
    [Inject] private RatingPageQueries PageQueries { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    /// <summary>The stored numbers come out of the formula again (the rank needs the peers: it is not compared).</summary>
    private bool Same => _rating is not null && _recomputed is not null && RecomputesTo(_rating, _recomputed);

    private string WeightsLine => _weights is null ? "" : string.Create(CultureInfo.CurrentCulture,
        $"KPI {_weights.Kpi:0.##} · {T["ratingui.indicator.projects"]} {_weights.Projects:0.##} · {T["ratingui.indicator.appeals"]} {_weights.Appeals:0.##} · {T["ratingui.indicator.systemic"]} {_weights.Systemic:0.##}");

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        var user = await Authentication.UserAsync();
        var rating = await Queries.GetStoredAsync(Id);
        _refused = rating is not null && !DeskAccess.MayOpen(user, rating.DepartmentId);
        _rating = _refused ? null : rating;
        if (_rating is not null)
        {
            _inputs = await Queries.GetInputsAsync(Id);
            _weights = (await Queries.GetWeightsHistoryAsync()).FirstOrDefault(w => w.Version == _rating.WeightsVersion);
            _recomputed = _inputs is null || _weights is null ? null : RatingFormula.Compute([_inputs], _weights)[0];
            _lost = await Queries.GetLostPointsAsync(Id);
            _subjects = await PageQueries.GetSubjectsAsync(_lost, T);
        }
        _loading = false;
    }

    /// <summary>Whether a stored rating's numbers (total, band, indicators' scores and bands) are what the formula gives
    /// from its stored inputs and weights.</summary>
    public static bool RecomputesTo(ManagerRating stored, ComputedRating again) =>
        stored.TotalPct == again.TotalPct && stored.TotalLow == again.TotalLow && stored.TotalHigh == again.TotalHigh
        && stored.LowVolume == again.LowVolume
        && stored.Indicators.Zip(again.Indicators).All(x => x.First with { Rank = null } == x.Second with { Rank = null });
}
