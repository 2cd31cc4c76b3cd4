namespace IKomek.Dashboard.Features.Ratings;

/// <summary>
/// Everything the formula reads for one manager and period, as read from the database (<see cref="RatingInputReader"/>)
/// and stored with the result (rating_results.inputs): <see cref="RatingFormula.Compute"/> over these gives the stored
/// scores again, whatever the data has become since.
/// </summary>
public sealed record RatingInputs(
    int ManagerId,
    int DepartmentId,
    IReadOnlyList<KpiInput> Kpis,
    IReadOnlyList<ProjectInput> Projects,
    AppealInput Appeals,
    IReadOnlyList<ProblemInput> Problems);

/// <summary>A KPI of the department: its weight and its execution over the period (the mean of its periods' scores
/// that overlap it, 0..125 as the KPI page shows it; null when none is scored).</summary>
public sealed record KpiInput(int KpiId, decimal Weight, decimal? ExecutionPct);

/// <summary>A project of the department under way in the period: its budget (the weight), whether its forecast end
/// keeps to the baseline end and its budget to the baseline budget, and its milestones due in the period and reached
/// by their date.</summary>
public sealed record ProjectInput(int ProjectId, decimal BudgetKzt, bool OnSchedule, bool OnBudget, int MilestonesDue,
    int MilestonesReached);

/// <summary>
/// The department's appeal measures over the period (rating_appeal_daily): answered, of which on time, at the first
/// contact, rated by the citizen (and the ratings' sum), reopened, re-reported; forwarded away and the hours held
/// before; open past their deadline at the end of the period. The id lists are the worst cases behind the lost points
/// (a few per kind, not all).
/// </summary>
public sealed record AppealInput(
    int Settled,
    int OnTime,
    int FirstContact,
    int Rated,
    int SatisfactionSum,
    int Reopened,
    int ReReported,
    int ForwardedAway,
    decimal ForwardedHours,
    int OpenOverdue,
    IReadOnlyList<long> OverdueIds,
    IReadOnlyList<long> ReopenedIds,
    IReadOnlyList<long> MisroutedIds)
{
    public static readonly AppealInput None = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, [], [], []);
}

/// <summary>The state of a systemic problem in the department's area, as the formula counts it.</summary>
public enum ProblemState
{
    /// <summary>Worked out and verified: counts fully for the department.</summary>
    Verified,

    /// <summary>Worked out, not yet verified.</summary>
    WorkedOut,

    /// <summary>Open within its time (just confirmed, assigned or in work): neither for nor against, not counted yet.</summary>
    Pending,

    /// <summary>Left unassigned or in work too long: counts against the department.</summary>
    Overdue,
}

/// <summary>A systemic problem in the department's area with its score (the problems' rating) as its weight.</summary>
public sealed record ProblemInput(long ProblemId, decimal Score, ProblemState State);
