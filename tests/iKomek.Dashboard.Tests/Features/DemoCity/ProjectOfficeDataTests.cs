using System.Globalization;
using System.Text.Json;
using IKomek.Dashboard.Platform.Images;

namespace IKomek.Dashboard.Tests.Features.DemoCity;

/// <summary>The demo city's project office data agrees with itself: dates, milestones, baseline, deputies, scope, results, photos.</summary>
public sealed class ProjectOfficeDataTests
{
    private static readonly GeneratedCity.City City = GeneratedCity.Small;
    private static readonly DateOnly Today = GeneratedCity.EndDate;

    [Fact]
    public void NoDelayedProjectForecastInThePast()
    {
        var unfinished = City.Plan.Projects.Projects.Where(p => p.Status is "active" or "delayed" or "planned").ToList();
        Assert.NotEmpty(unfinished);
        Assert.All(unfinished, p => Assert.True(p.ForecastEndDate > Today, $"{p.Code} forecast {p.ForecastEndDate} before {Today}"));
        Assert.All(unfinished.Where(p => p.Status == "delayed"), p => Assert.True(p.ForecastEndDate > p.PlannedEndDate));
    }

    [Fact]
    public void MilestonesInStep()
    {
        var milestones = City.Plan.Projects.Milestones.ToLookup(m => m.ProjectId);
        Assert.All(City.Plan.Projects.Projects, p =>
        {
            var list = milestones[p.Id].OrderBy(m => m.Position).ToList();
            var done = list.Count(m => m.DoneDate is not null);
            // The share done is the progress to within one milestone.
            Assert.InRange((double)p.ProgressPct, done * 100.0 / list.Count - 100.0 / list.Count, done * 100.0 / list.Count + 100.0 / list.Count);
            Assert.Equal(Enumerable.Range(1, list.Count).Select(i => (short)i), list.Select(m => m.Position));
            Assert.All(list, m =>
            {
                Assert.InRange(m.DueDate, p.StartDate, p.PlannedEndDate);
                if (m.DoneDate is { } d)
                {
                    Assert.InRange(d, p.StartDate, Today.AddDays(-1));
                }
            });
            switch (p.Status)
            {
                case "completed" or "archived":
                    Assert.Equal(list.Count, done);
                    Assert.All(list, m => Assert.True(m.DoneDate <= p.ActualEndDate));
                    break;
                case "planned":
                    Assert.Equal(0, done);
                    break;
                default:
                    Assert.Null(list[^1].DoneDate);
                    break;
            }
        });
        // A project at 67 % no longer has all its milestones done.
        Assert.Contains(City.Plan.Projects.Projects, p => p.Status == "active" && milestones[p.Id].Any(m => m.DoneDate is null) && milestones[p.Id].Any(m => m.DoneDate is not null));
    }

    [Fact]
    public void BaselineKept()
    {
        var changes = City.Plan.Projects.PlanChanges.ToLookup(c => c.ProjectId);
        var projects = City.Plan.Projects.Projects;
        Assert.All(projects, p =>
        {
            var mine = changes[p.Id].OrderBy(c => c.Id).ToList();
            Assert.Equal(p.StartDate, p.BaselineStartDate);
            var ends = mine.Where(c => c.Field == "planned_end_date").ToList();
            var budgets = mine.Where(c => c.Field == "budget_kzt").ToList();
            // The chain of changes leads from the baseline to the current plan.
            Assert.Equal(Iso(p.BaselineEndDate), ends.FirstOrDefault()?.OldValue ?? Iso(p.PlannedEndDate));
            Assert.Equal(Iso(p.PlannedEndDate), ends.LastOrDefault()?.NewValue ?? Iso(p.BaselineEndDate));
            Assert.Equal(Money(p.BaselineBudgetKzt), budgets.FirstOrDefault()?.OldValue ?? Money(p.BudgetKzt));
            Assert.Equal(Money(p.BudgetKzt), budgets.LastOrDefault()?.NewValue ?? Money(p.BaselineBudgetKzt));
            Assert.All(ends.Zip(ends.Skip(1)), pair => Assert.Equal(pair.First.NewValue, pair.Second.OldValue));
            Assert.All(mine, c =>
            {
                Assert.False(string.IsNullOrWhiteSpace(c.Reason));
                Assert.InRange(DateOnly.FromDateTime(c.ChangedAtUtc), p.StartDate, Today);
            });
            Assert.True(p.PlannedEndDate >= p.BaselineEndDate && p.BudgetKzt >= p.BaselineBudgetKzt);
        });
        var delayed = projects.Where(p => p.Status == "delayed").ToList();
        var replanned = delayed.Count(p => changes[p.Id].Any());
        Assert.InRange(replanned / (double)delayed.Count, 0.2, 0.5);
        Assert.All(projects.Where(p => p.Status != "delayed"), p => Assert.Empty(changes[p.Id]));
        Assert.InRange(changes.Max(g => g.Count(c => c.Field == "planned_end_date")), 1, 2);
    }

