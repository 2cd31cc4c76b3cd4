using IKomek.Dashboard.Features.Ratings;

namespace IKomek.Dashboard.Tests.Features.Ratings;

/// <summary>The rating formula on cases worked out by hand (Features/Ratings/README.md has the formula).</summary>
public sealed class RatingFormulaTests
{
    private static readonly RatingWeights Equal = new(1, 25, 25, 25, 25, DateTimeOffset.UnixEpoch, "test", "");

    private static readonly KpiInput[] NoKpi = [];

    private static AppealInput Appeals(int settled, int onTime, int fcr, int rated = 0, int satisfactionSum = 0, int reopened = 0,
        int reReported = 0, int forwarded = 0, int openOverdue = 0) =>
        new(settled, onTime, fcr, rated, satisfactionSum, reopened, reReported, forwarded, forwarded * 10m, openOverdue, [], [], []);

    private static RatingInputs Manager(int id, KpiInput[]? kpis = null, ProjectInput[]? projects = null, AppealInput? appeals = null,
        ProblemInput[]? problems = null) => new(id, id, kpis ?? NoKpi, projects ?? [], appeals ?? AppealInput.None, problems ?? []);

    private static ComputedRating One(RatingInputs inputs, RatingWeights? weights = null) => Assert.Single(RatingFormula.Compute([inputs], weights ?? Equal));

    private static IndicatorScore Of(ComputedRating r, RatingIndicator indicator) => r.Indicators.Single(i => i.Indicator == indicator);

    [Fact]
    public void Kpis_AreCappedAt100AndWeighted()
    {
        // (100 * 2 + 70 * 1) / 3: the 120 % KPI counts as 100.
        var r = One(Manager(1, kpis: [new(1, 2, 120), new(2, 1, 70), new(3, 5, null)]));
        Assert.Equal(90.0m, Of(r, RatingIndicator.Kpi).Score);
        Assert.Equal(2, Of(r, RatingIndicator.Kpi).Volume);
        // Only the KPIs rated: the total is the KPI score, the lagging KPI costs 30 * 1/3 points of it.
        Assert.Equal(90.0m, r.TotalPct);
        var lost = Assert.Single(r.LostPoints);
        Assert.Equal((LostPointKind.LaggingKpi, 2L, "/ratings/lost/lagging_kpi/2", 10.00m), (lost.Kind, lost.SubjectId, lost.Link, lost.Points));
    }

    [Fact]
    public void MissingData_IsNotRated_NeverHundred()
    {
        var r = One(Manager(1, kpis: [new(1, 1, null)]));
        Assert.Null(r.TotalPct);
        Assert.All(r.Indicators, i => { Assert.Null(i.Score); Assert.Equal(0m, i.WeightUsed); Assert.Null(i.Rank); });
        Assert.Null(r.Rank);
        Assert.Empty(r.LostPoints);
    }

    [Fact]
    public void NotRatedIndicators_SpreadTheirWeightOverTheRatedOnes()
    {
        // Appeals: on time 80 %, FCR 60 %, satisfaction 4 of 5 = 75 %: 0.5 * 80 + 0.25 * 60 + 0.25 * 75 = 73.75.
        var r = One(Manager(1, kpis: [new(1, 1, 90)], appeals: Appeals(100, 80, 60, rated: 50, satisfactionSum: 200)));
        Assert.Equal(73.8m, Of(r, RatingIndicator.Appeals).Score);
        Assert.Equal(50m, Of(r, RatingIndicator.Kpi).WeightUsed);
        Assert.Equal(50m, Of(r, RatingIndicator.Appeals).WeightUsed);
        Assert.Equal(0m, Of(r, RatingIndicator.Projects).WeightUsed);
        Assert.Equal(81.9m, r.TotalPct); // (90 + 73.75) / 2 = 81.875
        Assert.Equal(4.0m, r.SatisfactionAvg);
        Assert.Equal(60.0m, r.FcrPct);
    }

