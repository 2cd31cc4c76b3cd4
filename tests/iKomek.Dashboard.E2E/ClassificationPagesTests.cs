using System.Text.RegularExpressions;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E;

/// <summary>
/// The analysts' classification page and the review queue in a real browser. The app trains its first model from the
/// demo city's closed appeals on start and files the recent ones, so both pages have real content.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class ClassificationPagesTests(DashboardFixture fixture)
{
    [GeneratedRegex(@"^№ \d+$")]
    private static partial Regex ModelNumber();

    /// <summary>Opens /classification once the first model is trained (it trains in the background after start).</summary>
    private async Task<IPage> OpenWithModelAsync(string path, string? signedInAs = null)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var page = await fixture.OpenAsync("/classification", signedInAs: signedInAs);
            if (ModelNumber().IsMatch(await page.GetByTestId("cls-current").InnerTextAsync()) && await new Shell(page).StatAsync("cls-queue") > 0)
            {
                if (path != "/classification")
                {
                    await page.GotoAsync(path);
                    await DashboardFixture.WaitForCircuitAsync(page);
                }
                return page;
            }
            await page.Context.CloseAsync();
            Assert.True(DateTime.UtcNow < deadline, "the first classifier model was not trained within 4 minutes of start");
            await Task.Delay(3000);
        }
    }

    [Fact]
    public async Task ClassificationPage_ShowsTheModelsFiguresAndTheDriftWatch()
    {
        var page = await OpenWithModelAsync("/classification");
        var shell = new Shell(page);

        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Классификация обращений");
        await Assertions.Expect(page.GetByTestId("cls-versions").Locator("tbody tr").First).ToContainTextAsync("Действует");
        await Assertions.Expect(page.GetByTestId("cls-per-class").Locator("tbody tr")).ToHaveCountAsync(14);
        await Assertions.Expect(page.GetByTestId("cls-languages").Locator("tbody tr").Filter(new() { HasText = "казахский" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=cls-drift] .main-svg").First).ToBeVisibleAsync();
        var body = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotMatch(@"\[[a-z]+\.[A-Za-z.]+\]", body);
        await Assertions.Expect(shell.NavLink("Классификация")).ToBeVisibleAsync();

        await DashboardFixture.ScreenshotAsync(page, "classification-1920x1080");
        await page.GetByTestId("cls-drift").ScrollIntoViewIfNeededAsync();
        await DashboardFixture.ScreenshotAsync(page, "classification-drift-1920x1080");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.SetViewportSizeAsync(1366, 768);
        await page.WaitForTimeoutAsync(300);
        await DashboardFixture.ScreenshotAsync(page, "classification-1366x768");

        await shell.Language("ENG").ClickAsync();
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Appeal classification");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReviewQueue_ConfirmAndCorrect_TakeTheAppealsOffTheQueue()
    {
        var page = await OpenWithModelAsync("/classification/review", signedInAs: "analyst");
        var shell = new Shell(page);
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Проверка тем обращений");
        var before = await shell.StatAsync("review-count");
        await DashboardFixture.ScreenshotAsync(page, "classification-review-1920x1080");

        // Confirm: one click.
        var first = page.GetByTestId("review-item").First;
        var firstNumber = await first.Locator(".reg").InnerTextAsync();
        await first.GetByTestId("review-confirm").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = firstNumber })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("review-count")).ToHaveTextAsync((before - 1).ToString("N0", new System.Globalization.CultureInfo("ru-KZ")));
        await Assertions.Expect(page.GetByTestId("review-item").Locator(".reg").Filter(new() { HasText = firstNumber })).ToHaveCountAsync(0);

        // Correct: pick another service type in the dropdown.
        var next = page.GetByTestId("review-item").First;
        var nextNumber = await next.Locator(".reg").InnerTextAsync();
        // The correction is an autocomplete: a few letters of the type, then its option.
        await next.GetByRole(AriaRole.Combobox).FillAsync("лифт");
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Застряли в лифте" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = nextNumber })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("review-count")).ToHaveTextAsync((before - 2).ToString("N0", new System.Globalization.CultureInfo("ru-KZ")));

        // The corrected appeal now sits under the new type.
        await page.GotoAsync("/appeals/" + nextNumber);
        await DashboardFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Застряли в лифте");

        await page.GotoAsync("/classification/review");
        await DashboardFixture.WaitForCircuitAsync(page);
        await page.SetViewportSizeAsync(1366, 768);
        await page.WaitForTimeoutAsync(300);
        await DashboardFixture.ScreenshotAsync(page, "classification-review-1366x768");
        await page.Context.CloseAsync();
    }
}
