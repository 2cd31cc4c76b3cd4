namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// Keeps the app on the current model version: loads it at start, then looks for a newer promoted one every minute
/// (another node or the retraining job may have promoted it). When the database has no model yet and
/// Classification:TrainOnStart is on, trains the first one from the confirmed appeals and files the recent backlog.
/// A failure (the database restarting, a dropped connection, a migration's lock) is logged and the step retried after
/// a growing pause, up to the poll interval: the watcher never stops before the app does.
/// </summary>
public sealed class ClassifierModelWatcher(ClassificationQueries queries, TrainedAppealClassifier classifier, ClassifierTraining training,
    IConfiguration configuration, ILogger<ClassifierModelWatcher> log) : BackgroundService
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan DefaultFirstRetry = TimeSpan.FromSeconds(5);
    /// <summary>How far back the first model files the appeals it finds: enough weeks for the drift watch.</summary>
    public const int BacklogDays = 84;

    private readonly TimeSpan _pollInterval = configuration.GetValue("Classification:PollInterval", DefaultPollInterval);
    private readonly TimeSpan _firstRetry = configuration.GetValue("Classification:FirstRetry", DefaultFirstRetry);
    private bool _started;

    /// <summary>Failures in a row since the last step that went through (0: healthy).</summary>
    public int ConsecutiveFailures { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan pause;
            try
            {
                await StepAsync(stoppingToken);
                ConsecutiveFailures = 0;
                pause = _pollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Intake meanwhile goes on with the model it has (or trusts the given service type without one).
                ConsecutiveFailures++;
                pause = Backoff(ConsecutiveFailures, _firstRetry, _pollInterval);
                log.LogError(e, "The topic classifier's watcher failed ({Failures} in a row); retrying in {Pause}", ConsecutiveFailures, pause);
            }
            try
            {
                await Task.Delay(pause, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The pause after <paramref name="failures"/> failures in a row: doubling from the first, at most <paramref name="max"/>.</summary>
    public static TimeSpan Backoff(int failures, TimeSpan first, TimeSpan max) =>
        TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks * (1L << Math.Min(failures - 1, 20))));

    /// <summary>The start-up work until it has gone through once, then a look for a newer model.</summary>
    private async Task StepAsync(CancellationToken ct)
    {
        await LoadNewerAsync(ct);
        if (_started) return;
        if (classifier.Current is null && configuration.GetValue("Classification:TrainOnStart", true))
        {
            var result = await training.RetrainAsync(ct);
            log.LogInformation("First classifier model: {Reason} ({Seconds:N1} s)", result.Reason, result.Elapsed.TotalSeconds);
        }
        if (classifier.Current is not null)
        {
            var filed = await training.ClassifyBacklogAsync(BacklogDays, ct);
            if (filed > 0) log.LogInformation("Classified {Count} appeals of the last {Days} days", filed, BacklogDays);
        }
        _started = true;
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
