namespace IKomek.Dashboard.Features.Ratings.Pages;

/// <summary>A department's standing in one case of the assignment preview.</summary>
public sealed record AssignmentCase(decimal? SystemicScore, decimal? TotalPct, int? Rank);

/// <summary>What assigning a problem to a department does to its rating: as it stands (stored), once assigned (the
/// problem counts for it, pending within its time), if worked out and verified, and if left in work too long.</summary>
public sealed record AssignmentEffect(int ManagerId, string FullName, AssignmentCase Stored, AssignmentCase Assigned, AssignmentCase Verified,
    AssignmentCase Overdue);

/// <summary>
/// The analyst's preview before assigning a systemic problem: the period's stored inputs with the problem moved to the
/// department (taken off any other's list: the rating counts a problem for the department it is assigned to, else its
/// service type's), computed again with the stored weights (<see cref="RatingFormula"/>, nothing written).
/// </summary>
public static class AssignmentPreview
{
    public static AssignmentEffect? Of(IReadOnlyList<RatingInputs> inputs, IReadOnlyList<ManagerRating> stored, RatingWeights weights,
        long problemId, decimal problemScore, int departmentId)
    {
        var target = inputs.FirstOrDefault(i => i.DepartmentId == departmentId);
        var current = stored.FirstOrDefault(s => s.DepartmentId == departmentId);
        if (target is null || current is null) return null;
        AssignmentCase With(ProblemState state)
        {
            var moved = inputs.Select(i =>
            {
                var others = i.Problems.Where(p => p.ProblemId != problemId);
                return i with
                {
                    Problems = i.ManagerId == target.ManagerId ? [.. others, new ProblemInput(problemId, problemScore, state)] : [.. others],
                };
            }).ToList();
            var r = RatingFormula.Compute(moved, weights).First(c => c.ManagerId == target.ManagerId);
            return new AssignmentCase(r.Indicators.First(x => x.Indicator == RatingIndicator.Systemic).Score, r.TotalPct, r.Rank);
        }
        return new AssignmentEffect(current.ManagerId, current.FullName,
            new AssignmentCase(current[RatingIndicator.Systemic].Score, current.TotalPct, current.Rank),
            With(ProblemState.Pending), With(ProblemState.Verified), With(ProblemState.Overdue));
    }
}
