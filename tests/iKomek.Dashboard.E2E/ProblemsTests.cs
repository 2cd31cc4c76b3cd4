using System.Text.Json;
using System.Text.RegularExpressions;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.SystemicProblems;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E;

/// <summary>The analysts' drill-down: the ranked list, a problem's page, its lifecycle, its appeals; and the jobs page.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class ProblemsTests(DashboardFixture fixture)
{
    [GeneratedRegex(@"[1-9]")]
    private static partial Regex NonZero();

    /// <summary>The list once the startup mining run has filled it (the counters redraw live when it does).</summary>
    private async Task<IPage> OpenListAsync(int width = 1920, int height = 1080, string? signedInAs = null)
    {
        var page = await fixture.OpenAsync("/problems", width, height, signedInAs);
        await Assertions.Expect(page.GetByTestId("problems-identified")).ToHaveTextAsync(NonZero(), new() { Timeout = 90_000 });
        await page.ReloadAsync();
        await DashboardFixture.WaitForCircuitAsync(page);
        return page;
    }

    [Fact]
    public async Task RankedList_ShowsScoredProblems_AndANumberLeadsToItsAppealsInTwoClicks()
    {
        var page = await OpenListAsync();
        var rows = page.GetByTestId("problems-grid").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(15);
        await Assertions.Expect(page.GetByTestId("problems-grid").Locator(".score .bar")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("problems-grid").Locator("svg.spark polyline").First).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "problems-1920x1080");

        // Compare the last 13 weeks with the 13 before: two more columns.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Период" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "13 недель" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Сравнить с предыдущим периодом" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "За прошлый" })).ToBeVisibleAsync();

        // Click 1: the appeals count of the top problem. Click 2: one of those appeals.
        await page.GetByTestId("problem-appeals-link").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem-components")).ToBeVisibleAsync();
        var firstAppeal = page.GetByTestId("problem-appeals").Locator("tbody tr a").First;
        var reg = await firstAppeal.InnerTextAsync();
        await firstAppeal.ClickAsync();
        await Assertions.Expect(new Shell(page).Heading).ToHaveTextAsync(reg);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ProblemPage_ShowsWhyAndWhere_AndRecordsTheAnalystsDecision()
    {
        var page = await OpenListAsync(signedInAs: "analyst");
        await page.GetByTestId("problems-grid").Locator("tbody tr a.cell-title").Nth(2).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem-components")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("problem-weeks").Locator(".main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("problem-map").Locator(".main-svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("problem-samples").Locator("li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("problem-history").Locator("li")).ToHaveCountAsync(1);
        await DashboardFixture.ScreenshotAsync(page, "problem-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);
        await page.WaitForTimeoutAsync(300);
        await DashboardFixture.ScreenshotAsync(page, "problem-1366x768");

        // Dismissing without a reason is refused and changes nothing; confirming is recorded.
        await page.GetByTestId("action-Dismiss").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Укажите причину");
        await Assertions.Expect(page.GetByTestId("problem-history").Locator("li")).ToHaveCountAsync(1);
        await page.GetByTestId("action-Confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem-history").Locator("li")).ToHaveCountAsync(2);
        // The history names the analyst who confirmed it.
        await Assertions.Expect(page.GetByTestId("problem-history").Locator("li").Last).ToContainTextAsync(await page.GetByTestId("user-name").InnerTextAsync());
        await Assertions.Expect(page.Locator(".page-head").GetByTestId("problem-status")).ToHaveTextAsync("Подтверждена", new() { IgnoreCase = true });

        // Its appeals export, and the Open311 API names the problem of each of them.
        var id = long.Parse(page.Url.Split('/').Last().Split('#')[0], System.Globalization.CultureInfo.InvariantCulture);
        // The export as the signed-in analyst downloads it.
        var csv = await (await page.APIRequest.GetAsync($"/problems/{id}/appeals.csv")).TextAsync();
        using var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(await new Shell(page).StatAsync("problem-appeals-count"), lines.Length - 1);
        var reg = lines[1].Split(',')[0].Trim('"');
        using var json = JsonDocument.Parse(await http.GetStringAsync($"/open311/v2/requests/{reg}.json"));
        Assert.Equal(id, json.RootElement[0].GetProperty("systemic_problem_id").GetInt64());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ProblemPage_Anonymous_SeesTheHintInsteadOfTheSteps()
    {
        var page = await OpenListAsync();
        await page.GetByTestId("problems-grid").Locator("tbody tr a.cell-title").Nth(3).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem-history")).ToBeVisibleAsync();

        var hint = page.GetByTestId("access-hint");
        await Assertions.Expect(hint).ToContainTextAsync("С проблемой работают аналитики и администраторы");
        await Assertions.Expect(page.GetByTestId("action-Confirm")).ToHaveCountAsync(0);
        await Assertions.Expect(hint.GetByRole(AriaRole.Link, new() { Name = "Войти" })).ToHaveAttributeAsync("href", new Regex(@"^account/signin\?returnUrl=%2Fproblems%2F\d+"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ListOnALaptop_AndTheLivePanelsCounters()
    {
        var page = await OpenListAsync(1366, 768);
        await DashboardFixture.ScreenshotAsync(page, "problems-1366x768");
        await page.GotoAsync("/");
        await DashboardFixture.WaitForCircuitAsync(page);
        Assert.True(await new Shell(page).StatAsync("problems-identified") > 0);
        await page.GetByTestId("live-problems-link").ClickAsync();
        await Assertions.Expect(new Shell(page).Heading).ToHaveTextAsync("Системные проблемы");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task JobsPage_ListsEveryJob_AndAnAdministratorRunsOneNow()
    {
        var page = await fixture.OpenAsync("/admin/jobs", signedInAs: "admin");
        string[] ids = [SystemicMiningJob.IncrementalId, SystemicMiningJob.FullId, SlaSweepJob.Id, RetrainClassifierJob.Id];
        await Assertions.Expect(page.GetByTestId("jobs-table").Locator("tbody tr")).ToHaveCountAsync(ids.Length);
        foreach (var id in ids)
        {
            await Assertions.Expect(page.GetByTestId("jobs-table").Locator($"tr:has([data-job={id}])")).ToBeVisibleAsync();
        }
        // The schedule declared beside the job, and the way to Hangfire's own dashboard.
        await Assertions.Expect(page.GetByTestId("jobs-table").Locator("tr:has([data-job=sla-sweep])")).ToContainTextAsync("*/5 * * * *");
        await Assertions.Expect(page.GetByTestId("hangfire-link")).ToHaveAttributeAsync("href", "/admin/hangfire");

        await page.GetByTestId("run-sla-sweep").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "запущено" })).ToBeVisibleAsync();
        var run = page.GetByTestId("jobs-runs").Locator("tbody tr", new() { HasText = "sla-sweep (вручную)" });
        await Assertions.Expect(run.First).ToContainTextAsync("успешно", new() { Timeout = 30_000 });
        // The result and the duration in the reader's language: Russian here, no English left from the job.
        await Assertions.Expect(run.First).ToContainTextAsync("предупреждений:");
        await Assertions.Expect(run.First).ToContainTextAsync(new Regex(@"\d,\d с"));
        await Assertions.Expect(run.First).Not.ToContainTextAsync("warning");
        await Assertions.Expect(page.GetByTestId("jobs-table").Locator("tr:has([data-job=systemic-mining])")).ToContainTextAsync("успешно", new() { Timeout = 60_000 });
        await DashboardFixture.ScreenshotAsync(page, "jobs-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);
        await page.WaitForTimeoutAsync(300);
        await DashboardFixture.ScreenshotAsync(page, "jobs-1366x768");
        await page.Context.CloseAsync();
    }
}
