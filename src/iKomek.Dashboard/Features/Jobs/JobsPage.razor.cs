using System.Globalization;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Jobs;

/// <summary>Each scheduled job: schedule, last run, duration, outcome, next fire, failures, and "run now".</summary>
public sealed partial class JobsPage : ComponentBase, IDisposable
{
    private IReadOnlyList<JobState>? _jobs;
    private IReadOnlyList<JobRun> _runs = [];
    private int? _servers;
    private readonly CancellationTokenSource _cts = new();

    [Inject] private JobsQueries Queries { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
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
        _servers = await Queries.RunningServersAsync(_cts.Token);
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
        // The button is hidden from other roles, but a circuit can be driven without the markup: check here.
        var user = await Access.UserAsync();
        if (!user.May(CityAction.RunJobs))
        {
            Snackbar.Add(T["access.denied"], Severity.Warning);
            return;
        }
        if (await Queries.RunNowAsync(job.Id, Actor.Of(user, Address.Value), _cts.Token))
        {
            Snackbar.Add(T.Format("jobs.started", T[job.TextKey]), Severity.Info);
        }
        await Task.Delay(500, _cts.Token);
        await LoadAsync();
    }

    /// <summary>The run's result in the reader's language; a result from before results were data, as it was written.</summary>
    private string? Summary(JobRun run) => run.Result is { } r
        ? T.Format(r.Text, r.Numbers.Cast<object?>().ToArray())
        : run.Summary;

    private static Color OutcomeColor(string outcome) => outcome switch
    {
        "succeeded" => Color.Success,
        "failed" => Color.Error,
        "running" => Color.Info,
        _ => Color.Warning,
    };

    private static string Local(DateTime utc) => AstanaClock.ToLocal(utc).ToString("dd.MM HH:mm:ss", CultureInfo.InvariantCulture);

    private string Duration(JobRun? run) => run?.Duration is { } d
        ? d.TotalSeconds < 60 ? T.Format("jobs.seconds", d.TotalSeconds) : T.Format("jobs.minutes", (int)d.TotalMinutes, d.Seconds)
        : "—";

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
