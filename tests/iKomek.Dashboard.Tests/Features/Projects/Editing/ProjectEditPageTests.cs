using Bunit;
using IKomek.Dashboard.Features.Projects.Editing;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Components;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static IKomek.Dashboard.Tests.Features.Projects.Editing.EditingFixture;

namespace IKomek.Dashboard.Tests.Features.Projects.Editing;

/// <summary>The editing forms as a reader sees them: errors beside their fields, the project loaded, and refusals for other roles.</summary>
public sealed class ProjectEditPageTests(DemoCityDatabase city) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    public override Task InitializeAsync()
    {
        UseDatabase(city.DataSource);
        Context.Services.AddSingleton(new AstanaClock(city.Clock));
        Context.Services.AddSingleton(Editor(city.DataSource));
        Context.Services.AddSingleton(Parts(city.DataSource));
        Context.Services.AddSingleton(new PhotoUploads(city.DataSource, city.Clock, new PhotoOptions()));
        return Task.CompletedTask;
    }

    /// <summary>The component with MudBlazor's popover provider beside it (its selects and date pickers need one).</summary>
    private IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent
    {
        Context.Render<MudPopoverProvider>();
        return Context.Render<T>(parameters ?? (_ => { }));
    }

    [Fact]
    public async Task NewForm_SavedEmpty_ListsWhatIsMissing_InRussian_AndStoresNothing()
    {
        SignIn("project_office");
        var before = await ScalarAsync<long>(city.DataSource, "SELECT count(*) FROM projects");
        var cut = Render<ProjectEditPage>();
        cut.WaitForElement("[data-testid=editing-save]");

        cut.Find("[data-testid=editing-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Код: Поле обязательно.", cut.Find("[data-testid=editing-errors]").TextContent));
        var errors = cut.Find("[data-testid=editing-errors]").TextContent;
        Assert.Contains("Название (каз.): Поле обязательно.", errors);
        Assert.Contains("Ответственное управление: Поле обязательно.", errors);
        Assert.Contains("Окончание (план): Поле обязательно.", errors);
        Assert.Equal(before, await ScalarAsync<long>(city.DataSource, "SELECT count(*) FROM projects"));
    }

    [Fact]
    public async Task EditForm_ShowsTheProjectsFields_AndItsMilestones()
    {
        SignIn("project_office");
        var code = await ScalarAsync<string>(city.DataSource, "SELECT min(code) FROM projects");
        var milestones = await ScalarAsync<long>(city.DataSource, "SELECT count(*) FROM project_milestones m JOIN projects p ON p.id = m.project_id WHERE p.code = @code", new { code });

        var cut = Render<ProjectEditPage>(p => p.Add(x => x.Code, code));

        cut.WaitForAssertion(() => Assert.Equal(code, cut.Find("input[data-testid=editing-code]").GetAttribute("value")));
        Assert.Contains($"Изменение проекта {code}", cut.Markup);
        cut.WaitForAssertion(() => Assert.Equal(milestones, cut.FindAll("[data-testid=editing-milestone]").Count));
        Assert.Single(cut.FindAll("[data-testid=editing-reason]"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("analyst")]
    [InlineData("planning_office")]
    public async Task OtherRoles_GetTheHint_AndNoForm(string? role)
    {
        SignIn(role);

        var cut = Render<ProjectEditPage>();

        cut.WaitForAssertion(() => Assert.Contains("Проекты, вехи, риски и фотографии ведёт проектный офис", cut.Find("[data-testid=access-hint]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=editing-form]"));
    }

    [Fact]
    public async Task MilestoneHandler_RefusesAnAnalyst_OnTheServer_AndStoresNothing()
    {
        SignIn("analyst");
        var id = await ScalarAsync<int>(city.DataSource, "SELECT min(id) FROM projects");
        var before = await ScalarAsync<long>(city.DataSource, "SELECT count(*) FROM project_milestones");
        var cut = Render<MilestonesEditor>(p => p.Add(x => x.ProjectId, id));
        cut.WaitForElement("input[data-testid=editing-milestone-name]").Change("Веха без права");

        cut.Find("[data-testid=editing-milestone-add]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Проекты меняет проектный офис", cut.Find("[data-testid=editing-part-errors]").TextContent));
        Assert.Equal(before, await ScalarAsync<long>(city.DataSource, "SELECT count(*) FROM project_milestones"));
    }

    [Fact]
    public async Task RiskForm_ShowsThePreciseRefusal_OfAMeetingWithoutOwner()
    {
        SignIn("project_office");
        var id = await ScalarAsync<int>(city.DataSource, "SELECT max(id) FROM projects");
        var cut = Render<RisksEditor>(p => p.Add(x => x.ProjectId, id));
        cut.WaitForElement("input[data-testid=editing-risk-title]").Change("Нет подрядчика");
        cut.FindAll(".part-row.add input[type=checkbox]").Single().Change(true);

        cut.Find("[data-testid=editing-risk-add]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Ответственный: Для совещания акимата нужен ответственный.", cut.Find("[data-testid=editing-part-errors]").TextContent));
    }
}
