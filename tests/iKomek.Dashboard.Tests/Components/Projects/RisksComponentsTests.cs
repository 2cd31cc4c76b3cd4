using System.Security.Claims;
using Bunit;
using Dapper;
using IKomek.Dashboard.Features.Projects.Risks;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Tests.Features.Projects;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IKomek.Dashboard.Tests.Components.Projects;

/// <summary>The register page and a meeting's agenda as each reader sees them, on planted risks in a real database.</summary>
public sealed class RisksComponentsTests(DemoCityDatabase city) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    private static readonly SemaphoreSlim Planting = new(1, 1);
    private static readonly Dictionary<string, RiskSeed> Planted = [];
    private RiskSeed _seed = null!;
    private int _energy;

    public override async Task InitializeAsync()
    {
        UseDatabase(city.DataSource);
        Context.Services.AddSingleton<RiskRegisterQueries>();
        Context.Services.AddSingleton<AkimatMeetings>();
        await Planting.WaitAsync();
        try
        {
            if (!Planted.TryGetValue(city.ConnectionString, out var seed)) Planted[city.ConnectionString] = seed = await RiskSeed.PlantAsync(city.DataSource);
            _seed = seed;
        }
        finally
        {
            Planting.Release();
        }
        await using var conn = await city.DataSource.OpenConnectionAsync();
        _energy = await conn.ExecuteScalarAsync<int>("SELECT id FROM departments WHERE code = 'energy'");
    }

    private void SignInAs(string role, int? department = null)
    {
        var authorization = Context.AddAuthorization();
        authorization.SetAuthorized(role);
        authorization.SetRoles(role);
        if (department is { } d) authorization.SetClaims(new Claim(CityRoles.DepartmentClaim, d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private IRenderedComponent<IComponent> Register(string query)
    {
        var nav = Context.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("projects/risks" + query);
        return Context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<RiskRegisterPage>(1);
            b.CloseComponent();
        });
    }

    private static List<string> RowIds(IRenderedComponent<IComponent> cut) =>
        cut.FindAll("[data-testid=risks-grid] tbody tr [data-testid=risk-title]").Select(e => e.TextContent).ToList();

    [Fact]
    public void Analyst_SeesEveryOpenRisk_InOrder_WithTheOverdueMarked()
    {
        SignInAs(CityRoles.Analyst);

        var cut = Register("");

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=risk-title]").Count));
        Assert.Equal(["3", "3", "2", "1"], cut.FindAll("[data-testid=risk-severity]").Select(e => e.GetAttribute("data-severity")!));
        Assert.Equal(2, cut.FindAll("[data-testid=risk-overdue]").Count);
        Assert.Equal("4", cut.Find("[data-testid=risks-open]").TextContent);
        Assert.Contains("Исаев А. К.", cut.Find("[data-testid=risk-owner]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=risks-others]"));
        // Only the project office gets the agenda button (and only with a planned meeting to put the risk on).
        Assert.Empty(cut.FindAll("[data-testid=risk-put-on-agenda]"));
    }

    [Fact]
    public void FilterFromTheAddress_Applies_AndAnUnreadableValueIsNamed()
    {
        SignInAs(CityRoles.Analyst);

        var cut = Register("?severity=3&kind=danger&department=nowhere");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=risk-title]").Count));
        var errors = cut.FindAll("[data-testid=risks-filter-error]").Select(e => e.TextContent).ToList();
        Assert.Equal(["Вид «danger» не распознан: допустимы risk и issue.", "Управления с кодом «nowhere» нет."], errors);
    }

    [Fact]
    public void DepartmentHead_SeesTheOwnRisks_AndOthersOnlyAsCounts()
    {
        SignInAs(CityRoles.DepartmentHead, _energy);

        var cut = Register("");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=risk-title]").Count));
        Assert.All(cut.FindAll("[data-testid=risk-department]"), e => Assert.Equal(_energy.ToString(System.Globalization.CultureInfo.InvariantCulture), e.GetAttribute("data-department")));
        var others = cut.Find("[data-testid=risks-others]");
        Assert.Contains("2", others.TextContent);
        Assert.DoesNotContain("Ким Л. В.", cut.Markup);
        Assert.DoesNotContain("Омаров", cut.Markup);
    }

    private static AgendaItem Item(int risk, int department, string? decision) =>
        new(risk, risk, department, "RD-001", "Дорога", "Жол", "Road", "issue", "Задержка финансирования", 3, "Исаев А. К.",
            new DateTime(2026, 4, 30), decision, decision is null ? null : new DateTime(2026, 3, 31, 9, 0, 0, DateTimeKind.Utc));

    private IRenderedComponent<MeetingAgenda> Agenda(string status, string date, int? own, params AgendaItem[] items) =>
        Context.Render<MeetingAgenda>(p => p
            .Add(a => a.Meeting, new MeetingSummary(1, DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), status, items.Length, items.Count(i => i.Decision is not null)))
            .Add(a => a.Items, items)
            .Add(a => a.Today, new DateOnly(2026, 3, 31))
            .Add(a => a.OwnDepartment, own));

    [Fact]
    public void Agenda_ProjectOffice_RecordsDecisionsFromTheMeetingsDay()
    {
        SignInAs(CityRoles.ProjectOffice);

        var today = Agenda("planned", "2026-03-31", null, Item(1, 5, null), Item(2, 5, "Ускорить"));
        var later = Agenda("planned", "2026-04-07", null, Item(1, 5, null));

        Assert.Single(today.FindAll("[data-testid=agenda-item-decide]"));
        Assert.Single(today.FindAll("[data-testid=meeting-mark-held]"));
        Assert.Contains("Ускорить", today.FindAll("[data-testid=agenda-item-decision]")[1].TextContent);
        Assert.Empty(later.FindAll("[data-testid=agenda-item-decide]"));
        Assert.Empty(later.FindAll("[data-testid=meeting-mark-held]"));
    }

    [Fact]
    public void Agenda_OtherRoles_ReadIt_WithoutTheButtons_AndAHeadSeesOnlyTheOwnItems()
    {
        SignInAs(CityRoles.DepartmentHead, 5);

        var cut = Agenda("planned", "2026-03-31", 5, Item(1, 5, null), Item(2, 7, null), Item(3, 8, "Снять"));

        Assert.Single(cut.FindAll("[data-testid=agenda-item]"));
        Assert.Equal("И ещё вопросов других управлений: 2", cut.Find("[data-testid=agenda-others]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=agenda-item-decide]"));
        Assert.Empty(cut.FindAll("[data-testid=meeting-mark-held]"));
    }
}