    [Fact]
    public void OtherWeights_ChangeTheTotal_NotTheIndicators()
    {
        var inputs = Manager(1, kpis: [new(1, 1, 90)], appeals: Appeals(100, 80, 60, rated: 50, satisfactionSum: 200));
        var r = One(inputs, new RatingWeights(2, 40, 10, 10, 40, DateTimeOffset.UnixEpoch, "test", ""));
        // 40 and 10 renormalised to 80 % and 20 %: 90 * 0.8 + 73.75 * 0.2 = 86.75.
        Assert.Equal(86.8m, r.TotalPct);
        Assert.Equal(73.8m, Of(r, RatingIndicator.Appeals).Score);
    }

    [Fact]
    public void ReopenedReReportedAndMisrouted_CostTheAppealsScore()
    {
        // All answered on time at first contact (100), minus 5 of 100 reopened or re-reported (5) and
        // half of 25 forwarded of 125 handled (10): 85.
        var r = One(Manager(1, appeals: Appeals(100, 100, 100, reopened: 3, reReported: 2, forwarded: 25)));
        Assert.Equal(85.0m, Of(r, RatingIndicator.Appeals).Score);
        Assert.Equal(20.0m, r.MisroutedPct);
        Assert.Equal(10.0m, r.ForwardingHours);
    }

    [Fact]
    public void Appeals_OpenPastDeadline_CountAsLate()
    {
        // 50 answered on time, 50 open past their deadline: on time 50 %; FCR 100 % of the answered: 0.5 * 50 + 0.25 * 100 over 0.75.
        var r = One(Manager(1, appeals: Appeals(50, 50, 50, openOverdue: 50)));
        Assert.Equal(66.7m, Of(r, RatingIndicator.Appeals).Score);
        Assert.Equal(100, Of(r, RatingIndicator.Appeals).Volume);
    }

    [Fact]
    public void ZeroAppeals_IsNotRated_ButOnlyForwarding_ScoresZero()
    {
        Assert.Null(Of(One(Manager(1, appeals: AppealInput.None)), RatingIndicator.Appeals).Score);
        var forwarder = Of(One(Manager(1, appeals: Appeals(0, 0, 0, forwarded: 10))), RatingIndicator.Appeals);
        Assert.Equal(0m, forwarder.Score);
        Assert.True(forwarder.LowVolume);
    }

    [Theory]
    [InlineData(1, 75.0)]   // every citizen rated 1 of 5: the satisfaction part is 0
    [InlineData(5, 100.0)]  // every citizen rated 5 of 5
    [InlineData(3, 87.5)]   // 3 of 5 is half: 0.5 + 0.25 + 0.125
    public void Satisfaction_OneToFive_MapsToZeroToHundred(int rating, double expected)
    {
        var r = One(Manager(1, appeals: Appeals(40, 40, 40, rated: 10, satisfactionSum: 10 * rating)));
        Assert.Equal((decimal)expected, Of(r, RatingIndicator.Appeals).Score);
    }

    [Fact]
    public void FewAppeals_CarryAWilsonBand_AndALowVolumeMark_AndNoRank()
    {
        var r = One(Manager(1, kpis: [new(1, 1, 100), new(2, 1, 100)], appeals: Appeals(10, 10, 10),
            projects: [new(1, 1, true, true, 0, 0), new(2, 1, true, true, 0, 0), new(3, 1, true, true, 0, 0)]));
        var appeals = Of(r, RatingIndicator.Appeals);
        // Wilson for 10 of 10 at 95 %: (1 + 1.96²/20 - 1.96 * sqrt(1.96²/400)) / (1 + 1.96²/10) = 0.7225.
        Assert.Equal((100.0m, 72.2m, 100.0m, true, (int?)null), (appeals.Score, appeals.BandLow, appeals.BandHigh, appeals.LowVolume, appeals.Rank));
        Assert.True(r.LowVolume);
        Assert.Null(r.Rank);
    }

    [Fact]
    public void Wilson_OfHalfFromHundred_IsTheTextbookInterval()
    {
        var (low, high) = RatingFormula.Wilson(0.5m, 100);
        Assert.Equal(0.4038, (double)low, 4);
        Assert.Equal(0.5962, (double)high, 4);
    }

