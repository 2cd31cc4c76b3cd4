using System.Text.RegularExpressions;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Projects;

/// <summary>A project's card in a real browser: reached from the portfolio, every section drawn, a photo opened, a milestone done elsewhere shown at once.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class ProjectCardTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Card_FromPortfolio_ShowsItsSectionsOpensAPhotoAndFollowsAMilestone()
    {
        var projects = await ProjectsPage.OpenAsync(fixture, signedInAs: "admin");
        var code = await projects.FirstCodeAsync();
        await using var db = await fixture.OpenDatabaseAsync();
        var photo = await CardRows.PhotoAsync(db, code, "Каркас, северный фасад");
        var milestone = await CardRows.MilestoneAsync(db, code, "Приёмка каркаса");

        var card = await projects.OpenCardAsync(code);

        Assert.EndsWith(ProjectCardPage.PathOf(code), card.Page.Url);
        await PageChecks.OpensWholeAsync(card, await card.Name.InnerTextAsync());
        await Assertions.Expect(card.Passport).ToContainTextAsync(code);
        await Assertions.Expect(AppPage.Drawing(card.Timeline)).ToBeVisibleAsync();
        await Assertions.Expect(AppPage.Drawing(card.Budget)).ToBeVisibleAsync();
        await Assertions.Expect(card.Plan).ToBeVisibleAsync();
        await Assertions.Expect(card.Milestones).ToContainTextAsync("Приёмка каркаса");
        await Assertions.Expect(card.Site.Or(card.Page.GetByText("Место проекта не указано"))).ToBeVisibleAsync();
        await card.ScreenshotsAsync("project-card");
        await card.ResizeAsync(1920, 1080);

        // A photo opens over the page, drawn from the photo endpoint, and closes again.
        await card.Photos.Locator($"[data-photo='{photo}']").ClickAsync();
        await Assertions.Expect(card.PhotoViewer).ToContainTextAsync("Каркас, северный фасад");
        Assert.True(await card.ViewerImageLoadedAsync());
        await DashboardFixture.ScreenshotAsync(card.Page, "project-card-photo-1920x1080");
        await card.PhotoViewer.Locator("button.close").ClickAsync();
        await Assertions.Expect(card.PhotoViewer).ToHaveCountAsync(0);

        // The project office marks the milestone done (here, straight in the database): the open card follows.
        var (done, total) = Counts(await card.MilestonesDone.InnerTextAsync());
        await CardRows.MarkDoneAsync(db, milestone);
        await Assertions.Expect(card.MilestonesDone).ToHaveTextAsync($"выполнено {done + 1} из {total}");
        await Assertions.Expect(card.Milestones.Locator("li[data-state=done]").Filter(new() { HasText = "Приёмка каркаса" })).ToHaveCountAsync(1);

        await card.Page.Mouse.WheelAsync(0, 1400);
        await DashboardFixture.ScreenshotAsync(card.Page, "project-card-lower-1920x1080");
        await card.CloseAsync();
    }

    [Fact]
    public async Task Card_UnknownCode_SaysSoCleanly()
    {
        var card = await ProjectCardPage.OpenAsync(fixture, "NO-SUCH-PROJECT");

        await PageChecks.OpensWholeAsync(card, "Карточка проекта");
        await Assertions.Expect(card.NotFound).ToContainTextAsync("Проекта с кодом «NO-SUCH-PROJECT» нет");
        await card.CloseAsync();
    }

    [Fact]
    public async Task Card_AnonymousReader_SeesNoPhotosOfAProjectThatIsNotPublic()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        var code = await CardRows.CodeAsync(db, isPublic: false);

        var card = await ProjectCardPage.OpenAsync(fixture, code);

        await Assertions.Expect(card.PhotosSignIn).ToBeVisibleAsync();
        await Assertions.Expect(card.Photos).ToHaveCountAsync(0);
        await card.CloseAsync();
    }

    private static (int Done, int Total) Counts(string text)
    {
        var m = DoneOfTotal().Match(text);
        return (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"(\d+) из (\d+)")]
    private static partial Regex DoneOfTotal();
}
