using Bunit;
using IKomek.Dashboard.Features.CitySystems.Panels;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Features.CitySystems;
using Microsoft.Extensions.DependencyInjection;

namespace IKomek.Dashboard.Tests.Components.CitySystems;

/// <summary>The wall's counters: open critical alerts per system and the silent systems, counts only.</summary>
public sealed class SystemsWallCountersTests(SystemsCity city) : MudComponentTest, IClassFixture<SystemsCity>
{
    [Fact]
    public void Wall_CountsCriticalAlertsPerSystem_AndNamesTheSilentOnes()
    {
        UseDatabase(city.DataSource);
        Context.Services.AddSingleton(new AstanaClock(city.Clock));
        Context.Services.AddSingleton<PanelsQueries>();
        SignIn(null);

        var cut = Context.Render<SystemsWallCounters>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=wall-system-critical]").Count));
        var counters = cut.FindAll("[data-testid=wall-system-critical]");
        Assert.Equal(["cameras", "manholes"], counters.Select(c => c.GetAttribute("data-code")).Order());
        Assert.Equal("3", counters.Single(c => c.GetAttribute("data-code") == "cameras").QuerySelector(".n")!.TextContent);
        // Nine of the thirteen systems have no data in this city: silent.
        var silent = cut.Find("[data-testid=wall-systems-silent]");
        Assert.Equal("9", silent.QuerySelector(".n")!.TextContent);
        Assert.Contains("Запасы угля и ГСМ", silent.TextContent);
        Assert.DoesNotContain("Иванов", cut.Markup);
    }
}
