using Bunit;
using Dapper;
using IKomek.Dashboard.Features.Audit;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IKomek.Dashboard.Tests.Components;

/// <summary>The audit page's states: what an administrator sees for a search from the address, and what others see.</summary>
public sealed class AuditPageTests(MigratedDatabase db) : MudComponentTest, IClassFixture<MigratedDatabase>
{
    public override async Task InitializeAsync()
    {
        UseDatabase(db.DataSource);
        Context.Services.AddSingleton<AuditQueries>();
        await using var conn = await db.DataSource.OpenConnectionAsync();
        if (await conn.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM audit_log WHERE actor = 'dana')")) return;
        var log = new AuditLog(db.DataSource);
        await log.RecordAsync(new Actor("dana", "admin"), AuditActions.HolidayChange, "holiday", "2026-05-07", new { change = "added" });
        await log.RecordAsync(new Actor("erlan", "analyst"), AuditActions.ProblemChange, "problem", "42", new { to = "confirmed" });
        await log.RecordAsync(Actor.Job("systemic-mining"), AuditActions.ProblemChange, "problem", "43", new { step = "split" });
    }

    private IRenderedComponent<AuditPage> Render(string? role, string? who = null, string? from = null, string? to = null)
    {
        SignIn(role);
        // The search comes from the address, as it does in the app.
        var nav = Context.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo(nav.GetUriWithQueryParameters("admin/audit", new Dictionary<string, object?> { ["who"] = who, ["from"] = from, ["to"] = to }));
        return Context.Render<AuditPage>();
    }

    private static List<string> Actors(IRenderedComponent<AuditPage> cut) =>
        cut.FindAll("[data-testid=audit-actor]").Select(e => e.TextContent).ToList();

    [Fact]
    public void Administrator_SeesTheActs_NewestFirst_WithNamesOfActionsAndSubjects()
    {
        var cut = Render("admin");

        cut.WaitForAssertion(() => Assert.Equal(["system:systemic-mining", "erlan", "dana"], Actors(cut)));
        Assert.Equal("Шаг системной проблемы", cut.FindAll("[data-testid=audit-action]")[0].TextContent);
        Assert.Contains("problems/43", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=audit-error]"));
        Assert.Empty(cut.FindAll("[data-testid=audit-more]"));
    }

    [Fact]
    public void SearchFromTheAddress_FiltersByWho_AndKeepsItInTheField()
    {
        var cut = Render("admin", who: "erlan");

        cut.WaitForAssertion(() => Assert.Equal(["erlan"], Actors(cut)));
        Assert.Equal("erlan", cut.Find("input[data-testid=audit-who]").GetAttribute("value"));
    }

    [Theory]
    [InlineData("2026-03-31", "2026-03-01", "Начало периода позже его конца.")]
    [InlineData("31.03.2026", null, "Дата «31.03.2026» не распознана: нужен вид ГГГГ-ММ-ДД.")]
    public void BadPeriod_SaysWhatIsWrong_AndListsNothing(string from, string? to, string message)
    {
        var cut = Render("admin", from: from, to: to);

        cut.WaitForAssertion(() => Assert.Equal(message, cut.Find("[data-testid=audit-error]").TextContent.Trim()));
        Assert.Empty(Actors(cut));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("operator")]
    [InlineData("analyst")]
    public void AnyoneButAnAdministrator_GetsTheHint_AndNoActs(string? role)
    {
        var cut = Render(role);

        cut.WaitForAssertion(() => Assert.Contains("Журнал действий видит администратор", cut.Find("[data-testid=access-hint]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=audit-table]"));
        Assert.DoesNotContain("dana", cut.Markup);
    }
}
