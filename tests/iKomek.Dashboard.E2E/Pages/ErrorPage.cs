using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the error page (/error), where an unhandled failure sends the reader: one sentence, no details.</summary>
public sealed class ErrorPage(IPage page) : AppPage(page)
{
    public const string Path = "/error";

    public static Task<ErrorPage> OpenAsync(DashboardFixture fixture, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new ErrorPage(p), null, width, height);

    protected override ILocator ReadyMarker => Message;

    /// <summary>The page's one sentence.</summary>
    public ILocator Message => Page.Locator(".empty-state");
}
