using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using IKomek.Dashboard.Features.Kpis.Entry;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Tests.Components;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static IKomek.Dashboard.Tests.Features.Kpis.Entry.KpiEntryTestCity;

namespace IKomek.Dashboard.Tests.Features.Kpis.Entry;

/// <summary>The entry form in bUnit over the demo city's real database: what each role sees, the form's own checks,
/// a save, and the planning office closing the month.</summary>
public sealed class KpiEntryPageTests(DemoCityDatabase city) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    public override Task InitializeAsync()
    {
        UseDatabase(city.DataSource);
        Context.Services.AddSingleton(city.Clock);
        Context.Services.AddSingleton<KpiEntryQueries>();
        Context.Services.AddSingleton<KpiValueEntry>();
        Context.Services.AddSingleton<KpiPlanning>();
        return Task.CompletedTask;
    }

    private async Task<IRenderedComponent<KpiEntryPage>> RenderAsync(string role, string? login = null, string? department = null, string? month = null)
    {
        var authorization = Context.AddAuthorization();
        authorization.SetAuthorized(login ?? role);
        authorization.SetRoles(role);
        if (department is not null)
            authorization.SetClaims(new Claim(CityRoles.DepartmentClaim, (await DepartmentAsync(city.DataSource, department)).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (month is not null)
        {
            var nav = Context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
            nav.NavigateTo("kpis/entry?month=" + month);
        }
        var cut = Context.Render<KpiEntryPage>();
        cut.WaitForElement("[data-testid=kpientry-table]");
        return cut;
    }

    private static IElement Row(IRenderedComponent<KpiEntryPage> cut, string code) => cut.Find($"tr[data-kpi='{code}']");

    private static void Type(IRenderedComponent<KpiEntryPage> cut, string code, string text) =>
        Row(cut, code).QuerySelector("input")!.Change(text);

    [Fact]
    public async Task DepartmentHead_SeesTheOwnDepartmentsKpis_WithUnitDirectionTargetAndPrevious()
    {
        var cut = await RenderAsync(CityRoles.DepartmentHead, "head.energy", "energy");

        var codes = cut.FindAll("tbody tr").Select(r => r.GetAttribute("data-kpi")).ToList();
        Assert.Contains(Outages, codes);
        Assert.Contains(Wear, codes);
        Assert.All(codes, c => Assert.StartsWith("energy.", c));
        var wear = Row(cut, Wear).TextContent;
        Assert.Contains("меньше — лучше", wear);
        Assert.Contains("проценты", wear);
        Assert.Contains("март 2026", wear);
        Assert.Contains("от 0 до 100", wear);
        Assert.Contains("Месяц открыт для ввода", cut.Find("[data-testid=kpientry-month-status]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=kpientry-close-month]"));
        Assert.Empty(cut.FindAll("[data-testid=kpientry-planning]"));
    }

    [Fact]
    public async Task Form_RefusesNotANumberAndOutOfRange_AndSavesNothing()
    {
        var cut = await RenderAsync(CityRoles.DepartmentHead, "head.energy", "energy", month: "2026-02");
        var kpi = await KpiAsync(city.DataSource, Wear);
        var before = await ValueAsync(city.DataSource, kpi, new DateOnly(2026, 2, 1));

        Type(cut, Wear, "много");
        Type(cut, Outages, "7");
        cut.Find("[data-testid=kpientry-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("«много» — не число", Row(cut, Wear).TextContent));
        Assert.Contains("Ничего не сохранено", cut.Find("[data-testid=kpientry-message]").TextContent);
        Type(cut, Wear, "120");
        cut.Find("[data-testid=kpientry-save]").Click();
        cut.WaitForAssertion(() => Assert.Contains("120 вне допустимого диапазона: от 0 до 100", Row(cut, Wear).TextContent));
        Assert.Equal(before, await ValueAsync(city.DataSource, kpi, new DateOnly(2026, 2, 1)));
        Assert.NotEqual(7m, (await ValueAsync(city.DataSource, await KpiAsync(city.DataSource, Outages), new DateOnly(2026, 2, 1)))!.Actual);
    }

    [Fact]
    public async Task Form_SavesTypedValues_WithTheEditorsName()
    {
        var cut = await RenderAsync(CityRoles.DepartmentHead, "head.energy", "energy");

        Type(cut, Wear, "57,4");
        // The count follows the typed value's render, which a loaded machine may deliver a moment later.
        cut.WaitForAssertion(() => Assert.Contains("Сохранить (1)", cut.Find("[data-testid=kpientry-save]").TextContent), TimeSpan.FromSeconds(20));
        cut.Find("[data-testid=kpientry-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Сохранено значений: 1", cut.Find("[data-testid=kpientry-message]").TextContent));
        var saved = await ValueAsync(city.DataSource, await KpiAsync(city.DataSource, Wear), new DateOnly(2026, 3, 1));
        Assert.Equal((57.4m, "head.energy"), (saved!.Actual, saved.EnteredBy));
        cut.WaitForAssertion(() => Assert.Contains("head.energy", Row(cut, Wear).TextContent));
    }

    [Fact]
    public async Task PlanningOffice_ClosesTheMonth_ThenItsValuesAreReadOnly()
    {
        // December: closing it closes the month, the fourth quarter and the year, so no KPI of any period stays open.
        var cut = await RenderAsync(CityRoles.PlanningOffice, "planning.office", month: "2025-12");
        Assert.NotEmpty(cut.FindAll("[data-testid=kpientry-planning]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=kpientry-department-select]"));

        cut.Find("[data-testid=kpientry-close-month]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Месяц закрыт: planning.office", cut.Find("[data-testid=kpientry-month-status]").TextContent));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=kpientry-input]")));
        Assert.NotEmpty(cut.FindAll("[data-testid=kpientry-closed]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=kpientry-reopen-month]"));
    }

    [Theory]
    [InlineData(CityRoles.Operator)]
    [InlineData(CityRoles.Akim)]
    public async Task RoleWithoutTheRight_GetsTheHint_AndNoForm(string role)
    {
        var authorization = Context.AddAuthorization();
        authorization.SetAuthorized(role);
        authorization.SetRoles(role);

        var cut = Context.Render<KpiEntryPage>();

        cut.WaitForAssertion(() => Assert.Contains("Значения KPI вносит управление-владелец", cut.Find("[data-testid=access-hint]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=kpientry-table]"));
        await Task.CompletedTask;
    }
}