    [Fact]
    public void EveryProjectHasADeputyOfTheList()
    {
        var reference = City.Plan.Reference;
        var supervised = reference.DeputyDepartments.ToHashSet();
        Assert.Equal(4, reference.Deputies.Count);
        // Every department answers to exactly one deputy.
        Assert.Equal(reference.Departments.Select(d => d.Id).Order(), reference.DeputyDepartments.Select(d => d.DepartmentId).Order());
        Assert.All(City.Plan.Projects.Projects, p =>
        {
            Assert.Contains(reference.Deputies, d => d.Id == p.DeputyId);
            Assert.Contains((p.DeputyId, p.DepartmentId), supervised);
        });
    }

    [Fact]
    public void ScopeResultsAndKpis_FitEachProject()
    {
        var portfolio = City.Plan.Projects;
        var results = portfolio.Results.ToLookup(r => r.ProjectId);
        var kpis = City.Plan.Kpis.Kpis.ToDictionary(k => k.Id);
        var links = portfolio.ProjectKpis.ToLookup(l => l.ProjectId);
        Assert.All(portfolio.Projects, p =>
        {
            Assert.Equal(p.Capacity is null, p.CapacityUnit is null);
            Assert.InRange(results[p.Id].Count(r => r.Kind == "direct"), 1, 3);
            Assert.InRange(results[p.Id].Count(r => r.Kind == "final"), 1, 2);
            Assert.All(results[p.Id], r => Assert.Equal(p.Status is "completed" or "archived", r.Achieved is not null));
            Assert.InRange(links[p.Id].Count(), 1, 2);
            Assert.All(links[p.Id], l => Assert.Equal(p.DepartmentId, kpis[l.KpiId].DepartmentId));
        });
        Assert.Contains(portfolio.Projects, p => p.CapacityUnit == "places" && p.Storeys is not null);
        Assert.Contains(portfolio.Projects, p => p.CapacityUnit == "km");
        Assert.Contains(portfolio.Projects, p => p.CapacityUnit == "gcal_h");
        Assert.Contains(portfolio.Projects, p => p.AreaHa is not null);
        // A later phase of a project of the same name says which: never "(II очередь) (II очередь)".
        Assert.DoesNotContain(portfolio.Projects, p => p.NameRu.Split("очередь").Length > 2);
    }

    [Fact]
    public void Outlines_AreGeoJsonNearTheProject()
    {
        var outlined = City.Plan.Projects.Projects.Where(p => p.Outline is not null).ToList();
        Assert.InRange(outlined.Count, 200, 500);
        Assert.All(outlined, p =>
        {
            using var json = JsonDocument.Parse(p.Outline!);
            var type = json.RootElement.GetProperty("type").GetString();
            Assert.Contains(type, new[] { "LineString", "Polygon" });
            var points = type == "Polygon" ? json.RootElement.GetProperty("coordinates")[0] : json.RootElement.GetProperty("coordinates");
            Assert.All(points.EnumerateArray(), c =>
            {
                Assert.InRange(c[0].GetDouble(), p.Lon!.Value - 0.03, p.Lon.Value + 0.03);
                Assert.InRange(c[1].GetDouble(), p.Lat!.Value - 0.02, p.Lat.Value + 0.02);
            });
        });
        Assert.Contains(outlined, p => p.Group == "roads" && p.Outline!.Contains("LineString", StringComparison.Ordinal));
    }

