using Hangfire;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// Weekly retraining of the topic model on the appeals operators and analysts confirmed since; the new version is
/// promoted only when it beats the current one on the held-out set (<see cref="ClassifierTraining"/>). Then the
/// appeals the model has not looked at yet (arrived while none was loaded) are filed with the current model.
/// </summary>
public sealed class RetrainClassifierJob(ClassifierTraining training)
{
    public const string Id = "classifier-retrain";

    /// <summary>Sundays at 03:00 Astana time, a quiet hour.</summary>
    public static readonly ScheduledJob Schedule = ScheduledJob.For<RetrainClassifierJob>(Id, "0 3 * * 0",
        "jobs.classifierRetrain", j => j.RunAsync(CancellationToken.None));

    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = await training.RetrainAsync(cancellationToken);
        var backlog = await training.ClassifyBacklogAsync(7, cancellationToken);
        return new JobResult(result.Promoted ? "jobs.result.classifierPromoted" : "jobs.result.classifierKept",
            result.ModelId ?? 0, result.NewScore, result.CurrentScore ?? 0, result.TrainingTexts,
            result.Elapsed.TotalSeconds, backlog);
    }
}
