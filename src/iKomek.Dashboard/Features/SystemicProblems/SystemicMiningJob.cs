using System.Globalization;
using Quartz;

namespace IKomek.Dashboard.Features.SystemicProblems;

/// <summary>The mining as a scheduled job: incremental every few minutes, a full recount nightly.</summary>
[DisallowConcurrentExecution]
public sealed class SystemicMiningJob(SystemicMining mining) : IJob
{
    public static readonly JobKey Incremental = new("systemic-mining");
    public static readonly JobKey Full = new("systemic-mining-full");
    public const string FullRunKey = "full";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var full = context.MergedJobDataMap.TryGetString(FullRunKey, out var f) && f == "true";
        var r = await mining.RunAsync(full, cancellationToken);
        context.Result = string.Create(CultureInfo.InvariantCulture,
            $"{(r.Full ? "full" : "incremental")}: {r.TouchedGroups} {(r.Full ? "weekly counts" : "groups touched")}, {r.Candidates} candidates, {r.Problems} problems, {r.Elapsed.TotalSeconds:F1} s");
    }
}
