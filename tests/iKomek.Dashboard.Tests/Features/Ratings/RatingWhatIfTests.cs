using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Features.Ratings.Pages;

namespace IKomek.Dashboard.Tests.Features.Ratings;

/// <summary>The what-if and the assignment preview on hand-built inputs: pure arithmetic over RatingFormula.</summary>
public sealed class RatingWhatIfTests
{
    private static readonly RatingWeights Even = new(1, 25, 25, 25, 25, DateTimeOffset.UnixEpoch, "test", "test");

    /// <summary>Many appeals (a narrow band), two KPIs (no band), no projects, and problems as given.</summary>
    private static RatingInputs Manager(int id, decimal kpi, int onTime, params ProblemInput[] problems) => new(id, id,
        [new KpiInput(id * 10, 1, kpi), new KpiInput(id * 10 + 1, 1, kpi)], [],
        new AppealInput(2000, onTime, 1000, 0, 0, 0, 0, 0, 0, 0, [], [], []), problems);

    private static ProblemInput[] Problems(long first, int verified, int overdue) =>
        [.. Enumerable.Range(0, verified).Select(i => new ProblemInput(first + i, 10, ProblemState.Verified)),
         .. Enumerable.Range(0, overdue).Select(i => new ProblemInput(first + 100 + i, 10, ProblemState.Overdue))];

    private static IReadOnlyList<ManagerRating> Stored(IReadOnlyList<RatingInputs> inputs, RatingWeights weights) =>
        RatingFormula.Compute(inputs, weights).Select(r => new ManagerRating(r.ManagerId, r.ManagerId, $"М{r.ManagerId}", r.DepartmentId,
            RatingPeriod.Month(2026, 3), new DateOnly(2026, 3, 31), DateTimeOffset.UnixEpoch, 1, weights.Version, r.TotalPct, r.TotalLow, r.TotalHigh,
            r.LowVolume, r.Rank, r.Indicators, 2000, null, null, null, null)).ToList();

    [Fact]
    public void WhatIf_WeightMovedToKpis_RankingFollowsKpis()
    {
        // 1: strong KPIs, slow answers; 2: the other way round; many verified problems each (narrow bands).
        RatingInputs[] inputs = [Manager(1, 100, 600, Problems(1, 100, 0)), Manager(2, 60, 2000, Problems(1000, 100, 0))];
        var stored = Stored(inputs, Even);
        Assert.Equal((1, 2), (stored.Single(s => s.ManagerId == 2).Rank, stored.Single(s => s.ManagerId == 1).Rank));

        var rows = WhatIf.Compute(inputs, stored, Even with { Kpi = 70, Appeals = 10, Systemic = 20 });

        var first = rows.Single(r => r.ManagerId == 1);
        Assert.Equal((2, 1, 1), (first.StoredRank, first.Rank, first.Movement));
        Assert.Equal(-1, rows.Single(r => r.ManagerId == 2).Movement);
        Assert.Equal(1, rows[0].ManagerId);
    }

    [Fact]
    public void WhatIf_CloseTotals_FlaggedUnstable_FarApartNever()
    {
        var flagged = 0;
        // Manager 1's KPIs walk past manager 2's total: somewhere their bands part or meet under a nudge of 5 points.
        for (var kpi = 60; kpi <= 100; kpi += 2)
        {
            RatingInputs[] inputs = [Manager(1, kpi, 1400, Problems(1, 100, 0)), Manager(2, 70, 1700, Problems(1000, 100, 0)),
                Manager(3, 10, 300, Problems(3000, 0, 100))];
            var rows = WhatIf.Compute(inputs, Stored(inputs, Even), Even);
            Assert.False(rows.Single(r => r.ManagerId == 3).Unstable);
            foreach (var row in rows.Where(r => r.Unstable))
            {
                // Flagged only where some nudged set of weights really gives another rank.
                Assert.Contains(WhatIf.Nudges(Even), w => RatingFormula.Compute(inputs, w).Single(c => c.ManagerId == row.ManagerId).Rank != row.Rank);
                flagged++;
            }
            Assert.All(rows, r => Assert.True(r.Movement is null or 0));
        }
        Assert.True(flagged > 0);
    }

    [Fact]
    public void AssignmentPreview_ProblemMovedToDepartment_PendingNeutral_VerifiedUp_OverdueDown()
    {
        // The problem (id 500) is overdue in department 2's area before the assignment to department 1.
        RatingInputs[] inputs = [Manager(1, 80, 1800, Problems(1, 2, 2)), Manager(2, 60, 1500, [.. Problems(20, 3, 0), new ProblemInput(500, 40, ProblemState.Overdue)])];
        var stored = Stored(inputs, Even);

        var effect = AssignmentPreview.Of(inputs, stored, Even, 500, 40, departmentId: 1)!;

        var now = stored.Single(s => s.ManagerId == 1)[RatingIndicator.Systemic].Score;
        Assert.Equal(now, effect.Stored.SystemicScore);
        Assert.Equal(now, effect.Assigned.SystemicScore);
        Assert.True(effect.Verified.SystemicScore > now);
        Assert.True(effect.Overdue.SystemicScore < now);
        Assert.True(effect.Verified.TotalPct > effect.Overdue.TotalPct);
        Assert.Null(AssignmentPreview.Of(inputs, stored, Even, 500, 40, departmentId: 99));
    }
}
