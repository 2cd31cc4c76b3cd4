using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Ratings;

/// <summary>The analyst assigning a systemic problem sees what it does to the chosen department's rating first.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AssignmentPreviewTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AnalystChoosesADepartment_SeesItsRatingNowAndAfter_BeforeAssigning()
    {
        await StoredRatings.EnsureAsync(fixture);
        var list = await ProblemsPage.OpenAsync(fixture, "analyst");
        await list.WaitForMinedAsync();
        await list.Page.ReloadAsync();
        list = await ProblemsPage.ReadyOnAsync(list.Page);
        var problem = await list.OpenProblemAsync(6);
        if (await problem.Action("Confirm").IsVisibleAsync()) await problem.ActAsync("Confirm");
        await Assertions.Expect(problem.Action("Assign")).ToBeVisibleAsync();
        var steps = await problem.HistoryEntries.CountAsync();

        await problem.Shell.ChooseAsync("Ответственное управление", "Управление энергетики и жилищно-коммунального хозяйства");

        var preview = problem.Page.GetByTestId("assignment-preview");
        await Assertions.Expect(preview).ToContainTextAsync("Рейтинг руководителя");
        await Assertions.Expect(preview.GetByTestId("assign-now")).ToContainTextAsync("%");
        await Assertions.Expect(preview.GetByTestId("assign-verified")).ToBeVisibleAsync();
        await Assertions.Expect(preview.GetByTestId("assign-overdue")).ToBeVisibleAsync();
        // Choosing wrote nothing: the history has not grown.
        await Assertions.Expect(problem.HistoryEntries).ToHaveCountAsync(steps);
        await preview.ScrollIntoViewIfNeededAsync();
        await problem.ScreenshotAsync("problem-assign-preview-1920x1080");
        await problem.CloseAsync();
    }
}
