using System.Globalization;
using IKomek.Dashboard.Features.Accounts;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace IKomek.Dashboard.Features.Jobs;

/// <summary>Each scheduled job: schedule, last run, duration, outcome, next fire, failures, and "run now".</summary>
public sealed partial class JobsPage : ComponentBase, IDisposable
{
    private IReadOnlyList<JobState>? _jobs;
    private IReadOnlyList<JobRun> _runs = [];
    private readonly CancellationTokenSource _cts = new();

    [Inject] private JobsQueries Queries { get; set; } = default!;
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) _ = RefreshLoopAsync();
    }

    private async Task LoadAsync()
    {
        _jobs = await Queries.GetJobsAsync(_cts.Token);
        _runs = await Queries.GetRunsAsync(60, _cts.Token);
    }

    // Runs happen on any node: the page looks again every few seconds while it is open.
    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(3));
        try
        {
            while (await timer.WaitForNextTickAsync(_cts.Token))
            {
                await LoadAsync();
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RunNowAsync(ScheduledJob job)
    {
        if (!await Access.MayAsync(CityAction.RunJobs))
        {
            Notifications.Notify(NotificationSeverity.Warning, T["access.denied"]);
            return;
        }
        if (await Queries.RunNowAsync(job.Key.Name, _cts.Token))
        {
            Notifications.Notify(NotificationSeverity.Info, T.Format("jobs.started", T[job.TextKey]));
        }
        await Task.Delay(500, _cts.Token);
        await LoadAsync();
    }

    private static string Local(DateTime utc) => AstanaClock.ToLocal(utc).ToString("dd.MM HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Duration(JobRun? run) => run?.Duration is { } d
        ? d.TotalSeconds < 60 ? d.TotalSeconds.ToString("0.0 с", CultureInfo.CurrentCulture) : d.ToString(@"m\:ss", CultureInfo.InvariantCulture)
        : "—";

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
