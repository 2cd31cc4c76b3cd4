using Bunit;
using Dapper;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.Live;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IKomek.Dashboard.Tests.Components;

/// <summary>
/// A deputy akim's areas and departments first: the live panel lists and marks them, the explorer offers "my areas";
/// everyone else sees both pages unchanged. Real queries on a small demo city; the deputy is the demo's
/// deputy.utilities.
/// </summary>
public sealed class DeputyFirstTests(DemoCityDatabase city) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    private const string DeputyLogin = "deputy.utilities";

    public override Task InitializeAsync()
    {
        UseDatabase(city.DataSource);
        // The demo city's "today", so that the panel has today's appeals.
        Context.Services.AddSingleton(city.Clock);
        Context.Services.AddSingleton<AstanaClock>();
        Context.Services.AddSingleton<LiveQueries>();
        return Task.CompletedTask;
    }

    private IRenderedComponent<IComponent> Page<TPage>() where TPage : IComponent
    {
        // An interactive circuit: the explorer reads its rows only then.
        Context.Renderer.SetRendererInfo(new RendererInfo("Server", true));
        return Context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<TPage>(1);
            b.CloseComponent();
        });
    }

    private void SignInAs(string? role)
    {
        var auth = Context.AddAuthorization();
        if (role is null) return;
        auth.SetAuthorized(role == CityRoles.Deputy ? DeputyLogin : role);
        auth.SetRoles(role);
    }

    /// <summary>The deputy's areas and departments as deputy_departments and the service types say, read apart from the page's query.</summary>
    private async Task<(int Deputy, HashSet<string> Areas, HashSet<string> Departments)> SupervisedAsync()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var deputy = await conn.ExecuteScalarAsync<int>("SELECT deputy_id FROM users WHERE login = @DeputyLogin", new { DeputyLogin });
        var areas = (await conn.QueryAsync<string>("""
            SELECT DISTINCT a.name_ru FROM deputy_departments dd JOIN service_types st ON st.department_id = dd.department_id
            JOIN areas a ON a.id = st.area_id WHERE dd.deputy_id = @deputy
            """, new { deputy })).ToHashSet();
        var departments = (await conn.QueryAsync<string>(
            "SELECT d.name_ru FROM deputy_departments dd JOIN departments d ON d.id = dd.department_id WHERE dd.deputy_id = @deputy", new { deputy })).ToHashSet();
        return (deputy, areas, departments);
    }

    /// <summary>Overdue appeals now: one of a department the deputy supervises, three of one they do not (busier, so
    /// ranked above it for everyone else).</summary>
    private async Task PlantOverdueAsync(int deputy)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var planted = await conn.ExecuteAsync("""
            WITH supervised AS (SELECT department_id FROM deputy_departments WHERE deputy_id = @deputy),
            mine AS (SELECT id FROM appeals WHERE status NOT IN ('resolved', 'closed') AND department_id IN (SELECT department_id FROM supervised)
                     ORDER BY id LIMIT 1),
            other AS (SELECT id FROM appeals WHERE status NOT IN ('resolved', 'closed')
                      AND department_id = (SELECT min(department_id) FROM appeals WHERE status NOT IN ('resolved', 'closed')
                                           AND department_id NOT IN (SELECT department_id FROM supervised))
                      ORDER BY id LIMIT 3)
            UPDATE appeals SET sla_due_at = @past WHERE id IN (SELECT id FROM mine UNION ALL SELECT id FROM other)
            """, new { deputy, past = TestClock.UtcNow.AddDays(-3) });
        Assert.Equal(4, planted);
    }

    private static List<(string Name, string? Mark)> Bars(IRenderedComponent<IComponent> cut, string testId) =>
        cut.FindAll($"[data-testid={testId}] li .ranked-label")
            .Select(l => (l.GetAttribute("title")!, l.QuerySelector("[data-testid=ranked-mark]")?.TextContent.Trim())).ToList();

    [Fact]
    public async Task LivePanel_ListsTheDeputysAreasAndDepartmentsFirst_Marked()
    {
        var (deputy, areas, departments) = await SupervisedAsync();
        await PlantOverdueAsync(deputy);
        SignInAs(CityRoles.Deputy);
        var cut = Page<LivePage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(Bars(cut, "top-areas")), TimeSpan.FromSeconds(15));

        foreach (var (testId, mine) in new[] { ("top-areas", areas), ("overdue-by-department", departments) })
        {
            var bars = Bars(cut, testId);
            var ownCount = bars.Count(b => mine.Contains(b.Name));
            Assert.True(ownCount > 0, testId);
            // The own ones first, each marked; then the others, none marked.
            Assert.All(bars.Take(ownCount), b => Assert.Equal(("ваши", true), (b.Mark, mine.Contains(b.Name))));
            Assert.All(bars.Skip(ownCount), b => Assert.Equal(((string?)null, false), (b.Mark, mine.Contains(b.Name))));
        }
        // The deputy's order is not the city's: an area of theirs climbs above busier ones.
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var names = (await conn.QueryAsync<(int Id, string Name)>("SELECT id, name_ru FROM areas")).ToDictionary(a => a.Id, a => a.Name);
        var snapshot = await new LiveQueries(city.DataSource, new AstanaClock(city.Clock)).GetSnapshotAsync();
        Assert.NotEqual(snapshot.ByArea.Take(Bars(cut, "top-areas").Count).Select(a => names[a.Id]), Bars(cut, "top-areas").Select(b => b.Name));
    }

    [Fact]
    public async Task LivePanel_ForOthers_IsRankedByCount_WithoutMarks()
    {
        var (deputy, areas, departments) = await SupervisedAsync();
        await PlantOverdueAsync(deputy);
        SignInAs(CityRoles.Akim);
        var cut = Page<LivePage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(Bars(cut, "top-areas")), TimeSpan.FromSeconds(15));

        var counts = cut.FindAll("[data-testid=top-areas] li .ranked-value").Select(v => long.Parse(v.TextContent.Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        Assert.Equal(8, counts.Count);
        Assert.All(Bars(cut, "top-areas"), b => Assert.Null(b.Mark));
        Assert.All(Bars(cut, "overdue-by-department"), b => Assert.Null(b.Mark));
        Assert.Contains(Bars(cut, "top-areas"), b => !areas.Contains(b.Name));
        // The busier department the deputy does not supervise comes first for everyone else.
        Assert.DoesNotContain(Bars(cut, "overdue-by-department")[0].Name, departments);
    }

    [Fact]
    public async Task Explorer_MyAreas_IsOneClick_ForADeputyOnly_AndNarrowsToTheSupervisedAreas()
    {
        var (_, areas, _) = await SupervisedAsync();
        SignInAs(CityRoles.Deputy);
        var cut = Page<AppealsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=appeals-grid] tbody tr .reg")), TimeSpan.FromSeconds(15));
        // Off by default: the deputy's explorer opens on the whole city, as the live panel's links expect.
        Assert.Equal("false", cut.Find("[data-testid=filter-mine]").GetAttribute("aria-pressed"));
        Assert.Contains(RowAreas(cut), a => !areas.Contains(a));

        cut.Find("[data-testid=filter-mine]").Click();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=filter-mine]").GetAttribute("aria-pressed")), TimeSpan.FromSeconds(15));
        cut.WaitForAssertion(() =>
        {
            var shown = RowAreas(cut);
            Assert.NotEmpty(shown);
            Assert.All(shown, a => Assert.Contains(a, areas));
        }, TimeSpan.FromSeconds(15));
        // A click more gives the city back.
        cut.Find("[data-testid=filter-mine]").Click();
        cut.WaitForAssertion(() => Assert.Contains(RowAreas(cut), a => !areas.Contains(a)), TimeSpan.FromSeconds(15));
    }

    [Theory]
    [InlineData(CityRoles.Akim)]
    [InlineData(CityRoles.DepartmentHead)]
    [InlineData(null)]
    public void Explorer_ForOthers_HasNoMyAreas(string? role)
    {
        SignInAs(role);
        var cut = Page<AppealsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=appeals-grid]")), TimeSpan.FromSeconds(15));
        Assert.Empty(cut.FindAll("[data-testid=filter-mine]"));
    }

    [Fact]
    public async Task AppealQuery_SupervisedBy_CountsTheSupervisedAreasAppeals()
    {
        var (deputy, _, _) = await SupervisedAsync();
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var expected = await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM appeals WHERE area_id IN (SELECT st.area_id FROM deputy_departments dd
                JOIN service_types st ON st.department_id = dd.department_id WHERE dd.deputy_id = @deputy)
            """, new { deputy });
        var queries = new AppealsQueries(city.DataSource);

        Assert.Equal(expected, await queries.CountAsync(new AppealFilter(SupervisedBy: deputy), long.MaxValue));
        Assert.True(expected < await queries.CountAsync(new AppealFilter(), long.MaxValue));
        // A deputy that does not exist supervises nothing.
        Assert.Equal(0, await queries.CountAsync(new AppealFilter(SupervisedBy: -1), long.MaxValue));
        Assert.Equal(deputy, AppealFilter.FromQuery(new Microsoft.AspNetCore.Http.QueryCollection(
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new AppealFilter(SupervisedBy: deputy).ToQueryString()))).SupervisedBy);
    }

    /// <summary>Each row's area, the first part of its type cell's second line.</summary>
    private static List<string> RowAreas(IRenderedComponent<IComponent> cut) =>
        cut.FindAll("[data-testid=appeals-grid] tbody tr .type + .cell-sub").Select(c => c.TextContent.Split(" · ")[0].Trim()).Where(a => a.Length > 0).ToList();
}
