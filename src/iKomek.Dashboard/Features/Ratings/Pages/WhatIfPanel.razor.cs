using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Ratings.Pages;

/// <summary>The leaderboard's what-if panel; <see cref="WhatIf"/> does the arithmetic.</summary>
public sealed partial class WhatIfPanel : ComponentBase
{
    private readonly Dictionary<RatingIndicator, decimal> _weights = [];
    private IReadOnlyList<WhatIfRow> _rows = [];
    private object? _shownInputs;

    [Inject] private Texts T { get; set; } = default!;

    /// <summary>The stored inputs of the period's latest ratings.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<RatingInputs> Inputs { get; set; } = [];

    /// <summary>The period's stored ratings: what the movement is measured against.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<ManagerRating> Stored { get; set; } = [];

    /// <summary>The weights the stored ratings were computed with: where the panel starts and resets to.</summary>
    [Parameter, EditorRequired] public RatingWeights Weights { get; set; } = default!;

    [Parameter, EditorRequired] public Func<int, string> Name { get; set; } = _ => "";

    private decimal Sum => _weights.Values.Sum();

    protected override void OnParametersSet()
    {
        // A redraw with new stored data keeps the weights being tried; new data is computed with them.
        if (_weights.Count == 0) Reset();
        else if (!ReferenceEquals(_shownInputs, Inputs)) Recompute();
    }

    private void Reset()
    {
        foreach (var i in Enum.GetValues<RatingIndicator>()) _weights[i] = Weights.Of(i);
        Recompute();
    }

    private Task SetAsync(RatingIndicator indicator, decimal value)
    {
        _weights[indicator] = Math.Clamp(value, 0, 100);
        Recompute();
        return Task.CompletedTask;
    }

    private void Recompute()
    {
        _shownInputs = Inputs;
        var tried = Weights with
        {
            Kpi = _weights[RatingIndicator.Kpi], Projects = _weights[RatingIndicator.Projects],
            Appeals = _weights[RatingIndicator.Appeals], Systemic = _weights[RatingIndicator.Systemic],
        };
        _rows = Inputs.Count == 0 ? [] : WhatIf.Compute(Inputs, Stored, tried);
    }
}
