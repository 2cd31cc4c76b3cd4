using Hangfire;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.CitySystems.Alerts;

/// <summary>Every minute: rules on time ("today"), rules leaving their months, systems gone silent, and any change the
/// feed did not bring (a node that was down).</summary>
public sealed class AlertSweepJob(AlertEvaluator evaluator)
{
    public const string Id = "city-alerts-sweep";

    public static readonly ScheduledJob Schedule = ScheduledJob.For<AlertSweepJob>(Id, "* * * * *", "alerts.job.sweep",
        j => j.RunAsync(CancellationToken.None), runAtStart: true);

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var run = await evaluator.SweepAsync(cancellationToken);
        return new JobResult("alerts.job.result", run.Evaluated, run.Opened, run.Closed);
    }
}
