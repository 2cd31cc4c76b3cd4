using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of a deputy akim's portfolio (/projects/deputy/{code}).</summary>
public sealed class DeputyPortfolioPage(IPage page) : AppPage(page)
{
    public static string PathOf(string code) => "/projects/deputy/" + code;

    public static Task<DeputyPortfolioPage> OpenAsync(DashboardFixture fixture, string code, string? signedInAs = null) =>
        OpenAsync(fixture, PathOf(code), p => new DeputyPortfolioPage(p), signedInAs, 1920, 1080);

    public static Task<DeputyPortfolioPage> ReadyAsync(IPage page) => ReadyAsync(new DeputyPortfolioPage(page));

    protected override ILocator ReadyMarker => Grid;

    public ILocator Name => Page.GetByTestId("deputy-name");

    public ILocator Grid => Page.GetByTestId("deputy-grid");

    public ILocator ByDepartment => Page.GetByTestId("deputy-by-department");
}