    [Fact]
    public void RisksAndMeetings_AreConsistent()
    {
        var portfolio = City.Plan.Projects;
        var risks = portfolio.Risks.ToDictionary(r => r.Id);
        var meetings = portfolio.Meetings.ToDictionary(m => m.Id);
        Assert.Single(portfolio.Meetings, m => m.Status == "planned" && m.HeldOn > Today);
        Assert.All(portfolio.Meetings.Where(m => m.Status == "held"), m => Assert.True(m.HeldOn < Today));
        Assert.Contains(portfolio.Risks, r => r.Kind == "issue");
        Assert.All(portfolio.Risks, r =>
        {
            Assert.Equal(r.IsOpen, r.ClosedOn is null);
            Assert.True(r.DueDate > r.RaisedOn);
            Assert.False(string.IsNullOrWhiteSpace(r.Owner));
        });
        Assert.Equal(portfolio.Risks.Where(r => r.ToMeeting).Select(r => r.Id).Order(), portfolio.MeetingItems.Select(i => i.RiskId).Order());
        Assert.All(portfolio.MeetingItems, i =>
        {
            var meeting = meetings[i.MeetingId];
            Assert.Equal(meeting.Status == "held", i.Decision is not null);
            Assert.True(meeting.HeldOn >= risks[i.RiskId].RaisedOn);
            Assert.True(i.DueDate > meeting.HeldOn);
        });
        Assert.Contains(portfolio.MeetingItems, i => i.Decision is null);
        Assert.Contains(portfolio.MeetingItems, i => i.Decision is not null);
    }

    [Fact]
    public void GroupServiceTypes_CoverEveryGroupWithKnownCodes()
    {
        var types = City.Plan.Reference.ServiceTypes.ToDictionary(t => t.Id);
        var byGroup = City.Plan.Projects.GroupServiceTypes.ToLookup(g => g.Group, g => types[g.ServiceTypeId].Code);
        Assert.Equal(new[] { "construction", "engineering", "improvement", "roads", "social" }, byGroup.Select(g => g.Key).Order());
        Assert.All(IKomek.Dashboard.Features.DemoCity.ProjectOffice.ServiceTypeCodes, g =>
            Assert.All(g.Value, code => Assert.Contains(byGroup[g.Key], c => c == code || c.StartsWith(code + "_", StringComparison.Ordinal))));
    }

    [Fact]
    public void Photos_TwoToFourSmallPngsPerPublicProject()
    {
        var portfolio = City.Plan.Projects;
        var photos = portfolio.Photos.ToLookup(p => p.ProjectId);
        Assert.All(portfolio.Projects, p =>
        {
            if (!p.IsPublic)
            {
                Assert.Empty(photos[p.Id]);
                return;
            }
            Assert.InRange(photos[p.Id].Count(), 2, 4);
            Assert.All(photos[p.Id], photo =>
            {
                Assert.True(photo.Image.Length < 30_000, $"{p.Code}: {photo.Image.Length} bytes");
                Assert.Equal((photo.Width, photo.Height), Png.Size(photo.Image));
                Assert.Equal(Thumbnails.Width, Png.Size(photo.Thumbnail)!.Value.Width);
                Assert.InRange(photo.TakenOn, p.ActualStartDate!.Value, Today);
            });
        });
        Assert.True(portfolio.Photos.Sum(p => (long)p.Image.Length + p.Thumbnail.Length) < 8_000_000);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0", CultureInfo.InvariantCulture);
}
