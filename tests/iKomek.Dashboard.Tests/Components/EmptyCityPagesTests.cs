using Bunit;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Features.Kpis;
using IKomek.Dashboard.Features.Projects;
using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace IKomek.Dashboard.Tests.Components;

/// <summary>
/// The pages on a migrated database that holds no city yet: each shows its loading state first, then says that there
/// is nothing instead of failing or inventing rows.
/// </summary>
public sealed class EmptyCityPagesTests(MigratedDatabase db) : MudComponentTest, IClassFixture<MigratedDatabase>
{
    private IRenderedComponent<IComponent> Page<TPage>() where TPage : IComponent
    {
        UseDatabase(db.DataSource);
        SignIn(null);
        return Context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<TPage>(1);
            b.CloseComponent();
        });
    }

    [Fact]
    public void RatingsPage_LoadingThenNoManagers()
    {
        var cut = Page<RatingsPage>();
        Assert.NotEmpty(cut.FindAll(".mud-progress-circular"));

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=ratings-count]").TextContent.Trim()));
        Assert.Contains("Нет данных", cut.Find("[data-testid=ratings-grid]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=ratings-grid] tbody tr.mud-table-row td.num"));
    }

    [Fact]
    public void KpisPage_LoadingThenNoIndicators()
    {
        var cut = Page<KpisPage>();
        Assert.NotEmpty(cut.FindAll(".mud-progress-circular"));

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=kpis-count]").TextContent.Trim()));
        Assert.Contains("Нет данных", cut.Find("[data-testid=kpis-grid]").TextContent);
    }

    [Fact]
    public void ProjectsPage_LoadingThenNoProjects()
    {
        var cut = Page<ProjectsPage>();
        Assert.NotEmpty(cut.FindAll(".mud-progress-circular"));

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=projects-active]").TextContent.Trim()));
        Assert.Contains("Нет данных", cut.Find("[data-testid=projects-grid]").TextContent);
    }

    [Fact]
    public void ProblemsPage_NoProblems_SaysSo()
    {
        var cut = Page<SystemicProblemsPage>();

        cut.WaitForAssertion(() => Assert.Contains("Системных проблем не найдено", cut.Find("[data-testid=problems-grid]").TextContent));
        Assert.Equal("0", cut.Find("[data-testid=problems-identified]").TextContent.Trim());
    }

    [Fact]
    public void ProblemPage_UnknownProblem_IsNotFound()
    {
        UseDatabase(db.DataSource);
        SignIn(null);
        var cut = Context.Render<ProblemPage>(p => p.Add(x => x.Id, 424242));

        cut.WaitForAssertion(() => Assert.Contains("Такой проблемы нет", cut.Find(".empty-state").TextContent));
        Assert.Empty(cut.FindAll(".mud-progress-circular"));
    }

    [Fact]
    public void ClassificationPage_NoModelYet()
    {
        var cut = Page<ClassificationPage>();
        Assert.NotEmpty(cut.FindAll(".mud-progress-circular"));

        cut.WaitForAssertion(() => Assert.Contains("Модель ещё не обучена", cut.Find("[data-testid=cls-current]").TextContent));
        Assert.Contains("Модель ещё не обучена", cut.Find("[data-testid=cls-versions]").TextContent);
        Assert.Equal("(0)", cut.Find("[data-testid=open-review]").TextContent.Trim()[^3..]);
    }

    [Fact]
    public void ReviewPage_EmptyQueue()
    {
        var cut = Page<ReviewPage>();
        Assert.NotEmpty(cut.FindAll(".mud-progress-circular"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".empty-state")));
        Assert.Equal("0", cut.Find("[data-testid=review-count]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=review-item]"));
    }

    [Fact]
    public void ImportPage_Anonymous_SeesTheHintAndNoRuns()
    {
        var cut = Page<ImportPage>();

        cut.WaitForAssertion(() => Assert.Contains("Нет данных", cut.Find("[data-testid=import-runs]").TextContent));
        Assert.NotEmpty(cut.FindAll("[data-testid=access-hint]"));
        Assert.Empty(cut.FindAll("[data-testid=import-start]"));
    }
}
