using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the CSV import of KPI values (/kpis/import): the file, the summary and the refused rows.</summary>
public sealed class KpiImportPage(IPage page) : AppPage(page)
{
    public const string Path = "/kpis/import";

    public static Task<KpiImportPage> OpenAsync(DashboardFixture fixture, string signedInAs, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new KpiImportPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Start;

    public ILocator FileInput => Page.GetByTestId("kpientry-import-file");

    public ILocator FileName => Page.GetByTestId("kpientry-import-file-name");

    public ILocator Start => Page.GetByTestId("kpientry-import-start");

    public ILocator Summary => Page.GetByTestId("kpientry-import-summary");

    public ILocator Report => Page.GetByTestId("kpientry-import-report");

    public ILocator ReportRows => Report.Locator("tbody tr");

    public ILocator Rejects => Page.GetByTestId("kpientry-import-rejects");

    public ILocator Error => Page.GetByTestId("kpientry-import-error");

    /// <summary>Chooses the file and waits until the page names it.</summary>
    public Task ChooseFileAsync(FilePayload file) => ChooseFileAsync(FileInput, FileName, file);

    /// <summary>The summary's counts: rows read, saved, unchanged, rejected.</summary>
    public async Task<(long Read, long Saved, long Unchanged, long Rejected)> CountsAsync() =>
        (await StatAsync("kpientry-import-read"), await StatAsync("kpientry-import-saved"), await StatAsync("kpientry-import-unchanged"), await StatAsync("kpientry-import-rejected"));
}
