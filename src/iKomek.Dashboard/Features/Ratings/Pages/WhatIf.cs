namespace IKomek.Dashboard.Features.Ratings.Pages;

/// <summary>One manager under other weights: the stored standing, the new one, and whether a small change of any
/// weight would move the new rank.</summary>
public sealed record WhatIfRow(int ManagerId, int? StoredRank, decimal? StoredTotal, int? Rank, decimal? TotalPct, decimal? TotalLow,
    decimal? TotalHigh, bool Unstable)
{
    /// <summary>Places gained (positive) or lost against the stored rank; null where either is unranked.</summary>
    public int? Movement => StoredRank is { } s && Rank is { } r ? s - r : null;
}

/// <summary>
/// The leaderboard's what-if: the stored inputs of a period computed again with other weights (<see cref="RatingFormula"/>,
/// nothing written), and each manager's rank checked against a nudge of every weight by <see cref="Nudge"/> points up
/// and down (the formula renormalises the weights of the rated indicators, so the nudged set need not add up to 100).
/// </summary>
public static class WhatIf
{
    public const decimal Nudge = 5m;

    public static IReadOnlyList<WhatIfRow> Compute(IReadOnlyList<RatingInputs> inputs, IReadOnlyList<ManagerRating> stored, RatingWeights weights)
    {
        var computed = RatingFormula.Compute(inputs, weights);
        var nudged = Nudges(weights).Select(w => RatingFormula.Compute(inputs, w).ToDictionary(r => r.ManagerId, r => r.Rank)).ToList();
        var storedBy = stored.ToDictionary(s => s.ManagerId);
        return computed.Select(r =>
            {
                var s = storedBy.GetValueOrDefault(r.ManagerId);
                var unstable = nudged.Any(n => n.GetValueOrDefault(r.ManagerId) != r.Rank);
                return new WhatIfRow(r.ManagerId, s?.Rank, s?.TotalPct, r.Rank, r.TotalPct, r.TotalLow, r.TotalHigh, unstable);
            })
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenByDescending(r => r.TotalPct ?? -1).ToList();
    }

    /// <summary>Every weight moved by <see cref="Nudge"/> points up and down (not below 0), the others kept.</summary>
    public static IEnumerable<RatingWeights> Nudges(RatingWeights w)
    {
        foreach (var delta in new[] { Nudge, -Nudge })
        {
            yield return w with { Kpi = Math.Max(0, w.Kpi + delta) };
            yield return w with { Projects = Math.Max(0, w.Projects + delta) };
            yield return w with { Appeals = Math.Max(0, w.Appeals + delta) };
            yield return w with { Systemic = Math.Max(0, w.Systemic + delta) };
        }
    }
}
