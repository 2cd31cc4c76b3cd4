using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the analysts' resonant posts with no appeal (/social): filters in the address.</summary>
public sealed class SocialPostsPage(IPage page) : AppPage(page)
{
    public const string Path = "/social";

    public static Task<SocialPostsPage> OpenAsync(DashboardFixture fixture, string query = "", string? signedInAs = "analyst", int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path + query, p => new SocialPostsPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Posts.Or(Page.Locator(".empty-state"));

    public ILocator Posts => Page.GetByTestId("social-post");

    public ILocator Networks => Posts.Locator(".network");

    public ILocator Reaches => Page.GetByTestId("social-post-reach");

    public ILocator Sort(string name) => Page.GetByTestId("social-sort").GetByText(name);

    /// <summary>A post by its words.</summary>
    public ILocator Post(string words) => Posts.Filter(new() { HasText = words });
}
