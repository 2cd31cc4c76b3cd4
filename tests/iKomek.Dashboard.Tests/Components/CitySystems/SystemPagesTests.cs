using Bunit;
using IKomek.Dashboard.Features.CitySystems.Panels;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Features.CitySystems;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IKomek.Dashboard.Tests.Components.CitySystems;

/// <summary>The systems' pages with their real queries, and who sees residents' records: the social map's households
/// only to the roles with the right to personal data, audited; everyone else its totals by district.</summary>
public sealed class SystemPagesTests(SystemsCity city) : MudComponentTest, IClassFixture<SystemsCity>
{
    public override Task InitializeAsync()
    {
        UseDatabase(city.DataSource);
        Context.Services.AddSingleton(new AstanaClock(city.Clock));
        Context.Services.AddSingleton<AuditLog>();
        Context.Services.AddSingleton<PanelsQueries>();
        Context.Services.AddSingleton<PersonalView>();
        Context.Services.AddOptions<MapOptions>();
        return Task.CompletedTask;
    }

    private IRenderedComponent<IComponent> Page<TPage>(params (string Name, object Value)[] parameters) where TPage : IComponent =>
        Context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<TPage>(1);
            foreach (var (name, value) in parameters) b.AddAttribute(2, name, value);
            b.CloseComponent();
        });

    [Fact]
    public void Overview_ShowsATilePerSystem()
    {
        SignIn(null);
        var cut = Page<SystemsPage>();

        cut.WaitForAssertion(() => Assert.Equal(13, cut.FindAll("[data-testid=system-tile]").Count));
        var manholes = cut.Find("[data-testid=system-tile][data-code=manholes]");
        Assert.Equal("30", manholes.QuerySelector("[data-testid=tile-objects]")!.TextContent);
        Assert.Equal("false", manholes.GetAttribute("data-stale"));
        Assert.Equal("true", cut.Find("[data-testid=system-tile][data-code=fuel]").GetAttribute("data-stale"));
    }

    [Fact]
    public void SystemPage_Cameras_DrawsAGridAndPagesTheTable()
    {
        SignIn(null);
        var cut = Page<SystemPage>(("Code", "cameras"));

        cut.WaitForAssertion(() => Assert.Equal("grid", cut.Find("[data-testid=system-map]").GetAttribute("data-mode")));
        Assert.Equal(PanelsQueries.PageSize, cut.FindAll("[data-testid=object-link]").Count);
        Assert.Contains("из 2\u00a0500", cut.Find("[data-testid=objects-total]").TextContent);
        Assert.Equal(3, cut.FindAll("[data-testid=system-alert][data-open=true]").Count);
    }

    [Fact]
    public void SystemPage_FiltersInTheAddress_NarrowTheTable()
    {
        SignIn(null);
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo("systems/manholes?f.state=open");
        var cut = Page<SystemPage>(("Code", "manholes"));

        cut.WaitForAssertion(() => Assert.Equal(["MH-000", "MH-001"], cut.FindAll("[data-testid=object-link]").Select(a => a.TextContent)));
        Assert.Equal(2, cut.FindAll("[data-testid=map-point]").Count);
    }

    [Fact]
    public void SystemPage_UnknownSystem_SaysSo()
    {
        SignIn(null);
        var cut = Page<SystemPage>(("Code", "no_such"));

        cut.WaitForAssertion(() => Assert.Contains("Такой системы нет", cut.Markup));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("akim")]
    [InlineData("deputy")]
    [InlineData("department_head")]
    [InlineData("project_office")]
    public async Task SocialMap_WithoutTheRight_ShowsDistrictTotalsOnly_AndAuditsNothing(string? role)
    {
        SignIn(role);
        var before = await AuditCountAsync();
        var cut = Page<SystemPage>(("Code", "social_map"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=district-totals]")));
        Assert.Equal("districts", cut.Find("[data-testid=system-map]").GetAttribute("data-mode"));
        Assert.Empty(cut.FindAll("[data-testid=map-point]"));
        Assert.Empty(cut.FindAll("[data-testid=object-link]"));
        Assert.Empty(cut.FindAll("[data-testid=filter-text]"));
        foreach (var personal in new[] { "Иванов", "+7 701", "кв. ", "SM-0" }) Assert.DoesNotContain(personal, cut.Markup);
        Assert.Equal(before, await AuditCountAsync());
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("analyst")]
    [InlineData("admin")]
    public async Task SocialMap_WithTheRight_ShowsTheHouseholds_AndIsAudited(string role)
    {
        SignIn(role);
        var cut = Page<SystemPage>(("Code", "social_map"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=object-link]")));
        Assert.Contains("Иванов Иван", cut.Markup);
        Assert.Equal("points", cut.Find("[data-testid=system-map]").GetAttribute("data-mode"));
        // The page may still be drawing its other parts: the record of what was seen is looked for until it is there.
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(15);
        while (!(await AuditRows.AboutAsync(city.DataSource, "city_system", "social_map")).Any(r => r.Actor == role && r.Action == PersonalView.AuditAction)
               && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Contains(await AuditRows.AboutAsync(city.DataSource, "city_system", "social_map"), r => r.Actor == role && r.Action == PersonalView.AuditAction);
    }

    [Fact]
    public async Task Household_OpenedByAnOperator_ShowsItsFieldsAndIsAudited()
    {
        SignIn("operator");
        var cut = Page<SystemObjectPage>(("Code", "social_map"), ("SourceId", "SM-007"));

        cut.WaitForAssertion(() => Assert.Contains("+7 701 000 00 07", cut.Find("[data-testid=object-attributes]").TextContent));
        Assert.Contains("Одинокие пожилые", cut.Markup);
        var rows = await AuditRows.AboutAsync(city.DataSource, "city_object", "social_map/SM-007");
        Assert.Contains(rows, r => r.Actor == "operator" && r.Role == "operator" && r.Action == PersonalView.AuditAction);
        Assert.All(rows, r => Assert.DoesNotContain("Иванов", r.Details));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("akim")]
    public async Task Household_WithoutTheRight_IsNotShownAtAll(string? role)
    {
        SignIn(role);
        var cut = Page<SystemObjectPage>(("Code", "social_map"), ("SourceId", "SM-008"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=object-hidden]")));
        Assert.DoesNotContain("Иванов", cut.Markup);
        Assert.Empty(await AuditRows.AboutAsync(city.DataSource, "city_object", "social_map/SM-008"));
    }

    [Fact]
    public void Manhole_ShowsItsReadingsAndChart()
    {
        SignIn(null);
        var cut = Page<SystemObjectPage>(("Code", "manholes"), ("SourceId", "MH-003"));

        cut.WaitForAssertion(() => Assert.Equal(50, cut.FindAll("[data-testid=object-readings] tbody tr").Count));
        Assert.NotEmpty(cut.FindAll("[data-testid=object-chart]"));
        Assert.Contains("Канализация", cut.Find("[data-testid=object-attributes]").TextContent);
    }

    [Fact]
    public void WallRule_NeverShowsPersonalRecords_EvenToAnOperator()
    {
        var social = new SystemStatus("social_map", "register", "point", null, true, 5, "", "", "", "", "", "", TimeSpan.FromDays(30), 0, 0, 0, null);
        var op = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "op"), new(System.Security.Claims.ClaimTypes.Role, "operator")], "test"));

        Assert.True(PersonalView.ShowsRecords(social, op));
        Assert.False(PersonalView.ShowsRecords(social, op, wall: true));
        Assert.False(PersonalView.ShowsRecords(social, new System.Security.Claims.ClaimsPrincipal()));
        Assert.True(PersonalView.ShowsRecords(social with { Personal = false }, new System.Security.Claims.ClaimsPrincipal()));
    }

    private async Task<long> AuditCountAsync()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(conn, "SELECT count(*) FROM audit_log WHERE action = @a", new { a = PersonalView.AuditAction });
    }
}
