namespace IKomek.Dashboard.Features.Ratings;

/// <summary>A manager's rating as the formula gives it, before it is stored.</summary>
public sealed record ComputedRating(
    int ManagerId,
    int DepartmentId,
    decimal? TotalPct,
    decimal? TotalLow,
    decimal? TotalHigh,
    bool LowVolume,
    int? Rank,
    IReadOnlyList<IndicatorScore> Indicators,
    IReadOnlyList<LostPoint> LostPoints,
    int AppealsSettled,
    decimal? FcrPct,
    decimal? SatisfactionAvg,
    decimal? MisroutedPct,
    decimal? ForwardingHours);

/// <summary>
/// The managers' rating formula (Features/Ratings/README.md), pure: inputs and weights in, scores out. Version
/// <see cref="Version"/> is stored with every result; a change of what this class computes is a new version.
/// </summary>
public static class RatingFormula
{
    public const int Version = 1;

    /// <summary>Below these volumes a score is marked low-volume and gets no rank.</summary>
    public const int MinAppeals = 30, MinProjects = 3, MinProblems = 3, MinKpis = 2;

    /// <summary>A total is ranked only when at least this many indicators are rated: a department with nothing to do
    /// does not rank first on its one remaining indicator.</summary>
    public const int MinRatedForRank = 3;

    /// <summary>The worst cases of each appeal kind kept as lost-point rows.</summary>
    public const int AppealItemsPerKind = 10;

    private const double Z = 1.96;

    public static IReadOnlyList<ComputedRating> Compute(IReadOnlyList<RatingInputs> managers, RatingWeights weights)
    {
        var rows = managers.Select(m => ComputeOne(m, weights)).ToList();
        return Rank(rows);
    }

    private static ComputedRating ComputeOne(RatingInputs m, RatingWeights weights)
    {
        var parts = new[] { Kpi(m.Kpis), Projects(m.Projects), Appeals(m.Appeals), Systemic(m.Problems) };
        var ratedWeight = parts.Where(p => p.Score is not null).Sum(p => weights.Of(p.Indicator));
        var indicators = new List<IndicatorScore>();
        var lost = new List<LostPoint>();
        decimal total = 0, low = 0, high = 0;
        foreach (var p in parts)
        {
            var used = p.Score is null || ratedWeight == 0 ? 0m : weights.Of(p.Indicator) * 100m / ratedWeight;
            indicators.Add(new IndicatorScore(p.Indicator, Round(p.Score), weights.Of(p.Indicator), Math.Round(used, 2),
                Round(p.Low), Round(p.High), p.Volume, p.LowVolume, null));
            if (p.Score is null) continue;
            total += p.Score.Value * used / 100m;
            low += Square((p.Score.Value - p.Low!.Value) * used / 100m);
            high += Square((p.High!.Value - p.Score.Value) * used / 100m);
            // An item's points: its share of the indicator's lost points, as points of the total.
            lost.AddRange(p.Items.Where(i => i.Pct > 0).Select(i => new LostPoint(i.Kind, i.SubjectId, Link(i.Kind, i.SubjectId),
                Math.Round(Math.Min(i.Pct, 100m - p.Score.Value) * used / 100m, 2))));
        }
        var rated = ratedWeight > 0 && parts.Any(p => p.Score is not null);
        var a = m.Appeals;
        var handled = a.Settled + a.ForwardedAway;
        // The indicators' uncertainties are independent: the total's band adds them in quadrature, each side apart.
        return new ComputedRating(m.ManagerId, m.DepartmentId,
            rated ? Round(Math.Min(100m, total)) : null,
            rated ? Round(Math.Max(0m, total - Sqrt(low))) : null,
            rated ? Round(Math.Min(100m, total + Sqrt(high))) : null,
            parts.Any(p => p.Score is not null && p.LowVolume),
            null,
            indicators,
            lost.Where(l => l.Points > 0).OrderByDescending(l => l.Points).ThenBy(l => l.Kind).ThenBy(l => l.SubjectId).ToList(),
            a.Settled,
            a.Settled == 0 ? null : Round(a.FirstContact * 100m / a.Settled),
            a.Rated == 0 ? null : Math.Round((decimal)a.SatisfactionSum / a.Rated, 2),
            handled == 0 ? null : Round(a.ForwardedAway * 100m / handled),
            a.ForwardedAway == 0 ? null : Math.Round(a.ForwardedHours / a.ForwardedAway, 1));
    }

