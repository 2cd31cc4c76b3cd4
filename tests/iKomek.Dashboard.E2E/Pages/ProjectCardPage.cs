using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of a project's card (/projects/{code}).</summary>
public sealed class ProjectCardPage(IPage page) : AppPage(page)
{
    public static string PathOf(string code) => "/projects/" + Uri.EscapeDataString(code);

    public static Task<ProjectCardPage> OpenAsync(DashboardFixture fixture, string code, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, PathOf(code), p => new ProjectCardPage(p), signedInAs, width, height);

    /// <summary>The card reached by a click (the portfolio's row).</summary>
    public static Task<ProjectCardPage> ReadyOnAsync(IPage page) => ReadyAsync(new ProjectCardPage(page));

    protected override ILocator ReadyMarker => Page.GetByTestId("card-name").Or(NotFound);

    public ILocator Name => Page.GetByTestId("card-name");

    public ILocator NotFound => Page.GetByTestId("card-not-found");

    public ILocator Passport => Page.GetByTestId("card-passport");

    public ILocator Site => Page.GetByTestId("card-site");

    public ILocator Timeline => Page.GetByTestId("card-timeline");

    public ILocator Budget => Page.GetByTestId("card-budget");

    public ILocator Plan => Page.GetByTestId("card-plan");

    public ILocator Milestones => Page.GetByTestId("card-milestones");

    /// <summary>The milestones' count line ("выполнено 3 из 8").</summary>
    public ILocator MilestonesDone => Milestones.Locator("xpath=preceding-sibling::p[1]");

    public ILocator Risks => Page.GetByTestId("card-risks");

    public ILocator Photos => Page.GetByTestId("card-photos");

    public ILocator PhotosSignIn => Page.GetByTestId("card-photos-sign-in");

    public ILocator Thumbnails => Photos.Locator("button.thumb");

    public ILocator PhotoViewer => Page.GetByTestId("card-photo-viewer");

    public ILocator AppealsSummary => Page.GetByTestId("card-appeals-summary");

    public ILocator AppealsTrend => Page.GetByTestId("card-appeals-trend");

    public ILocator Kpis => Page.GetByTestId("card-kpis");

    /// <summary>Whether the full image of the viewer has loaded and has pixels.</summary>
    public Task<bool> ViewerImageLoadedAsync() =>
        PhotoViewer.Locator("img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0");
}
