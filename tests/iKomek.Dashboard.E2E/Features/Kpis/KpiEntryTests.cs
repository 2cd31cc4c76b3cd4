using System.Text;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Kpis;

/// <summary>
/// Entering KPI values in a real browser, at the app's fixed "now" (31 March 2026: March is being reported): the
/// energy department's head enters a value, the planning office sees it arrive live and it shows on /kpis; another
/// department's KPI is refused on the server; the planning office closes the month and the head's next value is refused.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class KpiEntryTests(DashboardFixture fixture)
{
    private const string Outages = "energy.heating_incidents";
    private const string OutagesName = "Количество аварийных отключений теплоснабжения";

    [Fact]
    public async Task DepartmentHead_EntersAValue_SeenLive_ThenTheClosedMonthRefusesTheNext()
    {
        var planning = await KpiEntryPage.OpenAsync(fixture, "planning.office");
        var head = await KpiEntryPage.OpenAsync(fixture, "head.energy");
        await PageChecks.OpensWholeAsync(head, "Ввод значений KPI");
        await Assertions.Expect(head.MonthStatus).ToContainTextAsync("Месяц открыт для ввода");
        Assert.All(await head.CodesAsync(), code => Assert.StartsWith("energy.", code));

        await head.TypeAsync(Outages, "8");
        await head.Save.ClickAsync();

        await Assertions.Expect(head.Message).ToHaveTextAsync("Сохранено значений: 1");
        // The planning office's open page redraws from the change feed: who entered it, without a reload.
        await Assertions.Expect(planning.Row(Outages)).ToContainTextAsync("head.energy");
        await head.ScreenshotsAsync("kpi-entry");

        await head.TypeAsync(Outages, "9");
        await planning.CloseMonth.ClickAsync();
        await Assertions.Expect(planning.MonthStatus).ToContainTextAsync("Месяц закрыт: planning.office");
        // The head's page shows the month closed as it happens; the value typed before is refused on saving.
        await Assertions.Expect(head.MonthStatus).ToContainTextAsync("Месяц закрыт: planning.office");
        await Assertions.Expect(head.Closed(Outages)).ToBeVisibleAsync();
        await head.Save.ClickAsync();
        await Assertions.Expect(head.RowError(Outages)).ToContainTextAsync("Период 2026-03 закрыт (planning.office");
        await Assertions.Expect(head.Message).ToContainTextAsync("Ничего не сохранено");

        await planning.ReopenMonth.ClickAsync();
        await Assertions.Expect(planning.MonthStatus).ToContainTextAsync("Месяц открыт для ввода");
        await planning.CloseAsync();

        // /kpis shows the head's value as the indicator's latest actual (the newest row of its values).
        await head.Page.GotoAsync($"{KpisPage.Path}?department=energy&kpi={Outages}");
        var kpis = await KpisPage.ReadyOnAsync(head.Page);
        await Assertions.Expect(kpis.TrendTitle(OutagesName)).ToBeVisibleAsync();
        await Assertions.Expect(kpis.ValueRows.First.Locator("td").Nth(2)).ToHaveTextAsync("8");
        await kpis.CloseAsync();
    }

    [Fact]
    public async Task DepartmentHead_SeesNoOtherDepartment_AndTheServerRefusesItsRows()
    {
        // A department in the address does not widen a head's page.
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var water = await Dapper.SqlMapper.ExecuteScalarAsync<int>(conn, "SELECT id FROM departments WHERE code = 'water'");
        var head = await KpiEntryPage.OpenAsync(fixture, "head.energy", "?department=" + water);
        Assert.All(await head.CodesAsync(), code => Assert.StartsWith("energy.", code));
        await head.CloseAsync();

        var import = await KpiImportPage.OpenAsync(fixture, "head.energy");
        await import.ChooseFileAsync(new FilePayload
        {
            Name = "energy-february.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("kpi;period;actual\nenergy.network_wear;2026-02;57,13\nwater.supply_coverage;2026-02;99\nenergy.network_wear;2026-02-01;57\n"),
        });
        await import.Start.ClickAsync();

        await Assertions.Expect(import.Summary).ToBeVisibleAsync();
        Assert.Equal((3L, 1L, 0L, 2L), await import.CountsAsync());
        await Assertions.Expect(import.ReportRows.Nth(0)).ToContainTextAsync("Показатель water.supply_coverage принадлежит другому управлению");
        await Assertions.Expect(import.ReportRows.Nth(1)).ToContainTextAsync("«2026-02-01» — не период");
        await Assertions.Expect(import.Rejects).ToBeVisibleAsync();
        await import.ScreenshotsAsync("kpi-import");
        await import.CloseAsync();
    }

    [Fact]
    public async Task PlanningOffice_SeesEveryDepartment_AndItsTools()
    {
        var planning = await KpiEntryPage.OpenAsync(fixture, "planning.office", width: 1366, height: 768);

        Assert.Contains(await planning.CodesAsync(), code => code.StartsWith("water.", StringComparison.Ordinal));
        await Assertions.Expect(planning.Planning).ToBeVisibleAsync();
        await Assertions.Expect(planning.CloseMonth).ToBeVisibleAsync();
        await planning.ScreenshotAsync("kpi-entry-planning-1366x768");
        await planning.CloseAsync();
    }
}
