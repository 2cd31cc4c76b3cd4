namespace IKomek.Dashboard.Features.Projects;

/// <summary>One line of a breakdown: how many projects share a key, how many of them run late or over budget.</summary>
public sealed record PortfolioCount(string Key, int Projects, int Late, int OverBudget);

/// <summary>
/// The portfolio rolled up: counts, late and over-budget projects, the on-time share, budgets, open high risks, and the
/// breakdowns by group, status, district, deputy and department. Computed from the rows shown, so it always agrees with them.
/// </summary>
public sealed record PortfolioSummary(
    int Projects, int Ongoing, int Late, int OverBudget, int Finished, double? OnTimeShare, int OnTimeBase,
    decimal OngoingBudgetKzt, decimal OngoingSpentKzt, long OpenHighRisks,
    IReadOnlyList<PortfolioCount> ByGroup, IReadOnlyList<PortfolioCount> ByStatus, IReadOnlyList<PortfolioCount> ByDistrict,
    IReadOnlyList<PortfolioCount> ByDeputy, IReadOnlyList<PortfolioCount> ByDepartment)
{
    public static PortfolioSummary Of(IReadOnlyList<PortfolioRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ongoing = rows.Where(r => r.IsOngoing).ToList();
        var judged = rows.Where(r => r.IsOnTime is not null).ToList();
        static IReadOnlyList<PortfolioCount> By(IEnumerable<PortfolioRow> rows, Func<PortfolioRow, string> key) =>
            rows.GroupBy(key)
                .Select(g => new PortfolioCount(g.Key, g.Count(), g.Count(r => r.IsLate), g.Count(r => r.IsOverBudget)))
                .OrderByDescending(c => c.Projects).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        return new PortfolioSummary(
            rows.Count,
            ongoing.Count,
            rows.Count(r => r.IsLate),
            rows.Count(r => r.IsOverBudget),
            rows.Count(r => r.Status is "completed" or "archived"),
            judged.Count == 0 ? null : judged.Count(r => r.IsOnTime == true) / (double)judged.Count,
            judged.Count,
            ongoing.Sum(r => r.BudgetKzt),
            ongoing.Sum(r => r.SpentKzt),
            rows.Sum(r => r.OpenHighRisks),
            By(rows, r => r.ProjectGroup),
            By(rows, r => r.Status),
            By(rows.Where(r => r.DistrictId is not null), r => r.DistrictId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            By(rows, r => r.DeputyCode),
            By(rows, r => r.DepartmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
