using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E;

/// <summary>Every chart drawn by Plotly.Blazor's basic bundle, inside its panel at both screen sizes the panel is made for.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ChartsTests(DashboardFixture fixture)
{
    public static TheoryData<string, string, string?> Charts => new()
    {
        { "/", "hourly-chart", null },
        { "/", "district-map", null },
        { "/kpis", "kpi-chart", null },
        { "/projects", "projects-chart", null },
        { "/ratings", "ratings-chart", null },
        { "/admin", "admin-chart", "admin" },
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task Chart_IsDrawnWhole_At1920And1366(string path, string testId, string? signedInAs)
    {
        var page = await fixture.OpenAsync(path, signedInAs: signedInAs);
        var chart = page.GetByTestId(testId);
        foreach (var (width, height) in new[] { (1920, 1080), (1366, 768) })
        {
            await page.SetViewportSizeAsync(width, height);
            await chart.ScrollIntoViewIfNeededAsync();
            var svg = chart.Locator("svg.main-svg").First;
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
        await page.Context.CloseAsync();
    }
}
