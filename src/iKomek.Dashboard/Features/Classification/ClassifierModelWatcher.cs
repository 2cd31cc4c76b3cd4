namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// Keeps the app on the current model version: loads it at start, then looks for a newer promoted one every minute
/// (another node or the retraining job may have promoted it). When the database has no model yet and
/// Classification:TrainOnStart is on, trains the first one from the confirmed appeals and files the recent backlog.
/// </summary>
public sealed class ClassifierModelWatcher(ClassificationQueries queries, TrainedAppealClassifier classifier, ClassifierTraining training,
    IConfiguration configuration, ILogger<ClassifierModelWatcher> log) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);
    /// <summary>How far back the first model files the appeals it finds: enough weeks for the drift watch.</summary>
    public const int BacklogDays = 84;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await LoadNewerAsync(stoppingToken);
            if (classifier.Current is null && configuration.GetValue("Classification:TrainOnStart", true))
            {
                var result = await training.RetrainAsync(stoppingToken);
                log.LogInformation("First classifier model: {Reason} ({Seconds:N1} s)", result.Reason, result.Elapsed.TotalSeconds);
            }
            if (classifier.Current is not null)
            {
                var filed = await training.ClassifyBacklogAsync(BacklogDays, stoppingToken);
                if (filed > 0) log.LogInformation("Classified {Count} appeals of the last {Days} days", filed, BacklogDays);
            }
            using var timer = new PeriodicTimer(PollInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await LoadNewerAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The app runs on without a model: intake then trusts the given service type, as before classification.
            log.LogError(e, "The topic classifier stopped");
        }
    }

    private async Task LoadNewerAsync(CancellationToken ct)
    {
        var id = await queries.GetCurrentModelIdAsync(ct);
        if (id is null || id == classifier.Current?.Id) return;
        if (await queries.LoadCurrentAsync(ct) is { } loaded)
        {
            classifier.Use(loaded);
            log.LogInformation("Classifier model {Id} in use", loaded.Id);
        }
    }
}
