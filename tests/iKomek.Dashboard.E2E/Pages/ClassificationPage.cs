using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the analysts' classification page (/classification): the model versions, their figures, the drift.</summary>
public sealed partial class ClassificationPage(IPage page) : AppPage(page)
{
    public const string Path = "/classification";

    public static Task<ClassificationPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new ClassificationPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Current;

    /// <summary>The model in use: "№ 3", or "none" before the first is trained.</summary>
    public ILocator Current => Page.GetByTestId("cls-current");

    /// <summary>Appeals waiting in the review queue.</summary>
    public Task<long> QueueAsync() => StatAsync("cls-queue");

    public ILocator Versions => Page.GetByTestId("cls-versions").Locator("tbody tr");

    /// <summary>The chosen version's figures per service type.</summary>
    public ILocator PerClass => Page.GetByTestId("cls-per-class").Locator("tbody tr");

    /// <summary>The chosen version's figures per language.</summary>
    public ILocator Languages => Page.GetByTestId("cls-languages").Locator("tbody tr");

    public ILocator Drift => Page.GetByTestId("cls-drift");

    /// <summary>Whether a model is trained and has filed appeals for review (it trains in the background after start).</summary>
    public async Task<bool> HasModelAsync() =>
        ModelNumber().IsMatch(await Current.InnerTextAsync()) && await QueueAsync() > 0;

    /// <summary>
    /// Opens the page until the first model is trained (up to 4 minutes after start), then goes on to
    /// <paramref name="path"/> in the same browser page; fails when no model came.
    /// </summary>
    public static async Task<IPage> OpenOnceTrainedAsync(DashboardFixture fixture, string path, string? signedInAs = null)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var page = await OpenAsync(fixture, signedInAs);
            if (await page.HasModelAsync())
            {
                if (path != Path)
                {
                    await page.Page.GotoAsync(path);
                    await DashboardFixture.WaitForCircuitAsync(page.Page);
                }
                return page.Page;
            }
            await page.CloseAsync();
            Assert.True(DateTime.UtcNow < deadline, "the first classifier model was not trained within 4 minutes of start");
            await Task.Delay(3000);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^№ \d+$")]
    private static partial System.Text.RegularExpressions.Regex ModelNumber();
}
