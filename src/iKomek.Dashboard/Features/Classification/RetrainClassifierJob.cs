using Quartz;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// Weekly retraining of the topic model on the appeals operators and analysts confirmed since; the new version is
/// promoted only when it beats the current one on the held-out set (<see cref="ClassifierTraining"/>). Then the
/// appeals the model has not looked at yet (arrived while none was loaded) are filed with the current model.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetrainClassifierJob(ClassifierTraining training) : IJob
{
    public static readonly JobKey Key = new("classifier-retrain");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await training.RetrainAsync(cancellationToken);
        var backlog = await training.ClassifyBacklogAsync(7, cancellationToken);
        context.Result = $"model {result.ModelId}: {(result.Promoted ? "promoted" : "kept the current one")} ({result.Reason}); " +
                         $"{result.TrainingTexts} training texts in {result.Elapsed.TotalSeconds:0} s; {backlog} appeals filed";
    }
}
