using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Features.DemoCity;
namespace IKomek.Dashboard.Tests.Features.DemoCity;

public sealed class ReferenceDataTests
{
    private static ReferenceData Reference => GeneratedCity.Small.Plan.Reference;

    [Fact]
    public void Areas_AreThe28OfTheDomainTableInOrder()
    {
        string[] expected =
        [
            "heating", "water_supply", "sewerage", "storm_drainage", "electricity", "gas", "elevators", "housing_maintenance",
            "emergency_housing", "waste_collection", "sanitation", "snow_ice", "roads_sidewalks", "street_lighting",
            "public_transport", "traffic_parking", "landscaping", "construction", "health", "education", "social_support",
            "public_order", "stray_animals", "ecology", "trade_services", "utility_billing", "land_architecture", "other_services",
        ];
        Assert.Equal(expected, Reference.Areas.Select(a => a.Code));
        Assert.Equal(Enumerable.Range(1, 28).Select(i => (short)i), Reference.Areas.Select(a => a.Id));
        Assert.Equal(
            new[] { "heating", "water_supply", "sewerage", "electricity", "gas", "elevators" },
            Reference.Areas.Where(a => a.IsLifeSupport).Select(a => a.Code));
    }

    [Fact]
    public void ServiceTypes_AreOverAThousandDistinctAndCompleteTypes()
    {
        var types = Reference.ServiceTypes;
        Assert.InRange(types.Count, 1000, 1200);
        Assert.Equal(types.Count, types.Select(t => t.Code).Distinct().Count());
        Assert.Equal(types.Count, types.Select(t => t.NameRu).Distinct().Count());
        Assert.Equal(types.Count, types.Select(t => t.NameEn).Distinct().Count());
        Assert.All(types, t =>
        {
            Assert.StartsWith(t.AreaCode + ".", t.Code, StringComparison.Ordinal);
            Assert.NotEmpty(t.Keywords);
            Assert.InRange(t.SlaWorkingDays, (short)1, (short)15);
            Assert.False(string.IsNullOrWhiteSpace(t.NameKk));
            if (t.IsCritical)
            {
                Assert.Equal(1, t.SlaWorkingDays);
            }
        });
        Assert.All(Reference.Areas, a => Assert.True(types.Count(t => t.AreaId == a.Id) >= 15, a.Code));
        // Most SLAs are 3-7 working days; threats to life are among the critical ones.
        Assert.True(types.Count(t => t.SlaWorkingDays is >= 3 and <= 7) > types.Count / 2);
        Assert.Contains(types, t => t.Code == "heating.no_heat_flat" && t.IsCritical && t.NameRu == "Нет отопления в квартире");
        Assert.Contains(types, t => t.Code.StartsWith("gas.leak", StringComparison.Ordinal) && t.IsCritical);
        Assert.Contains(types, t => t.Code.StartsWith("elevators.stuck", StringComparison.Ordinal) && t.IsCritical);
    }

    [Fact]
    public void ServiceTypes_HaveKazakhNamesInKazakhLetters()
    {
        var kazakh = Reference.ServiceTypes.Count(t => TextChecks.HasKazakhLetter(t.NameKk));
        Assert.True(kazakh > Reference.ServiceTypes.Count * 0.95, $"{kazakh} of {Reference.ServiceTypes.Count}");
    }

    [Fact]
    public void CityStructure_HasFiveDistrictsThirtyDepartmentsAndOver700Organisations()
    {
        Assert.Equal(new[] { "almaty", "baikonyr", "yesil", "saryarka", "nura" }, Reference.Districts.Select(d => d.Code));
        Assert.InRange(Reference.Districts.Sum(d => d.Population), 1_300_000, 1_500_000);
        Assert.All(Reference.Districts, d =>
        {
            Assert.InRange(d.CenterLat, 51.05, 51.22);
            Assert.InRange(d.CenterLon, 71.33, 71.55);
        });
        Assert.Equal(25, Reference.Departments.Count(d => d.Kind == "city_department"));
        Assert.Equal(5, Reference.Departments.Count(d => d.Kind == "district_akimat" && d.DistrictId is not null));
        Assert.True(Reference.Organisations.Count >= 700, $"{Reference.Organisations.Count} organisations");
        Assert.Equal(Reference.Organisations.Count, Reference.Organisations.Select(o => o.Name).Distinct().Count());
        Assert.All(Reference.Departments, d => Assert.Contains(Reference.Organisations, o => o.DepartmentId == d.Id));
        Assert.Contains(Reference.Organisations, o => o.Name == "АО «Астана-Теплотранзит»");
        Assert.Contains(Reference.Organisations, o => o.Name.StartsWith("ОСИ «", StringComparison.Ordinal) && o.DistrictId is not null);
    }

    [Fact]
    public void Channels_AreEightWithTheRealSplitOfCallsAndDigital()
    {
        var channels = Reference.Channels;
        Assert.Equal(8, channels.Count);
        Assert.Equal(100, channels.Sum(c => c.SharePct), 6);
        Assert.Equal(74, channels.Where(c => !c.IsDigital).Sum(c => c.SharePct), 6);
        Assert.Equal("call_109", channels.Single(c => !c.IsDigital).Code);
    }

    [Fact]
    public void People_AreOneManagerPerDepartmentAndUsersForEveryRole()
    {
        Assert.Equal(Reference.Departments.Select(d => d.Id), Reference.Managers.Select(m => m.DepartmentId));
        Assert.Equal(Reference.Managers.Count, Reference.Managers.Select(m => m.FullName).Distinct().Count());
        Assert.All(Reference.Managers, m => Assert.Equal(3, m.FullName.Split(' ').Length));
        Assert.Equal(CityRoles.SignIn.Order(StringComparer.Ordinal), Reference.Users.Select(u => u.Role).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Reference.Users.Count, Reference.Users.Select(u => u.Login).Distinct().Count());
        // A department head's account is the manager the rating rates.
        Assert.All(Reference.Users.Where(u => u.Role == CityRoles.DepartmentHead),
            u => Assert.Equal(Reference.Managers.Single(m => m.DepartmentId == u.DepartmentId).FullName, u.DisplayName));
    }

    [Fact]
    public void Router_SendsEveryTypeToAnOrganisationOfItsDepartmentInTheDistrict()
    {
        var router = new Router(Reference);
        var akimats = Reference.Departments.Where(d => d.Kind == "district_akimat").ToDictionary(d => d.DistrictId!.Value, d => d.Id);
        foreach (var type in Reference.ServiceTypes)
        {
            foreach (var district in Reference.Districts)
            {
                var (department, organisation) = router.Route(type, new Location(district.Id, GeneratedCity.Small.Plan.Addresses.StreetsOf(district.Id)[0], 1, 0));
                var org = Reference.Organisations[organisation - 1];
                Assert.Equal(type.ForDistrictAkimat ? akimats[district.Id] : type.DepartmentId, department);
                Assert.Equal(department, org.DepartmentId);
                Assert.True(org.DistrictId is null || org.DistrictId == district.Id);
            }
        }
    }
}
