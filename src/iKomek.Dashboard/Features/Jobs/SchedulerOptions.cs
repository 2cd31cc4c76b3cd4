namespace IKomek.Dashboard.Features.Jobs;

/// <summary>Settings under <c>City:Scheduler</c>.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "City:Scheduler";

    /// <summary>Run jobs on this node (a Hangfire server). Off: this node runs none, its jobs page still lists them.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds after start before this node runs jobs: the panel comes up first.</summary>
    public int StartDelaySeconds { get; set; } = 15;

    /// <summary>
    /// Seconds after which a job whose node stopped mid-run (killed, lost power) is run again by a live node. A
    /// running job keeps renewing its claim; only a dead node's claim runs out.
    /// </summary>
    public int RecoverAfterSeconds { get; set; } = 300;

    /// <summary>How often this node looks for recurring jobs that are due, in seconds.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>
    /// Hangfire workers on this node: jobs it may run at once. Four, not two: after a node died, runs of the mining wait
    /// for its lock (up to 10 minutes) and hold a worker each; the SLA sweep must still find one free.
    /// </summary>
    public int Workers { get; set; } = 4;

    /// <summary>
    /// Ids of jobs this cluster does not schedule or run at start (the same on every node): the browser tests keep
    /// the demo city's mined problems as the mining left them, for the analyst's steps they take.
    /// </summary>
    public string[] Skip { get; set; } = [];
}
