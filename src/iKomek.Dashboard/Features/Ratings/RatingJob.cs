using Hangfire;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Ratings;

/// <summary>The managers' rating as scheduled jobs: every minute the changes since the last run (an appeal closed, a
/// KPI value entered, a problem worked out), and nightly a full recompute of the year from all appeals.</summary>
public sealed class RatingJob(RatingEngine engine)
{
    public const string UpdateId = "rating-update";
    public const string FullId = "rating-full";

    /// <summary>Every minute (Hangfire's finest cron), and once at each node's start: a change reaches the rating
    /// within a minute; a minute without relevant changes stores nothing.</summary>
    public static readonly ScheduledJob Update = ScheduledJob.For<RatingJob>(UpdateId, "* * * * *", "rating.job.update",
        j => j.RunAsync(false, CancellationToken.None), runAtStart: true);

    /// <summary>Nightly at 02:45 Astana time, after the mining's full recount: rebuilds the appeal facts and recomputes
    /// the year, so a day that began (a new month's period) and any drift are taken in.</summary>
    public static readonly ScheduledJob Full = ScheduledJob.For<RatingJob>(FullId, "45 2 * * *", "rating.job.full",
        j => j.RunAsync(true, CancellationToken.None));

    // One lock for both kinds, across nodes (Hangfire's storage lock); the engine's advisory lock covers the verbs too.
    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<JobResult> RunAsync(bool full, CancellationToken cancellationToken)
    {
        var actor = Actor.Job(full ? FullId : UpdateId).Name;
        var run = full ? await engine.RecomputeAsync(actor, cancellationToken) : await engine.UpdateAsync(actor, cancellationToken);
        return new JobResult("rating.job.result", run.AppealsTouched, run.Computed, run.Stored);
    }
}
