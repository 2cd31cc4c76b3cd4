namespace IKomek.Dashboard.Tests.Features.DemoCity;

public sealed class ProjectsAndKpisTests
{
    private static readonly GeneratedCity.City City = GeneratedCity.Small;

    [Fact]
    public void Portfolio_Has400PlusOngoingAnd200PlusFinishedProjects()
    {
        var projects = City.Plan.Projects.Projects;
        Assert.True(projects.Count >= 420);
        Assert.True(projects.Count(p => p.Status is not ("completed" or "archived")) >= 400);
        Assert.InRange(projects.Count(p => p.Status is "completed" or "archived"), 200, 230);
        var ongoing = projects.Where(p => p.Status is "active" or "delayed").ToList();
        Assert.InRange(projects.Count(p => p.Status == "delayed") / (double)ongoing.Count, 0.15, 0.3);
        Assert.Equal(128, projects.Count(p => p.IsPublic));
        Assert.All(projects.Where(p => p.IsPublic), p => Assert.NotEqual("social", p.Group));
        Assert.Equal(new[] { "construction", "engineering", "improvement", "roads", "social" }, projects.Select(p => p.Group).Distinct().Order());
        Assert.Equal(projects.Count, projects.Select(p => p.Code).Distinct().Count());
        Assert.Equal(projects.Count, projects.Select(p => p.NameRu).Distinct().Count());
        Assert.Contains(projects, p => p.NameRu.StartsWith("Строительство школы на ", StringComparison.Ordinal));
    }

    [Fact]
    public void Projects_HaveConsistentDatesProgressBudgetsMilestonesAndRisks()
    {
        var today = GeneratedCity.EndDate;
        var milestones = City.Plan.Projects.Milestones.ToLookup(m => m.ProjectId);
        var risks = City.Plan.Projects.Risks.ToLookup(r => r.ProjectId);
        Assert.All(City.Plan.Projects.Projects, p =>
        {
            Assert.True(p.StartDate < p.PlannedEndDate);
            Assert.True(p.ForecastEndDate >= p.PlannedEndDate || p.Status is "completed" or "archived");
            Assert.InRange(p.ProgressPct, 0m, 100m);
            Assert.True(p.BudgetKzt > 10_000_000m);
            Assert.InRange(milestones[p.Id].Count(), 3, 8);
            Assert.InRange(risks[p.Id].Count(), 0, 4);
            switch (p.Status)
            {
                case "completed" or "archived":
                    Assert.Equal(100m, p.ProgressPct);
                    Assert.NotNull(p.ActualEndDate);
                    Assert.True(p.ActualEndDate <= today);
                    Assert.All(milestones[p.Id], m => Assert.NotNull(m.DoneDate));
                    break;
                case "planned":
                    Assert.Equal(0m, p.ProgressPct);
                    Assert.True(p.StartDate > today);
                    break;
                case "delayed":
                    Assert.True(p.ForecastEndDate > p.PlannedEndDate);
                    break;
            }
        });
    }

    [Fact]
    public void Kpis_AreAbout100WithTwoToSevenPerDepartmentAndMonthlyValues()
    {
        var kpis = City.Plan.Kpis.Kpis;
        // About 100 of the departments' own, and the rating's three appeal measures for every department.
        var departments = City.Plan.Reference.Departments.Count;
        Assert.InRange(kpis.Count - 3 * departments, 85, 110);
        Assert.All(kpis.GroupBy(k => k.DepartmentId), g => Assert.InRange(g.Count(), 2 + 3, 7 + 3));
        foreach (var measure in new[] { "fcr", "misrouted_share", "forwarding_hours" })
        {
            Assert.Equal(departments, kpis.Count(k => k.Measure == measure && k.Code.EndsWith("." + measure, StringComparison.Ordinal)));
        }
        Assert.Equal([true, false, false], new[] { "fcr", "misrouted_share", "forwarding_hours" }.Select(m => kpis.First(k => k.Measure == m).HigherIsBetter));
        // Every department's on-time share is counted from its appeals; the weights, periods and targets vary.
        Assert.All(kpis.Where(k => k.Code.EndsWith(".appeals_on_time", StringComparison.Ordinal)), k => Assert.Equal(("computed", "appeals_on_time"), (k.Source, k.Measure)));
        Assert.Equal(["month", "quarter", "year"], kpis.Select(k => k.PeriodKind).Distinct().Order());
        Assert.Equal(["last", "mean", "sum"], kpis.Select(k => k.Aggregation).Distinct().Order());
        Assert.Contains(kpis, k => k.TargetMode == "historical");
        Assert.True(kpis.Select(k => k.Weight).Distinct().Count() >= 3);
        Assert.Equal(City.Plan.Reference.Departments.Count, kpis.Select(k => k.DepartmentId).Distinct().Count());
        Assert.Subset(new HashSet<string> { "%", "days", "count", "tenge", "hours" }, kpis.Select(k => k.Unit).ToHashSet());
        var values = City.Plan.Kpis.Values;
        Assert.All(values, v => Assert.Equal(1, v.PeriodStart.Day));
        // Manual KPIs carry their actuals; computed ones only their targets (the seeding measures the appeals for them).
        var computed = kpis.Where(k => k.Measure is not null).Select(k => k.Id).ToHashSet();
        Assert.All(values.Where(v => computed.Contains(v.KpiId)), v => Assert.Null(v.Actual));
        var manual = values.Where(v => !computed.Contains(v.KpiId)).ToList();
        Assert.True(manual.Count(v => v.Actual is not null) > manual.Count * 0.8);
        // Most are near their target, some lag.
        var ratios = values.Where(v => v.Actual is not null && v.Target > 0).Select(v => (double)(v.Actual!.Value / v.Target)).ToList();
        Assert.True(ratios.Count(r => r is > 0.97 and < 1.03) > ratios.Count / 2);
        Assert.Contains(ratios, r => r is < 0.92 or > 1.08);
    }
}
