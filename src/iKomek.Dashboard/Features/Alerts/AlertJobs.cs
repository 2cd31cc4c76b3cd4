using Hangfire;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Alerts;

/// <summary>Every minute: every source swept (what the change feed missed, the departments' overdue appeals), and the
/// unacknowledged critical alerts escalated.</summary>
public sealed class AlertsSweepJob(AlertRaiser raiser)
{
    public const string Id = "alerts-sweep";

    public static readonly ScheduledJob Schedule = ScheduledJob.For<AlertsSweepJob>(Id, "* * * * *", "notify.job.sweep",
        j => j.RunAsync(CancellationToken.None), runAtStart: true);

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var raised = await raiser.RaiseAsync(overdue: true, cancellationToken);
        var escalated = await raiser.EscalateAsync(cancellationToken);
        return new JobResult("notify.job.sweepResult", raised.Alerts, escalated.Alerts, raised.Deliveries + escalated.Deliveries);
    }
}

/// <summary>Every minute: the deliveries due (retries after their back-off, the end of quiet hours, any the prompt
/// delivery after a fan-out did not finish).</summary>
public sealed class AlertsDeliveryJob(AlertDelivery delivery)
{
    public const string Id = "alerts-deliver";

    public static readonly ScheduledJob Schedule = ScheduledJob.For<AlertsDeliveryJob>(Id, "* * * * *", "notify.job.deliver",
        j => j.RunAsync(CancellationToken.None));

    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var run = await delivery.RunAsync(cancellationToken);
        return new JobResult("notify.job.deliverResult", run.Sent, run.Retried, run.Failed);
    }
}
