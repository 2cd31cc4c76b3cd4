using Microsoft.Playwright;
using IKomek.Dashboard.E2E.Infrastructure;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of a city system's CSV import (/systems/{code}/import): the file, summary, rejected rows.</summary>
public sealed class SystemsImportPage(IPage page) : AppPage(page)
{
    public static string PathOf(string system) => $"/systems/{system}/import";

    public static Task<SystemsImportPage> OpenAsync(DashboardFixture fixture, string system, string? signedInAs = null) =>
        OpenAsync(fixture, PathOf(system), p => new SystemsImportPage(p), signedInAs, 1920, 1080);

    protected override ILocator ReadyMarker => Columns;

    /// <summary>The columns the file is to have, shown on the page.</summary>
    public ILocator Columns => Page.GetByTestId("systems-import-columns");

    public ILocator FileInput => Page.GetByTestId("systems-import-file");

    public ILocator FileName => Page.GetByTestId("systems-import-file-name");

    public ILocator Start => Page.GetByTestId("systems-import-start");

    public ILocator Summary => Page.GetByTestId("systems-import-summary");

    public ILocator Report => Page.GetByTestId("import-report");

    public ILocator ReportRows => Report.Locator("tbody tr");

    /// <summary>Chooses the file and waits until the page names it.</summary>
    public Task ChooseFileAsync(FilePayload file) => ChooseFileAsync(FileInput, FileName, file);

    /// <summary>The summary's four counts: rows read, stored, already there, refused.</summary>
    public async Task<(long Read, long Accepted, long Duplicates, long Rejected)> CountsAsync() =>
        (await StatAsync("systems-import-read"), await StatAsync("systems-import-accepted"), await StatAsync("systems-import-duplicates"), await StatAsync("systems-import-rejected"));
}
