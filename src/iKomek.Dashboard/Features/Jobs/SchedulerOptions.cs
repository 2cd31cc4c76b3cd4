namespace IKomek.Dashboard.Features.Jobs;

/// <summary>Settings under <c>City:Scheduler</c>.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "City:Scheduler";

    /// <summary>Run the scheduler on this node. Off: jobs neither fire nor can be run from the page.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds after start before the first trigger may fire: the panel comes up first.</summary>
    public int StartDelaySeconds { get; set; } = 15;

    /// <summary>Name of the cluster: every node with the same name on one database shares the jobs.</summary>
    public string SchedulerName { get; set; } = "ikomek";
}