    /// <summary>
    /// KPI execution: the KPIs' scores weighted by their weights, each capped at 100 (the KPI page lets a score reach
    /// 125 %; the rating does not, so the total stays within 100). Not rated when no KPI has a score.
    /// </summary>
    internal static Part Kpi(IReadOnlyList<KpiInput> kpis)
    {
        var scored = kpis.Where(k => k.ExecutionPct is not null && k.Weight > 0).ToList();
        if (scored.Count == 0) return Part.NotRated(RatingIndicator.Kpi, 0);
        var weight = scored.Sum(k => k.Weight);
        var score = scored.Sum(k => Cap(k.ExecutionPct!.Value) * k.Weight) / weight;
        var items = scored.Select(k => new Item(LostPointKind.LaggingKpi, k.KpiId, (100m - Cap(k.ExecutionPct!.Value)) * k.Weight / weight)).ToList();
        // KPIs are the department's whole set, not a sample: no band beyond the score itself.
        return new Part(RatingIndicator.Kpi, score, score, score, scored.Count, scored.Count < MinKpis, items);
    }

    /// <summary>
    /// Development projects: each project 100 when it keeps both its baseline schedule and its baseline budget, 50 when
    /// one, 0 when neither, weighted by budget; averaged half and half with the milestones reached against those due in
    /// the period (the first part alone when none fell due). Not rated without a project under way.
    /// </summary>
    internal static Part Projects(IReadOnlyList<ProjectInput> projects)
    {
        if (projects.Count == 0) return Part.NotRated(RatingIndicator.Projects, 0);
        var budget = projects.Sum(p => p.BudgetKzt);
        decimal Share(ProjectInput p) => budget > 0 ? p.BudgetKzt / budget : 1m / projects.Count;
        static decimal Kept(ProjectInput p) => (p.OnSchedule ? 50m : 0m) + (p.OnBudget ? 50m : 0m);
        var plan = projects.Sum(p => Kept(p) * Share(p));
        var due = projects.Sum(p => p.MilestonesDue);
        var milestones = due == 0 ? (decimal?)null : projects.Sum(p => Math.Min(p.MilestonesReached, p.MilestonesDue)) * 100m / due;
        var score = milestones is null ? plan : (plan + milestones.Value) / 2;
        var planPart = milestones is null ? 1m : 0.5m;
        var items = projects.Select(p => new Item(LostPointKind.LateProject, p.ProjectId,
            (100m - Kept(p)) * Share(p) * planPart
            + (due == 0 ? 0m : (p.MilestonesDue - Math.Min(p.MilestonesReached, p.MilestonesDue)) * 100m / due * 0.5m))).ToList();
        return Banded(RatingIndicator.Projects, score, projects.Count, MinProjects, items);
    }

    /// <summary>
    /// Work on appeals, pooled over the period's appeals (volume-weighted): on-time answers (appeals open past their
    /// deadline count as late) 50 %, first-contact resolution 25 %, citizens' satisfaction (1..5 mapped to 0..100) 25 %,
    /// the parts without data left out and the rest renormalised; minus closure integrity (each answered appeal
    /// reopened by the citizen or re-reported within 30 days costs a whole appeal's share) and misrouting (each appeal
    /// the department forwarded on costs half an appeal's share of all it handled). Not rated without any appeal.
    /// </summary>
    internal static Part Appeals(AppealInput a)
    {
        var answerable = a.Settled + a.OpenOverdue;
        var handled = a.Settled + a.ForwardedAway;
        var volume = answerable + a.ForwardedAway;
        if (volume == 0) return Part.NotRated(RatingIndicator.Appeals, 0);
        decimal sum = 0, weight = 0;
        if (answerable > 0) { sum += 0.50m * a.OnTime / answerable; weight += 0.50m; }
        if (a.Settled > 0) { sum += 0.25m * a.FirstContact / a.Settled; weight += 0.25m; }
        if (a.Rated > 0) { sum += 0.25m * ((decimal)a.SatisfactionSum / a.Rated - 1m) / 4m; weight += 0.25m; }
        var basis = weight == 0 ? 0m : sum / weight;
        var integrity = a.Settled == 0 ? 0m : (decimal)(a.Reopened + a.ReReported) / a.Settled;
        var misrouting = handled == 0 ? 0m : 0.5m * a.ForwardedAway / handled;
        var score = Math.Clamp((basis - integrity - misrouting) * 100m, 0m, 100m);
        // One appeal's part of the score, as the weights above make it.
        var late = answerable == 0 || weight == 0 ? 0m : 0.50m / weight * 100m / answerable;
        var reopened = a.Settled == 0 ? 0m : 100m / a.Settled;
        var misrouted = handled == 0 ? 0m : 50m / handled;
        var items = a.OverdueIds.Select(id => new Item(LostPointKind.OverdueAppeal, id, late))
            .Concat(a.ReopenedIds.Select(id => new Item(LostPointKind.ReopenedAppeal, id, reopened)))
            .Concat(a.MisroutedIds.Select(id => new Item(LostPointKind.MisroutedAppeal, id, misrouted))).ToList();
        return Banded(RatingIndicator.Appeals, score, volume, MinAppeals, items);
    }

