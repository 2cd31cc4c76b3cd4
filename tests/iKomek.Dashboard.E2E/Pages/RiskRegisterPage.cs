using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the risk register (/projects/risks): its filters live in the address.</summary>
public sealed class RiskRegisterPage(IPage page) : AppPage(page)
{
    public const string Path = "/projects/risks";

    public static Task<RiskRegisterPage> OpenAsync(DashboardFixture fixture, string query = "", string? signedInAs = "analyst", int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path + query, p => new RiskRegisterPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Grid;

    public ILocator Grid => Page.GetByTestId("risks-grid");

    public ILocator Rows => Grid.Locator("tbody tr").Filter(new() { Has = Page.GetByTestId("risk-title") });

    public ILocator Severities => Grid.GetByTestId("risk-severity");

    public ILocator Kinds => Grid.GetByTestId("risk-kind");

    public ILocator OverdueMarks => Grid.GetByTestId("risk-overdue");

    public ILocator OverdueOnly => Page.GetByTestId("risks-overdue-only");

    public ILocator FilterErrors => Page.GetByTestId("risks-filter-error");

    public ILocator PutOnAgendaButtons => Grid.GetByTestId("risk-put-on-agenda");

    /// <summary>Reloads the page as it is (same address) and waits until it is ready again.</summary>
    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await WaitForReadyAsync();
    }
}
