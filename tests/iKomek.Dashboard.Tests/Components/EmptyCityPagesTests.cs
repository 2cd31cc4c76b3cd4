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

    /// <summary>
    /// Keeps the page loading for as long as it is held: its first query waits on a lock of a table it reads, so the
    /// loading state is seen every time, not only when the database happens to be slower than the test.
    /// </summary>
    private async Task<IAsyncDisposable> HoldAsync(string table)
    {
        var conn = await db.DataSource.OpenConnectionAsync();
        var tx = await conn.BeginTransactionAsync();
        await new Npgsql.NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", conn, tx).ExecuteNonQueryAsync();
        return new Held(conn, tx);
    }

    private sealed class Held(Npgsql.NpgsqlConnection conn, Npgsql.NpgsqlTransaction tx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await tx.RollbackAsync();
            await conn.DisposeAsync();
        }
    }

    private async Task<IRenderedComponent<IComponent>> LoadingPage<TPage>(string table) where TPage : IComponent
    {
        var cut = default(IRenderedComponent<IComponent>);
        await using (await HoldAsync(table))
        {
            cut = Page<TPage>();
            await Task.Delay(200);
            Assert.NotEmpty(cut.FindAll(".mud-progress-circular"));
        }
        return cut;
    }

    [Fact]
    public async Task RatingsPage_LoadingThenNoManagers()
    {
        var cut = await LoadingPage<RatingsPage>("departments");

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=ratings-count]").TextContent.Trim()));
        Assert.Contains("Нет данных", cut.Find("[data-testid=ratings-grid]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=rating-row]"));
    }

    [Fact]
    public async Task KpisPage_LoadingThenNoIndicators()
    {
        var cut = await LoadingPage<KpisPage>("departments");

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=kpis-count]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=kpi-dept]"));
        Assert.Equal("—", cut.Find("[data-testid=kpi-city-pct]").TextContent.Trim());
        Assert.Contains("Выберите показатель", cut.Markup);
    }

    [Fact]
    public async Task ProjectsPage_LoadingThenNoProjects()
    {
        var cut = await LoadingPage<ProjectsPage>("departments");

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
    public async Task ClassificationPage_NoModelYet()
    {
        var cut = await LoadingPage<ClassificationPage>("classifier_models");

        cut.WaitForAssertion(() => Assert.Contains("Модель ещё не обучена", cut.Find("[data-testid=cls-current]").TextContent));
        Assert.Contains("Модель ещё не обучена", cut.Find("[data-testid=cls-versions]").TextContent);
        Assert.Equal("(0)", cut.Find("[data-testid=open-review]").TextContent.Trim()[^3..]);
    }

    [Fact]
    public async Task ReviewPage_EmptyQueue()
    {
        var cut = await LoadingPage<ReviewPage>("service_types");

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
