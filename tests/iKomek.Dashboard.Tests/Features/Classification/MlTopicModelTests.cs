using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.DemoCity;

namespace IKomek.Dashboard.Tests.Features.Classification;

public sealed class MlTopicModelTests
{
    [Fact]
    public void Train_LearnableSet_FilesHeldOutTextsRight()
    {
        var (train, test) = ClassifierEvaluation.StratifiedSplit(TrainedOnDemo.Learnable(), 0.25, 1);
        var model = MlTopicTrainer.Train(train, new TopicTrainingOptions(Seed: 1));

        var report = ClassifierEvaluation.Evaluate(test, t => model.Predict(t));

        Assert.Equal(1.0, report.AreaAccuracy);
        Assert.True(report.TypeAccuracy >= 0.9, $"type accuracy {report.TypeAccuracy}");
        var lift = model.Predict("Помогите, застряли в лифте с ребёнком");
        Assert.Equal("elevators.stuck", lift.Label);
        Assert.Equal(3, lift.Top.Count);
        Assert.True(lift.Top[0].Confidence >= lift.Top[1].Confidence && lift.Top[1].Confidence >= lift.Top[2].Confidence);
    }

    [Fact]
    public void Train_SameSeed_SameAnswers_OtherSeed_AnotherModel()
    {
        var data = TrainedOnDemo.Learnable();
        var a = MlTopicTrainer.Train(data, new TopicTrainingOptions(Seed: 5));
        var b = MlTopicTrainer.Train(data, new TopicTrainingOptions(Seed: 5));
        var c = MlTopicTrainer.Train(data, new TopicTrainingOptions(Seed: 6));
        // What the models say is the same to the last digit: SDCA runs on one thread in the seed's order.
        foreach (var t in data) Assert.Equal(a.Predict(t.Text), b.Predict(t.Text), PredictionComparer.Exact);
        Assert.Contains(data, t => !PredictionComparer.Exact.Equals(a.Predict(t.Text), c.Predict(t.Text)));
    }

    [Fact]
    public void Serialize_RoundTrip_GivesTheSamePredictions()
    {
        var model = TrainedOnDemo.Model;
        var copy = MlTopicModel.Deserialize(model.Serialize());
        foreach (var t in TrainedOnDemo.Test.Take(200))
        {
            // The trainer hands back the model loaded from its bytes: a copy answers exactly the same.
            Assert.Equal(model.Predict(t.Text), copy.Predict(t.Text), PredictionComparer.Exact);
        }
    }

    [Fact]
    public void Deserialize_Garbage_SaysTheFileIsNotAModel()
    {
        Assert.Throws<InvalidDataException>(() => MlTopicModel.Deserialize([1, 2, 3, 4, 5]));
        var bytes = TrainedOnDemo.Model.Serialize();
        Assert.Throws<InvalidDataException>(() => MlTopicModel.Deserialize(bytes[..100]));
        Assert.Throws<InvalidDataException>(() => MlTopicModel.Deserialize(bytes[..(bytes.Length / 2)]));
    }

    [Fact]
    public void Predict_DemoTexts_BeatsTheKeywordBaselineClearly()
    {
        var test = TrainedOnDemo.Test;
        var model = ClassifierEvaluation.Evaluate(test, t => TrainedOnDemo.Model.Predict(t));
        var baseline = ClassifierEvaluation.Evaluate(test, DemoTexts.KeywordBaseline().Predict);
        Assert.True(model.AreaMacroF1 > 0.85, $"area macro-F1 {model.AreaMacroF1}");
        Assert.True(model.AreaMacroF1 > baseline.AreaMacroF1 + 0.2, $"{model.AreaMacroF1} against the baseline's {baseline.AreaMacroF1}");
        Assert.Contains(model.Languages, l => l.Language == "kk");
    }

