using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the administration page (/admin): the database, its migrations, the holidays, the accounts.</summary>
public sealed class AdministrationPage(IPage page) : AppPage(page)
{
    public const string Path = "/admin";

    public static Task<AdministrationPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new AdministrationPage(p), signedInAs, width, height);

    public static Task<AdministrationPage> GotoAsync(IPage page) => GotoAsync(page, Path, p => new AdministrationPage(p));

    protected override ILocator ReadyMarker => Page.GetByTestId("admin-size");

    /// <summary>The database's size in megabytes.</summary>
    public Task<long> SizeAsync() => StatAsync("admin-size");

    public ILocator Chart => Page.GetByTestId("admin-chart");

    public ILocator Migrations => Page.GetByTestId("admin-migrations");

    /// <summary>An applied migration by its file name.</summary>
    public ILocator Migration(string file) => Migrations.GetByText(file);

    public ILocator Users => Page.GetByTestId("admin-users");

    public ILocator AddHoliday => Page.GetByTestId("holiday-add");

    /// <summary>The refusal of one action (EditHolidays, SeeAccounts...) to a reader whose role does not allow it.</summary>
    public ILocator AccessHintFor(string action) => Page.Locator($"[data-testid=access-hint][data-action={action}]");

    public async Task<ImportPage> OpenImportAsync()
    {
        await Page.GetByTestId("admin-import").ClickAsync();
        return await ImportPage.ReadyOnAsync(Page);
    }
}
