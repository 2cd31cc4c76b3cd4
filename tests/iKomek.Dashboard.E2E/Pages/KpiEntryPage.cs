using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the KPI values entry (/kpis/entry): the month, its status, one row per KPI with an input, saving.</summary>
public sealed class KpiEntryPage(IPage page) : AppPage(page)
{
    public const string Path = "/kpis/entry";

    public static Task<KpiEntryPage> OpenAsync(DashboardFixture fixture, string signedInAs, string? query = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path + query, p => new KpiEntryPage(p), signedInAs, width, height);

    /// <summary>The entry reached by a click (the menu, the import's back link).</summary>
    public static Task<KpiEntryPage> ReadyOnAsync(IPage page) => ReadyAsync(new KpiEntryPage(page));

    protected override ILocator ReadyMarker => Table;

    public ILocator Table => Page.GetByTestId("kpientry-table");

    /// <summary>A KPI's row by its code (energy.heating_incidents...).</summary>
    public ILocator Row(string code) => Table.Locator($"tr[data-kpi='{code}']");

    public async Task<IReadOnlyList<string>> CodesAsync() =>
        (await Table.Locator("tbody tr[data-kpi]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kpi)")).ToList();

    public ILocator Input(string code) => Row(code).Locator("input");

    /// <summary>The lock of a KPI whose period is closed (no input then).</summary>
    public ILocator Closed(string code) => Row(code).GetByTestId("kpientry-closed");

    /// <summary>The server's refusal of a value typed into a row that has become read-only.</summary>
    public ILocator RowError(string code) => Row(code).GetByTestId("kpientry-row-error");

    public ILocator Save => Page.GetByTestId("kpientry-save");

    public ILocator Message => Page.GetByTestId("kpientry-message");

    public ILocator MonthStatus => Page.GetByTestId("kpientry-month-status");

    public ILocator CloseMonth => Page.GetByTestId("kpientry-close-month");

    public ILocator ReopenMonth => Page.GetByTestId("kpientry-reopen-month");

    public ILocator Planning => Page.GetByTestId("kpientry-planning");

    /// <summary>Types a value into a KPI's input and leaves the field, as a person does before saving.</summary>
    public async Task TypeAsync(string code, string value)
    {
        await Input(code).FillAsync(value);
        await Input(code).PressAsync("Tab");
    }
}
