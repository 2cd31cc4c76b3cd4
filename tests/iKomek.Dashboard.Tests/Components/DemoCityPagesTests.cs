using System.Globalization;
using Bunit;
using Dapper;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Features.Projects;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IKomek.Dashboard.Tests.Components;

/// <summary>The pages with their real queries on a small demo city (its problems mined once per class).</summary>
public sealed class DemoCityPagesTests(DemoCityDatabase city) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    private static readonly SemaphoreSlim Mined = new(1, 1);
    private static string? _minedIn;

    public override async Task InitializeAsync()
    {
        UseDatabase(city.DataSource);
        await Mined.WaitAsync();
        try
        {
            if (_minedIn != city.ConnectionString)
            {
                await new SystemicMining(city.DataSource, TimeProvider.System).RunAsync(full: true);
                _minedIn = city.ConnectionString;
            }
        }
        finally
        {
            Mined.Release();
        }
    }

    /// <summary>The page under the popover provider the layout gives it (MudSelect draws its list there).</summary>
    private IRenderedComponent<IComponent> Page<TPage>(params (string Name, object Value)[] parameters) where TPage : IComponent =>
        Context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<TPage>(1);
            foreach (var (name, value) in parameters) b.AddAttribute(2, name, value);
            b.CloseComponent();
        });

    [Fact]
    public async Task ProblemsPage_ListsTheMinedProblems_AndTheStatusFilterNarrowsThem()
    {
        SignIn(null);
        var cut = Page<SystemicProblemsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=problems-grid] a.cell-title")));
        Assert.NotEmpty(cut.FindAll("[data-testid=problems-grid] svg.spark polyline"));
        Assert.NotEmpty(cut.FindAll("[data-testid=problems-grid] [data-testid=problem-status]"));

        // MudSelect opens on mousedown; "Отработана" matches no freshly mined problem.
        await cut.InvokeAsync(() => cut.Find(".mud-input-control:has([data-testid=problems-status])").MouseDown());
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mud-popover-open .mud-list-item")));
        await cut.InvokeAsync(() => cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == "Отработана").Click());

        cut.WaitForAssertion(() => Assert.Contains("Системных проблем не найдено", cut.Find("[data-testid=problems-grid]").TextContent));
    }

    [Fact]
    public async Task ProblemsPage_DepartmentInTheAddress_ListsThatDepartmentsProblemsOnly()
    {
        SignIn(null);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        // The department whose service types have the most current problems (a manager's desk links here).
        var department = await conn.QuerySingleAsync<int>("""
            SELECT coalesce(p.department_id, st.department_id)::int FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
            WHERE p.is_current AND p.merged_into IS NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1
            """);
        // Other departments have problems too: an unfiltered list would show them.
        Assert.True(await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
            WHERE p.is_current AND p.merged_into IS NULL AND coalesce(p.department_id, st.department_id) <> @department
            """, new { department }) > 0);

        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"problems?department={department}");
        var cut = Page<SystemicProblemsPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=problems-grid] a.cell-title")));
        Assert.NotNull(cut.Find("[data-testid=problems-department]"));
        var ids = cut.FindAll("[data-testid=problems-grid] a.cell-title").Select(a => long.Parse(a.GetAttribute("href")!.Split('/')[1])).ToArray();
        var theirs = await conn.QueryAsync<long>("""
            SELECT p.id FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
            WHERE p.id = ANY(@ids) AND coalesce(p.department_id, st.department_id) = @department
            """, new { ids, department });
        Assert.Equal(ids.Order(), theirs.Order());
    }

    [Fact]
    public async Task ProblemPage_AnAnalystConfirmsAndAssigns_AndTheHistoryNamesTheDepartment()
    {
        SignIn("analyst");
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var (id, departmentId) = await conn.QuerySingleAsync<(long, int)>("""
            SELECT p.id, d.id FROM systemic_problems p, departments d
            WHERE p.is_current AND p.status = 'identified' ORDER BY p.score DESC, d.id LIMIT 1
            """);
        await conn.ExecuteAsync("UPDATE systemic_problems SET department_id = @departmentId WHERE id = @id", new { id, departmentId });
        var department = await conn.QuerySingleAsync<string>("SELECT name_ru FROM departments WHERE id = @departmentId", new { departmentId });

        var cut = Page<ProblemPage>((nameof(ProblemPage.Id), id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("button[data-testid=action-Confirm]")));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=problem-history] li")));
        await cut.InvokeAsync(() => cut.Find("button[data-testid=action-Confirm]").Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("button[data-testid=action-Assign]")));
        await cut.InvokeAsync(() => cut.Find("button[data-testid=action-Assign]").Click());

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=problem-history] li").Count));
        var assigned = cut.FindAll("[data-testid=problem-history] li")[^1].TextContent;
        Assert.Contains(department, assigned);
        Assert.DoesNotContain("department", assigned);
        cut.WaitForAssertion(() => Assert.Equal("assigned", cut.Find(".page-head [data-testid=problem-status]").GetAttribute("data-status")));
    }

    [Fact]
    public async Task ImportPage_ABrokenMapping_IsShownAsAnError()
    {
        SignIn("admin");
        var cut = Page<ImportPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("button[data-testid=import-start]")));
        Assert.True(cut.Find("button[data-testid=import-start]").HasAttribute("disabled"));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("id,created\n1,2026-01-01\n", "city.csv"));
        cut.WaitForAssertion(() => Assert.StartsWith("city.csv · 0,0 МБ", cut.Find("[data-testid=import-file-name]").TextContent));
        await cut.InvokeAsync(() => cut.Find("textarea[data-testid=import-mapping]").Change("{ not json"));
        await cut.InvokeAsync(() => cut.Find("button[data-testid=import-start]").Click());

        cut.WaitForAssertion(() => Assert.Contains("Ошибка в сопоставлении", cut.Find("[data-testid=import-error]").TextContent));
        Assert.Contains("mud-alert-text-error", cut.Find("[data-testid=import-error]").ClassList);
    }
}
