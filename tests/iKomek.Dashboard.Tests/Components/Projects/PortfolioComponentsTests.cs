using System.Security.Claims;
using Bunit;
using Dapper;
using IKomek.Dashboard.Features.Projects;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IKomek.Dashboard.Tests.Components.Projects;

/// <summary>The portfolio's components with plain parameters, and its pages with their real queries on a small demo city.</summary>
public sealed class PortfolioComponentsTests(DemoCityDatabase demoCity) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    public override Task InitializeAsync()
    {
        UseDatabase(demoCity.DataSource);
        return Task.CompletedTask;
    }

    private static PortfolioRow Row(string code, string status, bool late, bool over, bool? onTime, long high = 0) =>
        new(code.GetHashCode(StringComparison.Ordinal), code, "Проект " + code, "Жоба " + code, "Project " + code, "roads", status, 5, 1, 1,
            "construction", "Заместитель", "Руководитель", new DateTime(2025, 1, 1), new DateTime(2026, 6, 1), new DateTime(2026, late ? 9 : 6, 1),
            new DateTime(2026, 6, 1), 1_000_000_000m, 1_000_000_000m, 400_000_000m, 40m, 45m, late, over, onTime, 2, high);

    [Fact]
    public void Stats_ShowCountsAndTheOnTimeShare()
    {
        var summary = PortfolioSummary.Of([Row("A", "active", false, false, true, 1), Row("B", "delayed", true, true, false, 2), Row("C", "planned", false, false, null)]);

        var cut = Context.Render<PortfolioStats>(p => p.Add(x => x.Summary, summary));

        Assert.Equal("2", cut.Find("[data-testid=projects-active]").TextContent.Trim());
        Assert.Equal("1", cut.Find("[data-testid=portfolio-late]").TextContent.Trim());
        Assert.Equal("1", cut.Find("[data-testid=portfolio-over-budget]").TextContent.Trim());
        Assert.Equal("50 %", cut.Find("[data-testid=portfolio-on-time]").TextContent.Trim());
        Assert.Equal("3", cut.Find("[data-testid=portfolio-high-risks]").TextContent.Trim());
        Assert.Equal("2,0", cut.Find("[data-testid=portfolio-budget]").TextContent.Trim());
        // Two projects judged are too few to colour.
        Assert.Contains(cut.FindAll(".stat"), s => s.GetAttribute("data-tone") == "muted");
    }

    [Fact]
    public void Breakdown_LinksEachKeyAndMarksLateOnes()
    {
        var counts = new[] { new PortfolioCount("roads", 3, 1, 0), new PortfolioCount("social", 1, 0, 0) };

        var cut = Context.Render<PortfolioBreakdown>(p => p.Add(x => x.Title, "По группам").Add(x => x.Counts, counts)
            .Add(x => x.Label, k => k.ToUpperInvariant()).Add(x => x.Href, k => k == "roads" ? "projects?group=roads" : null).Add(x => x.TestId, "b"));

        var rows = cut.FindAll("[data-testid=b] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("projects?group=roads", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("ROADS", rows[0].QuerySelector("a")!.TextContent);
        Assert.Null(rows[1].QuerySelector("a"));
        Assert.Equal("warn", rows[0].QuerySelectorAll("td")[2].GetAttribute("class")!.Split(' ')[1]);
    }

    [Fact]
    public void ComplaintRises_ListRisesAndNewOnes_OrSayNone()
    {
        ComplaintRiseRow Rise(string code, int before, int since) => new(1, code, "Дорога", "Жол", "Road", "roads", 3, before, 12, since, 6);

        var cut = Context.Render<ComplaintRisesPanel>(p => p.Add(x => x.Rows, [Rise("RD-001", 12, 30), Rise("RD-002", 0, 12)]));
        var empty = Context.Render<ComplaintRisesPanel>(p => p.Add(x => x.Rows, []));

        var rows = cut.FindAll("[data-testid=portfolio-complaints] tbody tr");
        Assert.Equal(["1,0", "5,0", "×5,0"], rows[0].QuerySelectorAll("td.num").Select(td => td.TextContent.Trim()));
        Assert.Equal("новые", rows[1].QuerySelector("td.rise")!.TextContent.Trim());
        Assert.Equal("projects/RD-001", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("appeals?district=3", rows[0].QuerySelectorAll("a")[1].GetAttribute("href"));
        Assert.Contains("Роста жалоб рядом с объектами нет", empty.Markup);
    }

    private IRenderedComponent<IComponent> Page<TPage>(params (string Name, object? Value)[] parameters) where TPage : IComponent =>
        Context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<TPage>(1);
            foreach (var (name, value) in parameters) b.AddAttribute(2, name, value);
            b.CloseComponent();
        });

    private static int Total(IRenderedComponent<IComponent> cut, string grid = "projects-grid") =>
        int.Parse(cut.Find($"[data-testid={grid}] .mud-table-pagination-caption").TextContent.Split(' ')[^1], System.Globalization.CultureInfo.CurrentCulture);

    [Fact]
    public async Task Portfolio_DepartmentHead_ListsOwnDepartmentAndCountsTheCity()
    {
        var auth = Context.AddAuthorization();
        auth.SetAuthorized("head.energy");
        auth.SetRoles(CityRoles.DepartmentHead);
        auth.SetClaims(new Claim(CityRoles.DepartmentClaim, "1"));
        await using var conn = await demoCity.DataSource.OpenConnectionAsync();
        var (all, own, ongoing) = await conn.QuerySingleAsync<(int, int, int)>(
            "SELECT count(*)::int, count(*) FILTER (WHERE department_id = 1)::int, count(*) FILTER (WHERE status IN ('active', 'delayed'))::int FROM projects");

        var cut = Page<ProjectsPage>();

        cut.WaitForAssertion(() => Assert.Equal(own, Total(cut)), TimeSpan.FromSeconds(10));
        Assert.Equal(ongoing.ToString("N0"), cut.Find("[data-testid=projects-active]").TextContent.Trim());
        Assert.Contains((all - own).ToString("N0"), cut.Find("[data-testid=portfolio-own-note]").TextContent);
        Assert.True(own > 0 && own < all);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Portfolio_Deputy_OpensOnOwnPortfolio_AndTheCityOnRequest(bool city)
    {
        var auth = Context.AddAuthorization();
        auth.SetAuthorized("deputy.utilities");
        auth.SetRoles(CityRoles.Deputy);
        await using var conn = await demoCity.DataSource.OpenConnectionAsync();
        var (all, mine) = await conn.QuerySingleAsync<(int, int)>(
            "SELECT count(*)::int, count(*) FILTER (WHERE d.code = 'utilities')::int FROM projects p JOIN deputies d ON d.id = p.deputy_id");
        if (city) Navigate("projects?scope=city");

        var cut = Page<ProjectsPage>();

        cut.WaitForAssertion(() => Assert.Equal(city ? all : mine, Total(cut)), TimeSpan.FromSeconds(10));
        Assert.Equal("true", cut.Find(city ? "[data-testid=portfolio-city]" : "[data-testid=portfolio-mine]").GetAttribute("aria-pressed"));
        Assert.Empty(cut.FindAll("[data-testid=portfolio-own-note]"));
    }

    private void Navigate(string relative) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<NavigationManager>(Context.Services).NavigateTo(relative);

    [Fact]
    public async Task Portfolio_AnonymousWithFiltersFromTheAddress()
    {
        SignIn(null);
        await using var conn = await demoCity.DataSource.OpenConnectionAsync();
        var roadsInDistrict = await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM projects WHERE project_group = 'roads' AND district_id = 2");

        Navigate("projects?group=roads&district=2");

        var cut = Page<ProjectsPage>();

        cut.WaitForAssertion(() => Assert.Equal(roadsInDistrict, Total(cut)), TimeSpan.FromSeconds(10));
        Assert.Single(cut.FindAll("[data-testid=portfolio-by-group] tbody tr"));
        Assert.Empty(cut.FindAll("[data-testid=portfolio-mine]"));
        Assert.All(cut.FindAll("[data-testid=projects-grid] tbody tr a.code"), a => Assert.StartsWith("projects/RD-", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains(cut.FindAll("[data-testid=portfolio-by-deputy] a"), a => a.GetAttribute("href") == "projects/deputy/construction");
    }

    [Fact]
    public async Task DeputyPortfolio_RollsUpWhatTheDeputySupervises()
    {
        SignIn(null);
        await using var conn = await demoCity.DataSource.OpenConnectionAsync();
        var theirs = await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM projects p JOIN deputies d ON d.id = p.deputy_id WHERE d.code = 'social'");

        var cut = Page<DeputyPortfolioPage>((nameof(DeputyPortfolioPage.Code), "social"));

        cut.WaitForAssertion(() => Assert.Equal(theirs, Total(cut, "deputy-grid")), TimeSpan.FromSeconds(10));
        Assert.False(string.IsNullOrWhiteSpace(cut.Find("[data-testid=deputy-name]").TextContent));
        Assert.NotEmpty(cut.FindAll("[data-testid=deputy-by-department] tbody tr"));
        Assert.Equal(theirs, cut.FindAll("[data-testid=deputy-by-group] tbody tr td:nth-child(2)").Sum(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.CurrentCulture)));
    }

    [Fact]
    public void DeputyPortfolio_UnknownDeputy_SaysSo()
    {
        SignIn(null);

        var cut = Page<DeputyPortfolioPage>((nameof(DeputyPortfolioPage.Code), "nobody"));

        cut.WaitForAssertion(() => Assert.Contains("«nobody» не найден", cut.Markup), TimeSpan.FromSeconds(10));
    }
}
