using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Components.Charts;

/// <summary>Every chart drawn by Plotly.Blazor's basic bundle, inside its panel at both screen sizes the panel is made for.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ChartsTests(DashboardFixture fixture)
{
    public static TheoryData<string, string, string?> Charts => new()
    {
        { LivePage.Path, "hourly-chart", null },
        { LivePage.Path, "district-map", null },
        { KpisPage.Path, "kpi-chart", null },
        { ProjectsPage.Path, "projects-chart", null },
        { RatingsPage.Path, "ratings-chart", null },
        { AdministrationPage.Path, "admin-chart", "admin" },
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task Chart_IsDrawnWhole_At1920And1366(string path, string testId, string? signedInAs)
    {
        var screen = await OpenAsync(path, signedInAs);
        var page = screen.Page;
        var chart = screen.ChartById(testId);
        foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
        {
            await page.SetViewportSizeAsync(width, height);
            await chart.ScrollIntoViewIfNeededAsync();
            var svg = AppPage.Drawing(chart);
            await Assertions.Expect(svg).ToBeVisibleAsync();
            // Responsive: the drawing follows its panel's width and is not cut off by it.
            await page.WaitForFunctionAsync(
                "el => { const s = el.querySelector('svg.main-svg'); return s && Math.abs(s.getBoundingClientRect().width - el.getBoundingClientRect().width) <= 2; }",
                await chart.ElementHandleAsync());
            var box = (await chart.BoundingBoxAsync())!;
            Assert.True(box.Width > 250, $"{testId} is {box.Width}px wide at {width}x{height}");
            // Plotly's basic bundle, not the full one: the page asked for no trace type outside it.
            Assert.True(await page.EvaluateAsync<bool>(
                "() => [...document.scripts].some(s => /plotly-basic-[\\d.]+\\.min\\.js$/.test(s.src)) && ![...document.scripts].some(s => /plotly-[\\d.]+\\.min\\.js$/.test(s.src))"));
            await chart.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.ScreenshotFolder, $"chart-{testId}-{width}x{height}.png") });
        }
        await screen.CloseAsync();
    }

    private async Task<AppPage> OpenAsync(string path, string? signedInAs) => path switch
    {
        LivePage.Path => await LivePage.OpenAsync(fixture, signedInAs),
        KpisPage.Path => await KpisPage.OpenAsync(fixture, signedInAs),
        ProjectsPage.Path => await ProjectsPage.OpenAsync(fixture, signedInAs),
        RatingsPage.Path => await RatingsPage.OpenAsync(fixture, signedInAs),
        AdministrationPage.Path => await AdministrationPage.OpenAsync(fixture, signedInAs),
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "no page object for this path"),
    };
}
