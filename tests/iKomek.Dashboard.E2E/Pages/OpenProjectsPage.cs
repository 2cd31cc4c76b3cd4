using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the public open-data view (/open/projects): no sign-in, its own language switch.</summary>
public sealed class OpenProjectsPage(IPage page) : AppPage(page)
{
    public const string Path = "/open/projects";

    public static Task<OpenProjectsPage> OpenAsync(DashboardFixture fixture, string query = "", int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path + query, p => new OpenProjectsPage(p), null, width, height);

    protected override ILocator ReadyMarker => Page.GetByTestId("open-count");

    public ILocator Cards => Page.GetByTestId("open-project");

    public ILocator CardNames => Page.GetByTestId("open-project-name");

    public ILocator CsvLink => Page.GetByTestId("open-csv");

    public ILocator JsonLink => Page.GetByTestId("open-json");

    public Task<long> CountAsync() => StatAsync("open-count");
}