    /// <summary>
    /// Systemic problems in the department's area weighted by their score: verified ones count 1, worked out 0.8,
    /// those left unassigned or in work too long 0; problems still within their time are not counted yet. Not rated
    /// when no problem counts (no problem in the area is not 100 %).
    /// </summary>
    internal static Part Systemic(IReadOnlyList<ProblemInput> problems)
    {
        var counted = problems.Where(p => p.State != ProblemState.Pending).ToList();
        if (counted.Count == 0) return Part.NotRated(RatingIndicator.Systemic, problems.Count);
        var scores = counted.Sum(p => Math.Max(p.Score, 0m));
        decimal Share(ProblemInput p) => scores > 0 ? Math.Max(p.Score, 0m) / scores : 1m / counted.Count;
        static decimal Credit(ProblemState s) => s switch { ProblemState.Verified => 1m, ProblemState.WorkedOut => 0.8m, _ => 0m };
        var score = counted.Sum(p => Credit(p.State) * Share(p)) * 100m;
        var items = counted.Where(p => p.State == ProblemState.Overdue)
            .Select(p => new Item(LostPointKind.OpenProblem, p.ProblemId, 100m * Share(p))).ToList();
        return Banded(RatingIndicator.Systemic, score, counted.Count, MinProblems, items);
    }

    /// <summary>
    /// Ranks where the bands separate: a manager's rank is 1 + the managers whose band lies wholly above its own, among
    /// those ranked (rated, not low-volume, and for the total at least <see cref="MinRatedForRank"/> indicators rated);
    /// managers whose bands overlap share a rank.
    /// </summary>
    private static IReadOnlyList<ComputedRating> Rank(List<ComputedRating> rows)
    {
        var totals = rows.Where(r => r.TotalPct is not null && !r.LowVolume && r.Indicators.Count(i => i.IsRated) >= MinRatedForRank).ToList();
        var ranked = new List<ComputedRating>();
        foreach (var r in rows)
        {
            int? rank = totals.Contains(r) ? 1 + totals.Count(o => o.TotalLow > r.TotalHigh) : null;
            var indicators = r.Indicators.Select(i =>
            {
                if (!i.IsRated || i.LowVolume) return i;
                var peers = rows.Select(o => o.Indicators.First(x => x.Indicator == i.Indicator)).Where(o => o.IsRated && !o.LowVolume);
                return i with { Rank = 1 + peers.Count(o => o.BandLow > i.BandHigh) };
            }).ToList();
            ranked.Add(r with { Rank = rank, Indicators = indicators });
        }
        return ranked;
    }

    /// <summary>The 95 % Wilson score interval of a share <paramref name="p"/> (0..1) from <paramref name="n"/> cases.</summary>
    public static (decimal Low, decimal High) Wilson(decimal p, int n)
    {
        if (n <= 0) return (0m, 1m);
        var q = (double)Math.Clamp(p, 0m, 1m);
        var z2 = Z * Z;
        var centre = (q + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z * Math.Sqrt(q * (1 - q) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return ((decimal)Math.Max(0, Math.Round(centre - half, 6)), (decimal)Math.Min(1, Math.Round(centre + half, 6)));
    }

    /// <summary>Where a lost point's subject opens in the app.</summary>
    public static string Link(LostPointKind kind, long subjectId) => LostPointLinks.Of(kind, subjectId);

    private static Part Banded(RatingIndicator indicator, decimal score, int volume, int minimum, IReadOnlyList<Item> items)
    {
        var (low, high) = Wilson(score / 100m, volume);
        // The interval is about the share; the score itself always lies inside its band.
        return new Part(indicator, score, Math.Min(score, low * 100m), Math.Max(score, high * 100m), volume, volume < minimum, items);
    }

    private static decimal Square(decimal x) => x * x;

    private static decimal Sqrt(decimal x) => (decimal)Math.Round(Math.Sqrt((double)x), 6);

    private static decimal Cap(decimal pct) => Math.Clamp(pct, 0m, 100m);

    private static decimal? Round(decimal? value) => value is null ? null : Math.Round(value.Value, 1, MidpointRounding.AwayFromZero);

    internal sealed record Item(LostPointKind Kind, long SubjectId, decimal Pct);

    internal sealed record Part(RatingIndicator Indicator, decimal? Score, decimal? Low, decimal? High, int Volume, bool LowVolume,
        IReadOnlyList<Item> Items)
    {
        public static Part NotRated(RatingIndicator indicator, int volume) => new(indicator, null, null, null, volume, false, []);
    }
}
