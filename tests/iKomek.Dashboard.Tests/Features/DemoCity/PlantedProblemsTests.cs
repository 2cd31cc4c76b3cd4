using System.Globalization;
using IKomek.Dashboard.Features.DemoCity;
namespace IKomek.Dashboard.Tests.Features.DemoCity;

public sealed class PlantedProblemsTests
{
    private static GeneratedCity.City City => GeneratedCity.Small;

    private static List<AppealRow> AppealsOf(PlantedProblem problem) =>
        City.Appeals.Where(a => a.ServiceTypeId == problem.ServiceTypeId && a.Lat is not null
            && AddressBook.DistanceMetres(problem.Lat, problem.Lon, a.Lat.Value, a.Lon!.Value) <= problem.RadiusM).ToList();

    private static int DistinctWeeks(IEnumerable<AppealRow> appeals) =>
        appeals.Select(a => ISOWeek.GetWeekOfYear(DemoCalendar.ToLocal(a.CreatedAt)) + 100 * DemoCalendar.ToLocal(a.CreatedAt).Year).Distinct().Count();

    [Fact]
    public void About40ProblemsArePlanted_PlusDecoys()
    {
        var planted = City.Plan.Planted.Select(p => p.Row).ToList();
        Assert.InRange(planted.Count(p => !p.IsDecoy), 38, 45);
        Assert.InRange(planted.Count(p => p.IsDecoy), 3, 8);
        Assert.All(planted.Where(p => p.IsDecoy), p => Assert.StartsWith("decoy_", p.Kind, StringComparison.Ordinal));
        foreach (var kind in new[] { "recurring_building", "recurring_street", "recurring_cell", "seasonal_building", "seasonal_cell", "emerging_building" })
        {
            Assert.Contains(planted, p => p.Kind == kind);
        }
        Assert.All(planted.Where(p => !p.IsDecoy), p => Assert.True(p.AppealsPerWeek >= 2.5m));
        Assert.Equal(planted.Count, planted.Select(p => (p.Lat, p.Lon)).Distinct().Count());
    }

    [Fact]
    public void EveryPlantedProblem_RecursOverManyWeeks()
    {
        var weeks = new List<int>();
        foreach (var problem in City.Plan.Planted.Select(p => p.Row).Where(p => !p.IsDecoy))
        {
            var appeals = AppealsOf(problem);
            var distinct = DistinctWeeks(appeals);
            weeks.Add(distinct);
            Assert.True(distinct >= 5, $"{problem.Kind} {problem.Address}: {appeals.Count} appeals in {distinct} weeks");
            Assert.All(appeals.Where(a => a.Address is not null), a => Assert.Equal(problem.DistrictId, a.DistrictId));
        }
        Assert.True(weeks.Average() >= 10, $"on average {weeks.Average():F1} weeks");
    }

    [Fact]
    public void SeasonalProblems_ComeBackInTheirSeason_AndEmergingOnesGrow()
    {
        foreach (var source in City.Plan.Planted.Where(p => p.Row.Kind.StartsWith("seasonal_", StringComparison.Ordinal)))
        {
            var appeals = AppealsOf(source.Row);
            var inSeason = appeals.Count(a => source.SeasonMonths!.Contains(DemoCalendar.ToLocal(a.CreatedAt).Month));
            Assert.True(inSeason >= appeals.Count * 0.8, $"{source.Row.Address}: {inSeason} of {appeals.Count} in season");
        }
        foreach (var problem in City.Plan.Planted.Select(p => p.Row).Where(p => p.Kind.StartsWith("emerging_", StringComparison.Ordinal)))
        {
            var appeals = AppealsOf(problem).Where(a => DemoCalendar.LocalDate(a.CreatedAt) >= problem.StartsOn).ToList();
            var middle = problem.StartsOn.AddDays((problem.EndsOn.DayNumber - problem.StartsOn.DayNumber) / 2);
            var firstHalf = appeals.Count(a => DemoCalendar.LocalDate(a.CreatedAt) < middle);
            Assert.True(appeals.Count - firstHalf > firstHalf, $"{problem.Address}: {firstHalf} then {appeals.Count - firstHalf}");
        }
    }

    [Fact]
    public void Decoys_AreOneOffBurstsAtOneAddress()
    {
        foreach (var decoy in City.Plan.Planted.Select(p => p.Row).Where(p => p.IsDecoy))
        {
            var appeals = AppealsOf(decoy);
            var inBurst = appeals.Count(a => DemoCalendar.LocalDate(a.CreatedAt) >= decoy.StartsOn && DemoCalendar.LocalDate(a.CreatedAt) <= decoy.EndsOn);
            Assert.True(inBurst >= 6, $"{decoy.Address}: {inBurst}");
            Assert.True(DistinctWeeks(appeals) <= 3, decoy.Address);
            Assert.Equal(1, decoy.EndsOn.DayNumber - decoy.StartsOn.DayNumber);
        }
    }
}
