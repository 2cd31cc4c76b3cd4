using System.Text.Json;
using System.Text.RegularExpressions;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.SystemicProblems;

/// <summary>The analysts' drill-down: the ranked list, a problem's page, its lifecycle, its appeals; the live panel's counters.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ProblemsTests(DashboardFixture fixture)
{
    /// <summary>The list once the startup mining run has filled it (the counters redraw live when it does).</summary>
    private async Task<ProblemsPage> OpenListAsync(int width = 1920, int height = 1080, string? signedInAs = null)
    {
        var list = await ProblemsPage.OpenAsync(fixture, signedInAs, width, height);
        await list.WaitForMinedAsync();
        await list.Page.ReloadAsync();
        return await ProblemsPage.ReadyOnAsync(list.Page);
    }

    [Fact]
    public async Task Page_OpensInRussianWithRealData()
    {
        var list = await ProblemsPage.OpenAsync(fixture);

        await PageChecks.OpensWholeAsync(list, "Системные проблемы");
        await list.WaitForMinedAsync();
        await Assertions.Expect(list.Rows).Not.ToHaveCountAsync(0);

        await list.ScreenshotsAsync("problems");
        await list.CloseAsync();
    }

    [Fact]
    public async Task RankedList_ShowsScoredProblems_AndANumberLeadsToItsAppealsInTwoClicks()
    {
        var list = await OpenListAsync();
        await Assertions.Expect(list.Rows).ToHaveCountAsync(15);
        await Assertions.Expect(list.ScoreBars).Not.ToHaveCountAsync(0);
        await Assertions.Expect(list.Sparklines.First).ToBeVisibleAsync();
        await list.ScreenshotAsync("problems-1920x1080");

        // Compare the last 13 weeks with the 13 before: two more columns.
        await list.FilterAsync("Период", "13 недель");
        await list.Compare.ClickAsync();
        await Assertions.Expect(list.Column("За прошлый")).ToBeVisibleAsync();

        // Click 1: the appeals count of the top problem. Click 2: one of those appeals.
        var problem = await list.OpenFirstProblemsAppealsAsync();
        await Assertions.Expect(problem.Components).ToBeVisibleAsync();
        var (appeal, reg) = await problem.OpenFirstAppealAsync();
        await Assertions.Expect(appeal.Heading).ToHaveTextAsync(reg);
        await appeal.CloseAsync();
    }

    [Fact]
    public async Task ProblemPage_ShowsWhyAndWhere_AndRecordsTheAnalystsDecision()
    {
        var list = await OpenListAsync(signedInAs: "analyst");
        var problem = await list.OpenProblemAsync(2);
        await Assertions.Expect(problem.Components).ToBeVisibleAsync();
        await Assertions.Expect(AppPage.Drawing(problem.Weeks)).ToBeVisibleAsync();
        await Assertions.Expect(AppPage.Drawing(problem.Map)).ToBeVisibleAsync();
        await Assertions.Expect(problem.Samples).Not.ToHaveCountAsync(0);
        await Assertions.Expect(problem.HistoryEntries).ToHaveCountAsync(1);
        await problem.ScreenshotsAsync("problem");

        // Dismissing without a reason is refused and changes nothing; confirming is recorded.
        await problem.ActAsync("Dismiss");
        await Assertions.Expect(problem.Alert).ToContainTextAsync("Укажите причину");
        await Assertions.Expect(problem.HistoryEntries).ToHaveCountAsync(1);
        await problem.ActAsync("Confirm");
        await Assertions.Expect(problem.HistoryEntries).ToHaveCountAsync(2);
        // The history names the analyst who confirmed it.
        await Assertions.Expect(problem.HistoryEntries.Last).ToContainTextAsync(await problem.Shell.UserName.InnerTextAsync());
        await Assertions.Expect(problem.Status).ToHaveTextAsync("Подтверждена", new() { IgnoreCase = true });

        // Its appeals export, and the Open311 API names the problem of each of them.
        var id = problem.Id;
        // The export as the signed-in analyst downloads it.
        var csv = await (await problem.Page.APIRequest.GetAsync($"/problems/{id}/appeals.csv")).TextAsync();
        using var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(await problem.StatAsync("problem-appeals-count"), lines.Length - 1);
        var reg = lines[1].Split(',')[0].Trim('"');
        using var json = JsonDocument.Parse(await http.GetStringAsync($"/open311/v2/requests/{reg}.json"));
        Assert.Equal(id, json.RootElement[0].GetProperty("systemic_problem_id").GetInt64());
        await problem.CloseAsync();
    }

    [Fact]
    public async Task ProblemPage_Anonymous_SeesTheHintInsteadOfTheSteps()
    {
        var list = await OpenListAsync();
        var problem = await list.OpenProblemAsync(3);
        await Assertions.Expect(problem.History).ToBeVisibleAsync();

        await Assertions.Expect(problem.AccessHint).ToContainTextAsync("С проблемой работают аналитики и администраторы");
        await Assertions.Expect(problem.Action("Confirm")).ToHaveCountAsync(0);
        await Assertions.Expect(problem.SignInFromHint).ToHaveAttributeAsync("href", new Regex(@"^account/signin\?returnUrl=%2Fproblems%2F\d+"));
        await problem.CloseAsync();
    }

    [Fact]
    public async Task ListOnALaptop_AndTheLivePanelsCounters()
    {
        var list = await OpenListAsync(1366, 768);
        await list.ScreenshotAsync("problems-1366x768");
        var live = await LivePage.GotoAsync(list.Page);
        Assert.True(await live.StatAsync("problems-identified") > 0);
        await live.ProblemsLink.ClickAsync();
        await Assertions.Expect(live.Heading).ToHaveTextAsync("Системные проблемы");
        await live.CloseAsync();
    }
}
