using System.Globalization;
using Bunit;
using IKomek.Dashboard.Features.Kpis;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IKomek.Dashboard.Tests.Components.Kpis;

/// <summary>The /kpis page with its real queries on a small demo city.</summary>
public sealed class KpisPageTests(DemoCityDatabase city) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    public override Task InitializeAsync()
    {
        UseDatabase(city.DataSource);
        Context.Services.AddSingleton(city.Clock);
        return Task.CompletedTask;
    }

    private IRenderedComponent<IComponent> Page(string address)
    {
        SignIn(null);
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<KpisPage>(1);
            b.CloseComponent();
        });
    }

    [Fact]
    public void AllDepartments_TheTreeTheRankingsAndTheWorstKpisTrend()
    {
        var cut = Page("kpis");

        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid=kpi-dept]").Count > 20));
        Assert.Equal(5, cut.FindAll("[data-testid=kpi-worst] li").Count);
        Assert.Equal(5, cut.FindAll("[data-testid=kpi-best] li").Count);
        Assert.Matches(@"^\d+,\d %$", cut.Find("[data-testid=kpi-city-pct]").TextContent.Trim());
        var worst = cut.Find("[data-testid=kpi-worst] li button").GetAttribute("data-code");
        // With nothing chosen, the worst KPI's trend shows, its department open in the tree.
        cut.WaitForAssertion(() => Assert.Equal(worst, cut.Find("[data-testid=kpi-row].selected").GetAttribute("data-code")));
        Assert.NotEmpty(cut.FindAll("[data-testid=kpi-value-row]"));
    }

    [Theory]
    [InlineData("ru", "↑ больше — лучше", "считается по данным города")]
    [InlineData("kk", "↑ көп болса — жақсы", "қала деректерінен есептеледі")]
    [InlineData("en", "↑ higher is better", "computed from the city's data")]
    public void DepartmentAndKpiFromTheAddress_OneDepartment_ItsKpiAndTheAppealsBehind(string language, string direction, string source)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        var cut = Page("kpis?department=energy&kpi=energy.appeals_on_time");

        cut.WaitForAssertion(() => Assert.Equal("energy.appeals_on_time", cut.Find("[data-testid=kpi-row].selected").GetAttribute("data-code")));
        Assert.Single(cut.FindAll("[data-testid=kpi-dept]"));
        Assert.All(cut.FindAll("[data-testid=kpi-row]"), r => Assert.StartsWith("energy.", r.GetAttribute("data-code"), StringComparison.Ordinal));
        Assert.Equal(direction, cut.Find("[data-testid=kpi-direction]").TextContent.Trim());
        Assert.Equal(source, cut.Find("[data-testid=kpi-source]").TextContent.Trim());
        var links = cut.FindAll("[data-testid=kpi-appeals-link]").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith("/appeals?department=", l, StringComparison.Ordinal));
        // Values in the reader's format: a decimal comma, shares with their sign.
        var values = cut.FindAll("[data-testid=kpi-values] td.num").Select(td => td.TextContent.Trim()).ToList();
        Assert.DoesNotContain(values, v => System.Text.RegularExpressions.Regex.IsMatch(v, @"\d\.\d"));
        Assert.Contains(values, v => System.Text.RegularExpressions.Regex.IsMatch(v, @"^\d+,\d+ %$"));
    }

    [Fact]
    public void ClickingAKpi_PutsItInTheAddress()
    {
        var cut = Page("kpis?department=energy");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=kpi-row].selected")));

        var row = cut.FindAll("[data-testid=kpi-row]").Last();
        var code = row.GetAttribute("data-code");
        row.Click();

        var nav = Context.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith($"/kpis?department=energy&kpi={code}", nav.Uri, StringComparison.Ordinal));
    }
}
