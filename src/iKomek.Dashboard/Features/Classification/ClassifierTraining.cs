using System.Diagnostics;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>What one retraining did: the new version, its score, the current one's on the same held-out set, and the verdict.</summary>
public sealed record RetrainResult(int? ModelId, bool Promoted, string Reason, int TrainingTexts, int TestTexts, double NewScore, double? CurrentScore, TimeSpan Elapsed);

/// <summary>The promotion rule's verdict on a new model version.</summary>
public sealed record PromotionVerdict(bool Promoted, double Score, int? ComparedModelId, double? ComparedScore, string Reason);

/// <summary>
/// A new version replaces the current one only when its score (mean of area macro-F1 and service type top-1 accuracy)
/// on the same held-out texts is strictly higher; the first version is promoted.
/// </summary>
public static class PromotionRule
{
    public static PromotionVerdict Decide(EvaluationReport candidate, int? currentId, EvaluationReport? current, string heldOut)
    {
        if (currentId is not { } id || current is null)
        {
            return new PromotionVerdict(true, candidate.Score, null, null, $"first model: score {candidate.Score:F4} on {heldOut}");
        }
        var better = candidate.Score > current.Score;
        return new PromotionVerdict(better, candidate.Score, id, current.Score,
            $"{(better ? "better" : "not better")} than model {id} on the same {heldOut}: {candidate.Score:F4} {(better ? ">" : "<=")} {current.Score:F4}");
    }
}

/// <summary>
/// Retrains the topic model from the appeals whose topic is confirmed (<see cref="ClassificationQueries.GetConfirmedAppealsAsync"/>):
/// a stratified held-out split, training with a fixed seed, evaluation of the new model and of the current one on the
/// same held-out texts, and the promotion rule: the new version becomes current only when its score (mean of area
/// macro-F1 and service type accuracy) is higher. Every version is stored with its figures and the rule's verdict.
/// Scheduled by the product's scheduler; safe to run by hand.
/// </summary>
public sealed class ClassifierTraining(ClassificationQueries queries, TrainedAppealClassifier classifier, ILogger<ClassifierTraining> log)
{
    /// <summary>
    /// The newest confirmed appeals: 200,000 texts came within two points of 500,000 (docs/benchmarks.md) and bound the
    /// web app's training time and memory.
    /// </summary>
    public const int MaxTrainingTexts = 200_000;
    public const int MinTrainingTexts = 200;
    public const double TestShare = 0.2;

    public async Task<RetrainResult> RetrainAsync(CancellationToken ct, int seed = 1)
    {
        var clock = Stopwatch.StartNew();
        var confirmed = await queries.GetConfirmedAppealsAsync(MaxTrainingTexts, ct);
        if (confirmed.Count < MinTrainingTexts)
        {
            return new RetrainResult(null, false, $"only {confirmed.Count} confirmed appeals, at least {MinTrainingTexts} needed", confirmed.Count, 0, 0, null, clock.Elapsed);
        }
        var data = confirmed.Select(c => new LabeledText(c.Description, c.AreaCode, c.TypeCode, c.Language)).ToList();
        var (train, test) = ClassifierEvaluation.StratifiedSplit(data, TestShare, seed);
        // The trainer returns the model as loaded from its stored bytes: judged the way it will be used. A stopping app
        // does not wait for it: an ML.NET fit cannot be interrupted, so the wait ends and the fit dies with the process.
        var model = await Task.Run(() => MlTopicTrainer.Train(train, new TopicTrainingOptions(Seed: seed), ct), ct).WaitAsync(ct);
        var bytes = model.Serialize();
        var report = ClassifierEvaluation.Evaluate(test, t => model.Predict(t));
        var (verdict, currentReport) = await JudgeAsync(queries, report, test, $"{test.Count} held-out appeals", ct);
        var trainingSet = new
        {
            source = "appeals closed under their type or reviewed by an analyst, newest first",
            texts = data.Count,
            train = train.Count,
            test = test.Count,
            reviewed = confirmed.Count(x => x.Reviewed),
            serviceTypes = train.Select(t => t.Label).Distinct().Count(),
            areas = train.Select(t => t.Area).Distinct().Count(),
            languages = data.GroupBy(d => d.Language).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            trainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
        };
        var id = await queries.SaveModelAsync(bytes, seed, trainingSet, report, verdict, ct);
        if (verdict.Promoted)
        {
            classifier.Use(new LoadedModel(id, model, await queries.GetTypeIdsAsync(ct)));
        }
        log.LogInformation("Classifier model {Id}: {Reason}", id, verdict.Reason);
        return new RetrainResult(id, verdict.Promoted, verdict.Reason, train.Count, test.Count, report.Score, currentReport?.Score, clock.Elapsed);
    }

    /// <summary>The promotion rule's verdict on a new model's report, the current model judged on the same held-out texts.</summary>
    public static async Task<(PromotionVerdict Verdict, EvaluationReport? CurrentReport)> JudgeAsync(
        ClassificationQueries queries, EvaluationReport report, IReadOnlyList<LabeledText> test, string heldOut, CancellationToken ct)
    {
        var current = await queries.GetCurrentModelAsync(ct);
        EvaluationReport? currentReport = null;
        if (current is { } c)
        {
            var currentModel = MlTopicModel.Deserialize(c.Model);
            currentReport = ClassifierEvaluation.Evaluate(test, t => currentModel.Predict(t));
        }
        return (PromotionRule.Decide(report, current?.Id, currentReport, heldOut), currentReport);
    }

    /// <summary>
    /// Files the appeals of the last <paramref name="days"/> days that no model has seen (the demo city's history, or
    /// appeals that came in before the first model), each against the type it is filed under: the drift watch and the
    /// review queue start from them.
    /// </summary>
    public async Task<int> ClassifyBacklogAsync(int days, CancellationToken ct)
    {
        if (classifier.Current is not { } loaded) return 0;
        var total = 0;
        while (true)
        {
            var batch = await queries.GetBacklogAsync(days, 2000, ct);
            if (batch.Count == 0) return total;
            await queries.RecordBatchAsync(batch.Select(a => (a.Id, a.CreatedAt, a.ServiceTypeId, TrainedAppealClassifier.Suggest(loaded, a.Description))), ct);
            total += batch.Count;
        }
    }
}
