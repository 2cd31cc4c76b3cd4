using Hangfire;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Knowledge;

/// <summary>Every night: the knowledge base mined again from the day's first-contact answers (edited articles kept).</summary>
public sealed class KnowledgeMiningJob(KnowledgeMining mining)
{
    public const string Id = "knowledge-mining";

    public static readonly ScheduledJob Schedule = ScheduledJob.For<KnowledgeMiningJob>(Id, "30 2 * * *", "kb.job.mining",
        j => j.RunAsync(CancellationToken.None), runAtStart: true);

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var run = await mining.RunAsync(ct: cancellationToken);
        return new JobResult("kb.job.result", run.Groups, run.Created);
    }
}
