using System.Security.Claims;
using System.Text.RegularExpressions;
using Bunit;
using Dapper;
using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Features.Ratings.Pages;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IKomek.Dashboard.Tests.Components.Ratings;

/// <summary>The rating's pages with their real queries on the small demo city, its rating computed once per class.</summary>
public sealed class RatingPagesTests(DemoCityDatabase city) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    private static readonly SemaphoreSlim Computed = new(1, 1);
    private static string? _computedIn;

    public override async Task InitializeAsync()
    {
        UseDatabase(city.DataSource);
        await Computed.WaitAsync();
        try
        {
            if (_computedIn != city.ConnectionString)
            {
                await new RatingEngine(city.DataSource, city.Clock).RecomputeAsync("test");
                _computedIn = city.ConnectionString;
            }
        }
        finally
        {
            Computed.Release();
        }
    }

    private IRenderedComponent<IComponent> Page<TPage>(params (string Name, object? Value)[] parameters) where TPage : IComponent =>
        Context.Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<TPage>(1);
            foreach (var (name, value) in parameters) b.AddAttribute(2, name, value);
            b.CloseComponent();
        });

    private void SignInAs(string role, int? department = null)
    {
        var authorization = Context.AddAuthorization();
        authorization.SetAuthorized(role);
        authorization.SetRoles(role);
        if (department is { } d) authorization.SetClaims(new Claim(CityRoles.DepartmentClaim, d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task<IReadOnlyList<ManagerRating>> MarchAsync() => await new RatingQueries(city.DataSource).GetLatestAsync(RatingPeriod.Month(2026, 3));

    [Fact]
    public async Task Leaderboard_EveryManagerOfTheMonth_WithDeskLinksForTheAkim()
    {
        SignInAs(CityRoles.Akim);
        var march = await MarchAsync();

        var cut = Page<RatingsPage>();

        cut.WaitForAssertion(() => Assert.Equal(march.Count, cut.FindAll("[data-testid=rating-row]").Count), TimeSpan.FromSeconds(30));
        Assert.Equal(march.Count.ToString("N0"), cut.Find("[data-testid=ratings-count]").TextContent.Trim());
        Assert.Equal(march.Count, cut.FindAll("[data-testid=rating-desk-link]").Count);
        // Ranked managers first, in rank order; "—" only where the stored rating has no rank.
        var ranks = cut.FindAll("[data-testid=rating-rank]").Select(r => r.FirstChild!.TextContent.Trim()).ToList();
        Assert.Equal(march.Count(r => r.Rank is null), ranks.Count(r => r == "—"));
        var numbers = ranks.Where(r => r != "—").Select(int.Parse).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Contains("март 2026", cut.Find("[data-testid=rating-period-name]").TextContent);
    }

    [Fact]
    public async Task WhatIf_AllWeightOnKpis_RanksFollowTheKpiScores()
    {
        SignInAs(CityRoles.Akim);
        var march = await MarchAsync();
        var cut = Page<RatingsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=what-if-row]")), TimeSpan.FromSeconds(30));
        Assert.Empty(cut.FindAll("[data-testid=what-if-movement] span"));

        foreach (var (indicator, value) in new[] { ("kpi", 100), ("projects", 0), ("appeals", 0), ("systemic", 0) })
        {
            // MudBlazor puts the test id on the input itself.
            var field = cut.Find($"[data-testid=weight-{indicator}]");
            (field.TagName == "INPUT" ? field : field.QuerySelector("input")!).Input(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // With the KPIs alone, the totals are the KPI scores; the table and the movement say so.
        cut.WaitForAssertion(() =>
        {
            var byManager = march.ToDictionary(r => r.ManagerId);
            foreach (var row in cut.FindAll("[data-testid=what-if-row]"))
            {
                var kpi = byManager[int.Parse(row.GetAttribute("data-manager")!)][RatingIndicator.Kpi].Score;
                Assert.Equal(RatingFormat.Pct(kpi), row.Children[2].TextContent.Trim());
            }
            Assert.NotEmpty(cut.FindAll("[data-testid=what-if-movement] span"));
        });
        // The stored ranking has not moved: nothing was written.
        Assert.Equal(march.Select(r => r.TotalPct), (await MarchAsync()).Select(r => r.TotalPct));
    }

    [Fact]
    public async Task Desk_LostPoints_EachLinksToItsSubjectsPage()
    {
        SignInAs(CityRoles.Admin);
        var march = await MarchAsync();
        var queries = new RatingQueries(city.DataSource);
        var manager = march.First(m => queries.GetLostPointsAsync(m.ResultId).Result.Select(p => p.Kind).Distinct().Count() >= 3);
        var lost = await queries.GetLostPointsAsync(manager.ResultId);

        var cut = Page<DeskPage>(("ManagerId", (int?)manager.ManagerId));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=lost-point]")), TimeSpan.FromSeconds(30));
        var items = cut.FindAll("[data-testid=lost-point]");
        Assert.Equal(Math.Min(25, lost.Count), items.Count);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        foreach (var (item, point) in items.Zip(lost))
        {
            Assert.Equal(RatingCodes.Of(point.Kind), item.GetAttribute("data-kind"));
            var href = item.QuerySelector("[data-testid=lost-point-link]")!.GetAttribute("href")!;
            var expected = point.Kind switch
            {
                LostPointKind.LaggingKpi => "kpis?kpi=" + await conn.ExecuteScalarAsync<string>("SELECT code FROM kpis WHERE id = @id", new { id = (int)point.SubjectId }),
                LostPointKind.LateProject => "projects/" + await conn.ExecuteScalarAsync<string>("SELECT code FROM projects WHERE id = @id", new { id = (int)point.SubjectId }),
                LostPointKind.OpenProblem => $"problems/{point.SubjectId}",
                _ => "appeals/" + await conn.ExecuteScalarAsync<string>("SELECT reg_number FROM appeals WHERE id = @id", new { id = point.SubjectId }),
            };
            Assert.Equal(expected, href);
        }
        Assert.Matches(new Regex(@"^appeals\?department=\d+$"), cut.Find("[data-testid=link-appeals]").GetAttribute("href"));
        Assert.Matches(new Regex(@"^kpis\?department=\w+$"), cut.Find("[data-testid=link-kpis]").GetAttribute("href"));
        Assert.Equal($"projects?department={manager.DepartmentId}", cut.Find("[data-testid=link-projects]").GetAttribute("href"));
        Assert.Equal($"problems?department={manager.DepartmentId}", cut.Find("[data-testid=link-problems]").GetAttribute("href"));
    }

    [Fact]
    public async Task Desk_HeadAsksForAnotherManager_RefusedWithNothingOfIt()
    {
        var march = await MarchAsync();
        var (own, other) = (march[0], march[1]);
        SignInAs(CityRoles.DepartmentHead, own.DepartmentId);

        var cut = Page<DeskPage>(("ManagerId", (int?)other.ManagerId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=desk-refused]")), TimeSpan.FromSeconds(30));
        Assert.Empty(cut.FindAll("[data-testid=lost-point]"));
        Assert.DoesNotContain(other.FullName, cut.Markup);
    }

    [Fact]
    public async Task Desk_HeadWithoutAnId_OwnDepartmentsDesk()
    {
        var march = await MarchAsync();
        var own = march[^1];
        SignInAs(CityRoles.DepartmentHead, own.DepartmentId);

        var cut = Page<DeskPage>();

        cut.WaitForAssertion(() => Assert.Equal(RatingFormat.Pct(own.TotalPct), cut.Find("[data-testid=desk-total]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Contains(own.FullName, cut.Find("h1").TextContent);
        Assert.Equal(RatingFormat.Pct(own.FcrPct), cut.Find("[data-testid=desk-fcr]").TextContent.Trim());
        Assert.NotEmpty(cut.FindAll("[data-testid=rating-computation-link]"));
    }

    [Fact]
    public async Task StoredResult_ReopenedAsStored_RecomputesToTheSameNumbers()
    {
        SignInAs(CityRoles.Analyst);
        var stored = (await MarchAsync())[2];

        var cut = Page<StoredResultPage>(("Id", stored.ResultId));

        cut.WaitForAssertion(() => Assert.Equal(RatingFormat.Pct(stored.TotalPct), cut.Find("[data-testid=result-total]").TextContent.Trim()), TimeSpan.FromSeconds(30));
        Assert.Equal(RatingFormat.Pct(stored.TotalPct), cut.Find("[data-testid=result-recomputed]").TextContent.Trim());
        Assert.Contains("совпадает", cut.Find("[data-testid=result-recomputed]").ParentElement!.TextContent);
        Assert.Equal(stored.WeightsVersion.ToString(), cut.Find("[data-testid=result-weights]").TextContent.Trim());
        Assert.Contains($"\"managerId\":{stored.ManagerId}", cut.Find("[data-testid=result-snapshot]").TextContent);
    }

    [Fact]
    public async Task AssignmentPreview_DepartmentChosen_ShowsItsRatingNowAndAfter()
    {
        SignInAs(CityRoles.Analyst);
        var target = (await MarchAsync())[0];
        // A problem new to the department (this city's problems are not mined here): the preview needs only its id and score.
        var problem = (Id: 999_999L, Score: 12.5m);

        var cut = Context.Render<AssignmentRatingPreview>(p => p.Add(c => c.ProblemId, problem.Id).Add(c => c.ProblemScore, problem.Score)
            .Add(c => c.DepartmentId, target.DepartmentId));

        cut.WaitForAssertion(() => Assert.Contains(target.FullName, cut.Markup), TimeSpan.FromSeconds(30));
        var now = cut.Find("[data-testid=assign-now]").Children;
        var systemic = target[RatingIndicator.Systemic].Score;
        Assert.Equal(systemic is null ? "не оценивается" : RatingFormat.Pct(systemic), now[1].TextContent.Trim());
        Assert.Equal(RatingFormat.Pct(target.TotalPct), now[2].TextContent.Trim());
        Assert.NotNull(cut.Find("[data-testid=assign-verified]"));

        cut.Render(p => p.Add(c => c.DepartmentId, (int?)null));
        Assert.Empty(cut.FindAll("[data-testid=assign-now]"));
    }
}
