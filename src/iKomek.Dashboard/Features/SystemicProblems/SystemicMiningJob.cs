using Hangfire;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.SystemicProblems;

/// <summary>The mining as a scheduled job: incremental every few minutes, a full recount nightly.</summary>
public sealed class SystemicMiningJob(SystemicMining mining)
{
    public const string IncrementalId = "systemic-mining";
    public const string FullId = "systemic-mining-full";

    /// <summary>
    /// Every 10 minutes the appeals since the last run; and once at each node's start, so a node mines what arrived
    /// while it was down (on a new city: everything) without waiting for the first fire.
    /// </summary>
    public static readonly ScheduledJob Incremental = ScheduledJob.For<SystemicMiningJob>(IncrementalId, "*/10 * * * *",
        "jobs.miningIncremental", j => j.RunAsync(false, CancellationToken.None), runAtStart: true);

    /// <summary>Nightly at 02:30 Astana time, a quiet hour: recounts every week from scratch.</summary>
    public static readonly ScheduledJob Full = ScheduledJob.For<SystemicMiningJob>(FullId, "30 2 * * *",
        "jobs.miningFull", j => j.RunAsync(true, CancellationToken.None));

    // One lock for both kinds (the lock is per method): an incremental run never interleaves with the full recount,
    // and nodes that start together mine one after the other. The full recount may take minutes: the wait is long.
    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<JobResult> RunAsync(bool full, CancellationToken cancellationToken)
    {
        var r = await mining.RunAsync(full, cancellationToken);
        return new JobResult(r.Full ? "jobs.result.miningFull" : "jobs.result.miningIncremental",
            r.TouchedGroups, r.Candidates, r.Problems, r.Elapsed.TotalSeconds);
    }
}
