namespace IKomek.Dashboard.Features.Ratings;

/// <summary>The four indicators of a manager's rating (DOMAIN.md), as stored in rating_result_indicators.indicator.</summary>
public enum RatingIndicator
{
    Kpi,
    Projects,
    Appeals,
    Systemic,
}

/// <summary>The periods a rating is computed for: each month, each quarter, and the year to date (from 1 January).</summary>
public enum RatingPeriodKind
{
    Month,
    Quarter,
    Ytd,
}

/// <summary>What cost a manager points, as stored in rating_lost_points.kind.</summary>
public enum LostPointKind
{
    /// <summary>An appeal answered late, or open past its deadline (subject: the appeal).</summary>
    OverdueAppeal,

    /// <summary>An appeal reopened by the citizen, or re-reported at the same address and service type within 30 days
    /// of its answer (subject: the appeal that was closed).</summary>
    ReopenedAppeal,

    /// <summary>An appeal the department held and then forwarded (subject: the appeal).</summary>
    MisroutedAppeal,

    /// <summary>A KPI below its target (subject: the KPI).</summary>
    LaggingKpi,

    /// <summary>A project behind its baseline schedule or over its baseline budget, or with milestones missed
    /// (subject: the project).</summary>
    LateProject,

    /// <summary>A systemic problem left unassigned or in work too long (subject: the problem).</summary>
    OpenProblem,
}

/// <summary>A rating period: its kind and its first day; <see cref="End"/> is exclusive.</summary>
public sealed record RatingPeriod(RatingPeriodKind Kind, DateOnly Start, DateOnly End)
{
    public static RatingPeriod Month(int year, int month) =>
        new(RatingPeriodKind.Month, new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1));

    public static RatingPeriod Quarter(int year, int quarter) =>
        new(RatingPeriodKind.Quarter, new DateOnly(year, quarter * 3 - 2, 1), new DateOnly(year, quarter * 3 - 2, 1).AddMonths(3));

    /// <summary>1 January to the end of <paramref name="lastMonth"/>.</summary>
    public static RatingPeriod YearToDate(int year, int lastMonth) =>
        new(RatingPeriodKind.Ytd, new DateOnly(year, 1, 1), new DateOnly(year, lastMonth, 1).AddMonths(1));

    /// <summary>The database's spelling of the kind (rating_results.period_kind).</summary>
    public string Code => RatingCodes.Of(Kind);
}

/// <summary>
/// One indicator of a stored rating. <see cref="Score"/> is null when the indicator is not rated (no data, or no
/// systemic problem in the department's area): it then weighs nothing (<see cref="WeightUsed"/> is 0) and its
/// weight is spread over the rated ones. The band is the score's uncertainty (a Wilson interval where the score is a
/// share of few appeals, projects or problems); <see cref="LowVolume"/> marks a score from too few of them, which
/// gets no <see cref="Rank"/>. A rank is given only where the bands separate: 1 + the managers whose band lies
/// wholly above this one's; managers whose bands overlap share a rank.
/// </summary>
public sealed record IndicatorScore(
    RatingIndicator Indicator,
    decimal? Score,
    decimal Weight,
    decimal WeightUsed,
    decimal? BandLow,
    decimal? BandHigh,
    int Volume,
    bool LowVolume,
    int? Rank)
{
    public bool IsRated => Score is not null;
}

/// <summary>A manager's rating for a period as it was computed and stored (rating_results with its indicators).</summary>
/// <param name="ResultId">The stored row; <see cref="RatingQueries.GetStoredAsync"/> reopens it.</param>
/// <param name="TotalPct">0..100, the indicators' scores weighted by <see cref="IndicatorScore.WeightUsed"/>; null when
/// no indicator is rated.</param>
/// <param name="AsOf">The Astana day the inputs were read for.</param>
/// <param name="AppealsSettled">Appeals the department answered in the period.</param>
/// <param name="FcrPct">Share of those resolved at the first contact.</param>
/// <param name="SatisfactionAvg">Citizens' mean rating (1..5) given at closing; null when none rated.</param>
/// <param name="MisroutedPct">Appeals the department forwarded on, against all it handled (answered or forwarded).</param>
/// <param name="ForwardingHours">Mean hours an appeal sat with the department before it forwarded it.</param>
public sealed record ManagerRating(
    long ResultId,
    int ManagerId,
    string FullName,
    int DepartmentId,
    RatingPeriod Period,
    DateOnly AsOf,
    DateTimeOffset ComputedAt,
    int FormulaVersion,
    int WeightsVersion,
    decimal? TotalPct,
    decimal? TotalLow,
    decimal? TotalHigh,
    bool LowVolume,
    int? Rank,
    IReadOnlyList<IndicatorScore> Indicators,
    int AppealsSettled,
    decimal? FcrPct,
    decimal? SatisfactionAvg,
    decimal? MisroutedPct,
    decimal? ForwardingHours)
{
    public IndicatorScore this[RatingIndicator indicator] => Indicators.First(i => i.Indicator == indicator);
}

/// <summary>One point of a manager's trend: a month's total and indicators as last computed.</summary>
public sealed record RatingTrendPoint(DateOnly Month, decimal? TotalPct, decimal? TotalLow, decimal? TotalHigh,
    IReadOnlyList<IndicatorScore> Indicators);

/// <summary>
/// One item that cost the manager points: what it is, its subject (appeal, KPI, project or problem id), the page that
/// opens it (<see cref="Link"/>, a path of this app) and the points of the total it would give back if put right.
/// </summary>
public sealed record LostPoint(LostPointKind Kind, long SubjectId, string Link, decimal Points);

/// <summary>A version of the indicators' weights (percent, adding up to 100), who set it, when and why.</summary>
public sealed record RatingWeights(int Version, decimal Kpi, decimal Projects, decimal Appeals, decimal Systemic,
    DateTimeOffset CreatedAt, string CreatedBy, string Reason)
{
    public decimal Of(RatingIndicator indicator) => indicator switch
    {
        RatingIndicator.Kpi => Kpi,
        RatingIndicator.Projects => Projects,
        RatingIndicator.Appeals => Appeals,
        _ => Systemic,
    };
}

/// <summary>The database's spellings of the enums (rating_results.period_kind, rating_result_indicators.indicator,
/// rating_lost_points.kind).</summary>
public static class RatingCodes
{
    public static string Of(RatingPeriodKind kind) => kind switch
    {
        RatingPeriodKind.Month => "month",
        RatingPeriodKind.Quarter => "quarter",
        _ => "ytd",
    };

    public static string Of(RatingIndicator indicator) => indicator switch
    {
        RatingIndicator.Kpi => "kpi",
        RatingIndicator.Projects => "projects",
        RatingIndicator.Appeals => "appeals",
        _ => "systemic",
    };

    public static string Of(LostPointKind kind) => kind switch
    {
        LostPointKind.OverdueAppeal => "overdue_appeal",
        LostPointKind.ReopenedAppeal => "reopened_appeal",
        LostPointKind.MisroutedAppeal => "misrouted_appeal",
        LostPointKind.LaggingKpi => "lagging_kpi",
        LostPointKind.LateProject => "late_project",
        _ => "open_problem",
    };

    public static RatingPeriodKind PeriodKind(string code) => Enum.GetValues<RatingPeriodKind>().First(k => Of(k) == code);

    public static RatingIndicator Indicator(string code) => Enum.GetValues<RatingIndicator>().First(k => Of(k) == code);

    public static LostPointKind LostPoint(string code) => Enum.GetValues<LostPointKind>().First(k => Of(k) == code);
}
