using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Classification;

/// <summary>
/// The analysts' classification page and the review queue in a real browser. The app trains its first model from the
/// demo city's closed appeals on start and files the recent ones, so both pages have real content.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ClassificationPagesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task ClassificationPage_ShowsTheModelsFiguresAndTheDriftWatch()
    {
        var cls = new ClassificationPage(await ClassificationPage.OpenOnceTrainedAsync(fixture, ClassificationPage.Path));

        await Assertions.Expect(cls.Heading).ToHaveTextAsync("Классификация обращений");
        await Assertions.Expect(cls.Versions.First).ToContainTextAsync("Действует");
        await Assertions.Expect(cls.PerClass).ToHaveCountAsync(14);
        await Assertions.Expect(cls.Languages.Filter(new() { HasText = "казахский" })).ToHaveCountAsync(1);
        await Assertions.Expect(AppPage.Drawing(cls.Drift)).ToBeVisibleAsync();
        await PageChecks.NoUnknownTextKeyAsync(cls);
        await Assertions.Expect(cls.Shell.NavLink("Классификация")).ToBeVisibleAsync();

        await cls.ScreenshotAsync("classification-1920x1080");
        await cls.Drift.ScrollIntoViewIfNeededAsync();
        await cls.ScreenshotAsync("classification-drift-1920x1080");
        await cls.Page.EvaluateAsync("window.scrollTo(0, 0)");
        await cls.ResizeAsync(1366, 768);
        await cls.ScreenshotAsync("classification-1366x768");

        await cls.Shell.Language("ENG").ClickAsync();
        await Assertions.Expect(cls.Heading).ToHaveTextAsync("Appeal classification");
        await cls.CloseAsync();
    }

    [Fact]
    public async Task ReviewQueue_ConfirmAndCorrect_TakeTheAppealsOffTheQueue()
    {
        var review = await ReviewPage.ReadyOnAsync(await ClassificationPage.OpenOnceTrainedAsync(fixture, ReviewPage.Path, signedInAs: "analyst"));
        await Assertions.Expect(review.Heading).ToHaveTextAsync("Проверка тем обращений");
        var before = await review.CountAsync();
        await review.ScreenshotAsync("classification-review-1920x1080");

        // Confirm: one click.
        var first = review.Items.First;
        var firstNumber = await ReviewPage.RegNumberAsync(first);
        await ReviewPage.ConfirmAsync(first);
        await Assertions.Expect(review.Snackbar(firstNumber)).ToBeVisibleAsync();
        await Assertions.Expect(review.Count).ToHaveTextAsync(ReviewPage.Written(before - 1));
        await Assertions.Expect(review.Item(firstNumber)).ToHaveCountAsync(0);

        // Correct: pick another service type in the dropdown (an autocomplete: a few letters of the type, then its option).
        var next = review.Items.First;
        var nextNumber = await ReviewPage.RegNumberAsync(next);
        await review.CorrectAsync(next, "лифт", "Застряли в лифте");
        await Assertions.Expect(review.Snackbar(nextNumber)).ToBeVisibleAsync();
        await Assertions.Expect(review.Count).ToHaveTextAsync(ReviewPage.Written(before - 2));

        // The corrected appeal now sits under the new type.
        var appeal = await AppealPage.GotoAsync(review.Page, nextNumber);
        await Assertions.Expect(appeal.Body).ToContainTextAsync("Застряли в лифте");

        review = await ReviewPage.GotoAsync(appeal.Page);
        await review.ResizeAsync(1366, 768);
        await review.ScreenshotAsync("classification-review-1366x768");
        await review.CloseAsync();
    }
}
