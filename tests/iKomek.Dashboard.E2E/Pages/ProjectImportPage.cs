using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the project office's CSV import (/projects/import): the file, the summary, the rejected rows, the exports.</summary>
public sealed class ProjectImportPage(IPage page) : AppPage(page)
{
    public const string Path = "/projects/import";

    public static Task<ProjectImportPage> OpenAsync(DashboardFixture fixture, string? signedInAs, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new ProjectImportPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Page.GetByTestId("project-exports");

    public ILocator FileName => Page.GetByTestId("project-import-file-name");

    public ILocator Report => Page.GetByTestId("project-import-report");

    public ILocator ReportRows => Report.Locator("tbody tr");

    public async Task ImportAsync(FilePayload file)
    {
        await ChooseFileAsync(Page.GetByTestId("project-import-file"), FileName, file);
        await Page.GetByTestId("project-import-start").ClickAsync();
        await Page.GetByTestId("project-import-summary").WaitForAsync();
    }

    /// <summary>The summary's counts: read, added, updated, rejected.</summary>
    public async Task<(long Read, long Created, long Updated, long Rejected)> CountsAsync() =>
        (await StatAsync("project-import-read"), await StatAsync("project-import-created"), await StatAsync("project-import-updated"), await StatAsync("project-import-rejected"));
}
