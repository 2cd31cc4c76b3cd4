using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Projects;

/// <summary>The project office's portfolio in a real browser: real projects, and the text filter.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ProjectsPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Page_OpensInRussianWithRealData()
    {
        var projects = await ProjectsPage.OpenAsync(fixture);

        await PageChecks.OpensWholeAsync(projects, "Портфель проектов");
        Assert.True(await projects.ActiveAsync() > 100);
        await Assertions.Expect(AppPage.Drawing(projects.Chart)).ToBeVisibleAsync();

        await projects.ScreenshotsAsync("projects");
        await projects.CloseAsync();
    }

    [Fact]
    public async Task ProjectsGrid_TextFilter_NarrowsTheList()
    {
        var projects = await ProjectsPage.OpenAsync(fixture);
        var before = await projects.Summary.InnerTextAsync();

        await projects.FilterByTextAsync("школ");

        await Assertions.Expect(projects.Summary).Not.ToHaveTextAsync(before);
        var names = await projects.Names.AllInnerTextsAsync();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains("школ", n, StringComparison.OrdinalIgnoreCase));
        await projects.CloseAsync();
    }
}
