using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of a manager's desk (/ratings/desk, /ratings/managers/{id}).</summary>
public sealed class RatingDeskPage(IPage page) : AppPage(page)
{
    public const string Path = "/ratings/desk";

    public static Task<RatingDeskPage> OpenAsync(DashboardFixture fixture, string path, string signedInAs, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, path, p => new RatingDeskPage(p), signedInAs, width, height);

    /// <summary>The desk of the page a sign-in or a click led to, once it is ready.</summary>
    public static Task<RatingDeskPage> ReachedAsync(IPage page) => ReadyAsync(new RatingDeskPage(page));

    protected override ILocator ReadyMarker => Page.GetByTestId("desk-total").Or(Page.GetByTestId("desk-refused"));

    public ILocator Total => Page.GetByTestId("desk-total");

    public ILocator Refused => Page.GetByTestId("desk-refused");

    /// <summary>"What pulls my rating down": each lost point's link, most points first.</summary>
    public ILocator LostPointLinks => Page.GetByTestId("lost-point-link");

    public ILocator Trend => Page.GetByTestId("desk-trend");

    public ILocator DepartmentLink(string page) => Page.GetByTestId("link-" + page);
}
