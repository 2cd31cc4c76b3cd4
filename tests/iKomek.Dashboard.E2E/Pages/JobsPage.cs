using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the scheduled jobs (/admin/jobs): every job with its schedule and last run, "run now", the runs.</summary>
public sealed class JobsPage(IPage page) : AppPage(page)
{
    public const string Path = "/admin/jobs";

    public static Task<JobsPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new JobsPage(p), signedInAs, width, height);

    /// <summary>The jobs page once the reader is back on it (after signing in or out).</summary>
    public static Task<JobsPage> ReadyOnAsync(IPage page) => ReadyAsync(new JobsPage(page));

    protected override ILocator ReadyMarker => Table;

    public ILocator Table => Page.GetByTestId("jobs-table");

    public ILocator Rows => Table.Locator("tbody tr");

    /// <summary>The row of one job by its id.</summary>
    public ILocator Job(string id) => Table.Locator($"tr:has([data-job={id}])");

    /// <summary>The "run now" buttons (an administrator's only).</summary>
    public ILocator Buttons => Table.GetByRole(AriaRole.Button);

    public ILocator RunNow(string id) => Page.GetByTestId("run-" + id);

    public ILocator HangfireLink => Page.GetByTestId("hangfire-link");

    /// <summary>The recent runs whose row contains <paramref name="text"/> ("sla-sweep (вручную)").</summary>
    public ILocator Runs(string text) => Page.GetByTestId("jobs-runs").Locator("tbody tr", new() { HasText = text });

    public Task RunNowAsync(string id) => RunNow(id).ClickAsync();
}
