using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E;

/// <summary>Every page in a real browser against the running app with its demo city: real content, no placeholders.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PagesTests(DashboardFixture fixture)
{
    public static TheoryData<string, string, string> AllPages => new()
    {
        { "/", "Живая панель города", "live" },
        { "/appeals", "Обращения", "appeals" },
        { "/problems", "Системные проблемы", "problems" },
        { "/ratings", "Рейтинг руководителей", "ratings" },
        { "/projects", "Проектный офис", "projects" },
        { "/kpis", "KPI акимата", "kpis" },
        { "/admin", "Администрирование", "admin" },
    };

    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task Page_OpensInRussianWithRealData(string path, string heading, string name)
    {
        // The administration is for administrators only.
        var page = await fixture.OpenAsync(path, signedInAs: path.StartsWith("/admin", StringComparison.Ordinal) ? "admin" : null);
        var shell = new Shell(page);

        await Assertions.Expect(shell.Heading).ToHaveTextAsync(heading);
        await Assertions.Expect(shell.Clock).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d\d:\d\d:\d\d$"));
        // No unknown text keys and no raw error on the page.
        var body = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotMatch(@"\[[a-z]+\.[A-Za-z.]+\]", body);
        Assert.DoesNotContain("Произошла ошибка", body);
        await AssertRealDataAsync(page, shell, name);

        await DashboardFixture.ScreenshotAsync(page, $"{name}-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);
        await page.WaitForTimeoutAsync(300);
        await DashboardFixture.ScreenshotAsync(page, $"{name}-1366x768");
        await page.Context.CloseAsync();
    }

    private static async Task AssertRealDataAsync(IPage page, Shell shell, string name)
    {
        switch (name)
        {
            case "live":
                Assert.True(await shell.StatAsync("live-today") > 0, "appeals today");
                Assert.True(await shell.StatAsync("live-open") > 0, "open appeals");
                // Every tile says how fresh it is; the map draws the five districts as filled outlines.
                Assert.Equal(13, await page.Locator("[data-testid=freshness][data-stale=false]").CountAsync());
                await Assertions.Expect(page.Locator("[data-testid=district-map] .js-fill")).ToHaveCountAsync(5);
                await Assertions.Expect(page.Locator("[data-testid=top-types] li").First).ToBeVisibleAsync();
                await Assertions.Expect(page.Locator("[data-testid=hourly-chart] .main-svg").First).ToBeVisibleAsync();
                break;
            case "appeals":
                // The grid loads its first page once the circuit is up.
                await Assertions.Expect(page.Locator("[data-testid=appeals-grid] tbody tr .reg")).ToHaveCountAsync(25);
                Assert.True(await shell.StatAsync("appeals-total") > 100);
                break;
            case "problems":
                await Assertions.Expect(page.GetByTestId("problems-identified")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("[1-9]"), new() { Timeout = 90_000 });
                await Assertions.Expect(page.GetByTestId("problems-grid").Locator("tbody tr")).Not.ToHaveCountAsync(0);
                break;
            case "ratings":
                Assert.True(await shell.StatAsync("ratings-count") >= 25);
                await Assertions.Expect(page.Locator("[data-testid=ratings-chart] .main-svg").First).ToBeVisibleAsync();
                break;
            case "projects":
                Assert.True(await shell.StatAsync("projects-active") > 100);
                await Assertions.Expect(page.Locator("[data-testid=projects-chart] .main-svg").First).ToBeVisibleAsync();
                break;
            case "kpis":
                Assert.True(await shell.StatAsync("kpis-count") >= 50);
                await Assertions.Expect(page.Locator("[data-testid=kpi-chart] .main-svg").First).ToBeVisibleAsync();
                break;
            case "admin":
                Assert.True(await shell.StatAsync("admin-size") > 0);
                await Assertions.Expect(page.GetByTestId("admin-migrations").GetByText("0001_reference_data.sql")).ToBeVisibleAsync();
                break;
        }
    }
}
