using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the CSV import (/appeals/import): the file, the preset, progress, summary, rejected rows, past runs.</summary>
public sealed class ImportPage(IPage page) : AppPage(page)
{
    public const string Path = "/appeals/import";

    public static Task<ImportPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new ImportPage(p), signedInAs, width, height);

    /// <summary>The import reached by a click (from the explorer or the administration page).</summary>
    public static Task<ImportPage> ReadyOnAsync(IPage page) => ReadyAsync(new ImportPage(page));

    protected override ILocator ReadyMarker => Runs;

    public ILocator FileInput => Page.GetByTestId("import-file");

    /// <summary>The chosen file's name and size, or "no file".</summary>
    public ILocator FileName => Page.GetByTestId("import-file-name");

    public ILocator Start => Page.GetByTestId("import-start");

    public ILocator Progress => Page.GetByTestId("import-progress");

    public ILocator Summary => Page.GetByTestId("import-summary");

    /// <summary>The rejected rows, each with its reason.</summary>
    public ILocator Report => Page.GetByTestId("import-report");

    public ILocator ReportRows => Report.Locator("tbody tr");

    /// <summary>The one message of a file that cannot be imported at all.</summary>
    public ILocator Error => Page.GetByTestId("import-error");

    public ILocator Runs => Page.GetByTestId("import-runs");

    /// <summary>Chooses a preset by its label ("Выгрузка Open311 / 311"...).</summary>
    public Task ChoosePresetAsync(string label) => Page.GetByText(label).ClickAsync();

    /// <summary>Chooses the file and waits until the page names it.</summary>
    public Task ChooseFileAsync(FilePayload file) => ChooseFileAsync(FileInput, FileName, file);

    public Task StartAsync() => Start.ClickAsync();

    /// <summary>The summary's four counts: rows read, inserted, skipped (already there), rejected.</summary>
    public async Task<(long Read, long Inserted, long Skipped, long Rejected)> CountsAsync() =>
        (await StatAsync("import-read"), await StatAsync("import-inserted"), await StatAsync("import-skipped"), await StatAsync("import-rejected"));
}
