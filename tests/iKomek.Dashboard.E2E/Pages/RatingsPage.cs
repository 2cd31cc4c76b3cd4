using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the managers' rating (/ratings).</summary>
public sealed class RatingsPage(IPage page) : AppPage(page)
{
    public const string Path = "/ratings";

    public static Task<RatingsPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new RatingsPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Page.GetByTestId("ratings-count");

    /// <summary>How many department heads are rated.</summary>
    public Task<long> CountAsync() => StatAsync("ratings-count");

    public ILocator Chart => Page.GetByTestId("ratings-chart");
}