    [Fact]
    public void Projects_WeighByBudget_AndHalfByMilestones()
    {
        // Plan: 300 of 400 kept both (100), 100 late but on budget (50): 87.5. Milestones: 2 of 4 reached: 50. (87.5 + 50) / 2.
        var r = One(Manager(1, projects: [new(1, 300, true, true, 2, 2), new(2, 100, false, true, 2, 0)]));
        var projects = Of(r, RatingIndicator.Projects);
        Assert.Equal(68.8m, projects.Score);
        Assert.True(projects.LowVolume);
        // The late project: 50 * 1/4 * 0.5 of the plan and 2 of 4 milestones * 0.5 = 31.25 of the indicator, all of the total here.
        var lost = Assert.Single(r.LostPoints);
        Assert.Equal((LostPointKind.LateProject, 2L, 31.25m), (lost.Kind, lost.SubjectId, lost.Points));
    }

    [Fact]
    public void Problems_WeighByScore_PendingOnesNotCounted_NoneIsNotRated()
    {
        // Verified 3 (counts 1), worked out 1 (0.8), overdue 4 (0), pending 10 (left out): 3.8 / 8.
        var r = One(Manager(1, problems: [new(1, 3, ProblemState.Verified), new(2, 1, ProblemState.WorkedOut),
            new(3, 4, ProblemState.Overdue), new(4, 10, ProblemState.Pending)]));
        Assert.Equal(47.5m, Of(r, RatingIndicator.Systemic).Score);
        Assert.Equal(LostPointKind.OpenProblem, Assert.Single(r.LostPoints).Kind);
        // A problem just assigned costs nothing yet (a department did not drop 25 points for one new problem).
        Assert.Null(Of(One(Manager(1, problems: [new(5, 9, ProblemState.Pending)])), RatingIndicator.Systemic).Score);
        Assert.Null(Of(One(Manager(1)), RatingIndicator.Systemic).Score);
    }

    [Fact]
    public void Total_NeverExceeds100()
    {
        var r = One(Manager(1, kpis: [new(1, 1, 125), new(2, 1, 125)], appeals: Appeals(1000, 1000, 1000, 1000, 5000),
            projects: [new(1, 1, true, true, 3, 5), new(2, 1, true, true, 1, 1), new(3, 1, true, true, 0, 0)],
            problems: [new(1, 1, ProblemState.Verified), new(2, 1, ProblemState.Verified), new(3, 1, ProblemState.Verified)]));
        Assert.Equal(100m, r.TotalPct);
        Assert.All(r.Indicators, i => Assert.Equal(100m, i.Score));
        Assert.True(r.TotalHigh <= 100m);
    }

    [Fact]
    public void Ranks_OnlyWhereBandsSeparate_AndNotForTheOneWithNothingToDo()
    {
        ProjectInput[] Projects(bool kept) => Enumerable.Range(1, 40).Select(i => new ProjectInput(i, 1, kept || i % 2 == 0, true, 0, 0)).ToArray();
        var good = Manager(1, kpis: [new(1, 1, 100), new(2, 1, 100)], projects: Projects(true), appeals: Appeals(2000, 1900, 1800));
        var close = Manager(2, kpis: [new(1, 1, 99), new(2, 1, 99)], projects: Projects(true), appeals: Appeals(2000, 1880, 1790));
        var poor = Manager(3, kpis: [new(1, 1, 60), new(2, 1, 60)], projects: Projects(false), appeals: Appeals(2000, 1000, 900));
        // Only KPIs, all at 100: the best total, but nothing else to be judged on: no rank.
        var idle = Manager(4, kpis: [new(1, 1, 100), new(2, 1, 100)]);
        var r = RatingFormula.Compute([good, close, poor, idle], Equal).ToDictionary(x => x.ManagerId);

        Assert.Equal(100m, r[4].TotalPct);
        Assert.Null(r[4].Rank);
        Assert.Equal(1, r[1].Rank);
        Assert.Equal(1, r[2].Rank); // its band overlaps the best one's: they share the rank
        Assert.Equal(3, r[3].Rank); // both bands lie wholly above its own
        Assert.True(r[2].TotalHigh >= r[1].TotalLow);
    }
}
