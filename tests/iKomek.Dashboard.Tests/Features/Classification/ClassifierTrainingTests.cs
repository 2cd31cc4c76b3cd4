using Dapper;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace IKomek.Dashboard.Tests.Features.Classification;

/// <summary>Retraining from the demo city's confirmed appeals and the promotion rule, on the real PostgreSQL.</summary>
public sealed class ClassifierTrainingTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private readonly ClassificationQueries _queries = new(city.DataSource);

    private ClassifierTraining Training(TrainedAppealClassifier classifier) => new(_queries, classifier, NullLogger<ClassifierTraining>.Instance);

    [Fact]
    public async Task Retrain_WorseCurrentThenEqualModel_PromotesOnlyTheBetter()
    {
        // A weak current model: two areas' worth of the city's texts.
        var confirmed = await _queries.GetConfirmedAppealsAsync(100_000);
        var weakData = confirmed.Where(c => c.AreaCode is "heating" or "elevators").Take(300)
            .Select(c => new LabeledText(c.Description, c.AreaCode, c.TypeCode, c.Language)).ToList();
        var weak = MlTopicTrainer.Train(weakData, new TopicTrainingOptions(Seed: 1));
        var weakReport = ClassifierEvaluation.Evaluate(weakData, t => weak.Predict(t));
        var weakId = await _queries.SaveModelAsync(weak.Serialize(), 1, new { source = "test" }, weakReport, PromotionRule.Decide(weakReport, null, null, "its own texts"));
        var classifier = new TrainedAppealClassifier();

        var better = await Training(classifier).RetrainAsync(CancellationToken.None, seed: 3);

        Assert.True(better.Promoted, better.Reason);
        Assert.Contains($"better than model {weakId}", better.Reason);
        Assert.True(better.NewScore > better.CurrentScore!.Value + 0.3, $"{better.NewScore} vs {better.CurrentScore}");
        Assert.Equal(better.ModelId, classifier.Current?.Id);
        Assert.Equal(better.ModelId, await _queries.GetCurrentModelIdAsync());

        // The same data and seed give the same model: not better, so not promoted, but stored with the verdict.
        var same = await Training(classifier).RetrainAsync(CancellationToken.None, seed: 3);

        Assert.False(same.Promoted, same.Reason);
        Assert.Contains($"not better than model {better.ModelId}", same.Reason);
        Assert.Equal(better.ModelId, await _queries.GetCurrentModelIdAsync());
        var versions = await _queries.GetVersionsAsync();
        var stored = Assert.Single(versions, v => v.Id == same.ModelId);
        Assert.False(stored.Promoted);
        Assert.Equal(better.ModelId, stored.ComparedModelId);
        Assert.Equal(stored.Score, stored.ComparedScore);
        Assert.Contains("AreaMacroF1", stored.Metrics);
        Assert.Contains("\"test\":", stored.TrainingSet);
        Assert.True(versions.Single(v => v.Id == better.ModelId).Promoted);
    }

    [Fact]
    public async Task ClassifyBacklog_FilesRecentAppealsOnceAgainstTheirType()
    {
        var classifier = new TrainedAppealClassifier();
        var training = Training(classifier);
        if (classifier.Current is null) await training.RetrainAsync(CancellationToken.None, seed: 4);
        Assert.NotNull(classifier.Current);

        var filed = await training.ClassifyBacklogAsync(30, CancellationToken.None);
        var again = await training.ClassifyBacklogAsync(30, CancellationToken.None);

        Assert.True(filed > 100, $"{filed} appeals filed");
        Assert.Equal(0, again);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var (rows, agreed, withType) = await conn.QuerySingleAsync<(long, long, long)>(
            "SELECT count(*), count(*) FILTER (WHERE agrees), count(operator_type_id) FROM appeal_classifications");
        Assert.Equal(filed, rows);
        Assert.Equal(rows, withType);
        Assert.True(agreed > rows / 2, $"{agreed} of {rows} agree with the operators");
        var drift = await _queries.GetDriftAsync(8);
        Assert.NotEmpty(drift);
        Assert.Equal(filed, drift.Sum(w => w.Classified));
    }
}
