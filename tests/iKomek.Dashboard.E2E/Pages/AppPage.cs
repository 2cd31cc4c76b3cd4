using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>
/// What every page object of the app shares: the browser page, the shell around the page, its wait for "ready"
/// (the circuit up, the page's data loaded and its own content shown), screenshots and closing its browser context.
/// </summary>
public abstract class AppPage(IPage page)
{
    public IPage Page { get; } = page;

    public Shell Shell { get; } = new(page);

    public ILocator Heading => Shell.Heading;

    /// <summary>The whole text of the page, as a reader sees it.</summary>
    public ILocator Body => Page.Locator("body");

    /// <summary>The refusal of an action the reader's role does not allow, with its sign-in link.</summary>
    public ILocator AccessHint => Page.GetByTestId("access-hint");

    /// <summary>The refusal's way to sign in (and come back here).</summary>
    public ILocator SignInFromHint => AccessHint.GetByRole(AriaRole.Link, new() { Name = "Войти" });

    /// <summary>A confirmation popping up at the corner (MudBlazor's snackbar) that contains <paramref name="text"/>.</summary>
    public ILocator Snackbar(string text) => Page.Locator(".mud-snackbar").Filter(new() { HasText = text });

    /// <summary>The first drawing of a chart (Plotly's svg) inside <paramref name="chart"/>: there once Plotly has drawn it.</summary>
    public static ILocator Drawing(ILocator chart) => chart.Locator("svg.main-svg").First;

    /// <summary>An element of the page's own content that shows once it is ready (never the shell's).</summary>
    protected abstract ILocator ReadyMarker { get; }

    public async Task WaitForReadyAsync()
    {
        await DashboardFixture.WaitForCircuitAsync(Page);
        await ReadyMarker.First.WaitForAsync();
    }

    /// <summary>A chart of the page (Components/Charts/PlotlyChart) by its test id.</summary>
    public ILocator ChartById(string testId) => Page.GetByTestId(testId);

    /// <summary>A headline number by its test id (see <see cref="Shell.StatAsync"/>).</summary>
    public Task<long> StatAsync(string testId) => Shell.StatAsync(testId);

    /// <summary>
    /// Sets a file on a file input and waits until the page names it. The input binds its change event once the page's
    /// first render has reached the browser; a file set in the instant before that is lost, so it is set again.
    /// </summary>
    protected static async Task ChooseFileAsync(ILocator input, ILocator shownName, FilePayload file)
    {
        for (var attempt = 1; ; attempt++)
        {
            await input.SetInputFilesAsync(file);
            try
            {
                await Assertions.Expect(shownName).ToContainTextAsync(file.Name, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    public Task ScreenshotAsync(string name) => DashboardFixture.ScreenshotAsync(Page, name);

    /// <summary>The page as it is (1920x1080 unless opened smaller), then on a laptop's 1366x768: name-1920x1080, name-1366x768.</summary>
    public async Task ScreenshotsAsync(string name)
    {
        await ScreenshotAsync($"{name}-1920x1080");
        await ResizeAsync(1366, 768);
        await ScreenshotAsync($"{name}-1366x768");
    }

    /// <summary>Another screen size, and a moment for the layout to follow it.</summary>
    public async Task ResizeAsync(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await Page.WaitForTimeoutAsync(300);
    }

    public Task CloseAsync() => Page.Context.CloseAsync();

    /// <summary>Opens <paramref name="path"/> in a fresh browser context (signed in when asked) and waits until the page is ready.</summary>
    protected static async Task<T> OpenAsync<T>(DashboardFixture fixture, string path, Func<IPage, T> create, string? signedInAs, int width, int height)
        where T : AppPage
    {
        var page = create(await fixture.OpenAsync(path, width, height, signedInAs));
        await page.WaitForReadyAsync();
        return page;
    }

    /// <summary>Goes to <paramref name="path"/> in the same browser page (same cookies) and waits until it is ready.</summary>
    protected static async Task<T> GotoAsync<T>(IPage page, string path, Func<IPage, T> create) where T : AppPage
    {
        await page.GotoAsync(path);
        return await ReadyAsync(create(page));
    }

    /// <summary>The page object of a page reached by a click, once it is ready.</summary>
    protected static async Task<T> ReadyAsync<T>(T page) where T : AppPage
    {
        await page.WaitForReadyAsync();
        return page;
    }
}