    public static TheoryData<string, string?> BadInputs => new()
    {
        { "empty", "" },
        { "null", null },
        { "whitespace", "   \n\t " },
        { "emoji", "😡😡😡🔥🔥" },
        { "digits", "123 456 7890" },
        { "punctuation", "?!?!... ---" },
        { "html only", "<div><br/><img src=x></div>" },
        { "script", "<script>document.location='http://evil'</script>" },
        { "chinese", "我家的暖气不热已经三天了，请帮忙" },
        { "german", "Sehr geehrte Damen und Herren, wir möchten uns beschweren über die Zustände" },
        { "random letters", "qwzx vbnm plkj hgfd" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Predict_NothingToGoOn_IsUnclassifiedWithLowConfidence(string name, string? text)
    {
        var p = TrainedOnDemo.Model.Predict(text);
        Assert.True(p.Unclassified, name);
        Assert.Empty(p.Top);
        Assert.Null(p.Label);
        Assert.True(p.Confidence < 0.3, $"{name}: {p.Confidence}");
    }

    [Fact]
    public void Predict_FourThousandCharacters_IsAnsweredAndFiled()
    {
        var text = string.Concat(Enumerable.Repeat("Нет отопления в квартире, батареи холодные. ", 100))[..4000];
        var p = TrainedOnDemo.Model.Predict(text);
        Assert.False(p.Unclassified);
        Assert.Equal("heating", p.Area);
        Assert.False(TrainedOnDemo.Model.Predict(text + new string('ы', 10_000)).Unclassified);
    }

    [Fact]
    public void Predict_ScriptAroundAComplaint_ReadsOnlyTheComplaint()
    {
        var p = TrainedOnDemo.Model.Predict("<script>alert(1)</script><p>Нет отопления в квартире, батареи холодные</p>");
        Assert.False(p.Unclassified);
        Assert.Equal("heating", p.Area);
    }

    [Fact]
    public void Train_TooLittleData_SaysWhy()
    {
        Assert.Throws<ArgumentException>(() => MlTopicTrainer.Train([new LabeledText("лифт", "elevators", "elevators.x")]));
        Assert.Throws<ArgumentException>(() => MlTopicTrainer.Train([new LabeledText("лифт", "elevators", "a"), new LabeledText("лифт", "elevators", "b")]));
        Assert.Throws<ArgumentException>(() => MlTopicTrainer.Train([new LabeledText("лифт", "elevators", "x"), new LabeledText("свет", "electricity", "x")]));
    }

    [Fact]
    public async Task Predict_ManyThreadsAtOnce_AnswerAsOneThreadDoes()
    {
        var model = TrainedOnDemo.Model;
        var texts = TrainedOnDemo.Test.Take(400).Select(t => t.Text).ToArray();
        var expected = texts.Select(t => model.Predict(t)).ToArray();

        // The model is shared by intake requests: each thread featurizes into its own buffers.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
            texts.Select((t, i) => (i, p: model.Predict(texts[(i + worker * 50) % texts.Length]))).ToArray())));

        for (var worker = 0; worker < results.Length; worker++)
        {
            foreach (var (i, p) in results[worker]) Assert.Equal(expected[(i + worker * 50) % texts.Length], p, PredictionComparer.Exact);
        }
    }

    [Fact]
    public void Predict_HeldOutTexts_ConfidenceIsCalibrated()
    {
        // Among the texts the model is sure of to 0.9 and more, at least 85 % are right; its mean confidence is within
        // 0.1 of its accuracy (the maximum-entropy classifiers' softmax, not a score that only ranks).
        var predictions = TrainedOnDemo.Test.Select(t => (t, p: TrainedOnDemo.Model.Predict(t.Text))).Where(x => !x.p.Unclassified).ToList();
        var sure = predictions.Where(x => x.p.Confidence >= 0.9).ToList();
        Assert.NotEmpty(sure);
        Assert.True(sure.Count(x => x.p.Label == x.t.Label) >= 0.85 * sure.Count, $"{sure.Count(x => x.p.Label == x.t.Label)} of {sure.Count} right");
        var accuracy = predictions.Average(x => x.p.Label == x.t.Label ? 1.0 : 0.0);
        var confidence = predictions.Average(x => x.p.Confidence);
        Assert.InRange(confidence - accuracy, -0.1, 0.1);
    }
}

/// <summary>Two predictions are the same when their labels, areas and probabilities are equal, to the last digit.</summary>
internal sealed class PredictionComparer : IEqualityComparer<TopicPrediction>
{
    public static readonly PredictionComparer Exact = new();

    public bool Equals(TopicPrediction? x, TopicPrediction? y) =>
        x is not null && y is not null && x.Unclassified == y.Unclassified && x.Area == y.Area && x.AreaConfidence.Equals(y.AreaConfidence)
        && x.Coverage.Equals(y.Coverage) && x.Top.SequenceEqual(y.Top);

    public int GetHashCode(TopicPrediction obj) => HashCode.Combine(obj.Area, obj.Label);
}
