using System.Text.RegularExpressions;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.SystemicProblems;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Jobs;

/// <summary>The scheduled jobs page: every job declared by its feature, its schedule, and an administrator's "run now".</summary>
[Collection(DashboardCollection.Name)]
public sealed class JobsPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task JobsPage_ListsEveryJob_AndAnAdministratorRunsOneNow()
    {
        var jobs = await JobsPage.OpenAsync(fixture, signedInAs: "admin");
        string[] ids = [SystemicMiningJob.IncrementalId, SystemicMiningJob.FullId, SlaSweepJob.Id, RetrainClassifierJob.Id, IKomek.Dashboard.Features.Kpis.KpiRecountJob.Id,
            IKomek.Dashboard.Features.Ratings.RatingJob.UpdateId, IKomek.Dashboard.Features.Ratings.RatingJob.FullId, IKomek.Dashboard.Features.DemoCity.DemoProblemsJob.Id,
            IKomek.Dashboard.Features.CitySystems.Alerts.AlertSweepJob.Id, IKomek.Dashboard.Features.Digests.DigestJob.Daily.Id,
            IKomek.Dashboard.Features.Digests.DigestJob.Weekly.Id, IKomek.Dashboard.Features.Digests.DigestJob.Monthly.Id,
            IKomek.Dashboard.Features.Alerts.Channels.TelegramPollJob.Id, IKomek.Dashboard.Features.Alerts.AlertsSweepJob.Id,
            IKomek.Dashboard.Features.Alerts.AlertsDeliveryJob.Id, IKomek.Dashboard.Features.Knowledge.KnowledgeMiningJob.Id];
        await Assertions.Expect(jobs.Rows).ToHaveCountAsync(ids.Length);
        foreach (var id in ids)
        {
            await Assertions.Expect(jobs.Job(id)).ToBeVisibleAsync();
        }
        // The schedule declared beside the job, and the way to Hangfire's own dashboard.
        await Assertions.Expect(jobs.Job("sla-sweep")).ToContainTextAsync("*/5 * * * *");
        await Assertions.Expect(jobs.HangfireLink).ToHaveAttributeAsync("href", HangfireDashboard.Path);

        await jobs.RunNowAsync("sla-sweep");

        await Assertions.Expect(jobs.Snackbar("запущено")).ToBeVisibleAsync();
        var run = jobs.Runs("sla-sweep (вручную)");
        await Assertions.Expect(run.First).ToContainTextAsync("успешно", new() { Timeout = 30_000 });
        // The result and the duration in the reader's language: Russian here, no English left from the job.
        await Assertions.Expect(run.First).ToContainTextAsync("предупреждений:");
        await Assertions.Expect(run.First).ToContainTextAsync(new Regex(@"\d,\d с"));
        await Assertions.Expect(run.First).Not.ToContainTextAsync("warning");
        await Assertions.Expect(jobs.Job("systemic-mining")).ToContainTextAsync("успешно", new() { Timeout = 60_000 });
        await jobs.ScreenshotsAsync("jobs");
        await jobs.CloseAsync();

        // A job the cluster skips (City:Scheduler:Skip, here the demo problems' lifecycle) is listed but not scheduled.
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var recurring = (await Dapper.SqlMapper.QueryAsync<string>(conn, "SELECT value FROM hangfire.set WHERE key = 'recurring-jobs'")).ToList();
        Assert.Contains("sla-sweep", recurring);
        Assert.DoesNotContain(IKomek.Dashboard.Features.DemoCity.DemoProblemsJob.Id, recurring);
    }
}
