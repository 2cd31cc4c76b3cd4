using IKomek.Dashboard.Features.SystemicProblems;
using Quartz;

namespace IKomek.Dashboard.Features.Jobs;

/// <summary>A scheduled job of the product: its key, its class, when it fires (Quartz cron, Astana time), and the
/// job data that tells this trigger's runs apart (the nightly full mining versus the incremental one).</summary>
public sealed record ScheduledJob(JobKey Key, Type JobType, string Cron, string TextKey, IReadOnlyDictionary<string, string>? Data = null)
{
    public string TriggerName => Key.Name + ".trigger";
}

/// <summary>
/// Every scheduled job of the product, in one list: registering another job is one line here (the job class takes
/// its services by constructor). The administration page lists them in this order.
/// </summary>
public static class ScheduledJobs
{
    public static readonly IReadOnlyList<ScheduledJob> All =
    [
        new(SystemicMiningJob.Incremental, typeof(SystemicMiningJob), "0 0/10 * * * ?", "jobs.miningIncremental"),
        new(SystemicMiningJob.Full, typeof(SystemicMiningJob), "0 30 2 * * ?", "jobs.miningFull",
            new Dictionary<string, string> { [SystemicMiningJob.FullRunKey] = "true" }),
        new(SlaSweepJob.Key, typeof(SlaSweepJob), "0 0/5 * * * ?", "jobs.slaSweep"),
        new(Classification.RetrainClassifierJob.Key, typeof(Classification.RetrainClassifierJob), "0 0 3 ? * SUN", "jobs.classifierRetrain"),
    ];

    public static ScheduledJob? Find(string name) => All.FirstOrDefault(j => j.Key.Name == name);
}
