using IKomek.Dashboard.Platform.Cli;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Classification;

public static class ClassificationFeature
{
    /// <summary>The trained classifier behind <see cref="IAppealClassifier"/>, its queries, retraining, the model watcher and the analysts' verbs.</summary>
    public static IServiceCollection AddClassification(this IServiceCollection services) => services
        .AddSingleton<ClassificationQueries>()
        .AddSingleton<TrainedAppealClassifier>()
        .AddSingleton<IAppealClassifier>(sp => sp.GetRequiredService<TrainedAppealClassifier>())
        .AddSingleton<ClassifierTraining>()
        .AddHostedService<ClassifierModelWatcher>()
        .AddScheduledJob<RetrainClassifierJob>(RetrainClassifierJob.Schedule)
        .AddVerb<ClassifyTrainVerb>()
        .AddVerb<ClassifyVerb>()
        .AddVerb<ClassifyEvalVerb>();
}
