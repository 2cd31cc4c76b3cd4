using Hangfire;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Digests;

/// <summary>The digests at 08:00 Astana time: the morning one daily, the weekly report on Mondays, the monthly on the
/// 1st. A run that could not send to some people fails after sending to the others, and Hangfire tries again with
/// back-off; what was sent is marked and not sent again.</summary>
public sealed class DigestJob(DigestSender sender)
{
    public static readonly ScheduledJob Daily = ScheduledJob.For<DigestJob>("digests-daily", "0 8 * * *", "digests.job.daily",
        j => j.RunAsync(DigestKinds.Daily, CancellationToken.None));
    public static readonly ScheduledJob Weekly = ScheduledJob.For<DigestJob>("digests-weekly", "0 8 * * 1", "digests.job.weekly",
        j => j.RunAsync(DigestKinds.Weekly, CancellationToken.None));
    public static readonly ScheduledJob Monthly = ScheduledJob.For<DigestJob>("digests-monthly", "0 8 1 * *", "digests.job.monthly",
        j => j.RunAsync(DigestKinds.Monthly, CancellationToken.None));

    [AutomaticRetry(Attempts = 6)]
    public async Task<JobResult> RunAsync(string kind, CancellationToken cancellationToken)
    {
        var run = await sender.SendDueAsync(kind, cancellationToken);
        return new JobResult("digests.job.result", run.Sent, run.AlreadySent, run.Failed);
    }
}
