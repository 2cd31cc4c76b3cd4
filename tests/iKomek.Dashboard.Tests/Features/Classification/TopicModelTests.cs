using IKomek.Dashboard.Features.Classification;

namespace IKomek.Dashboard.Tests.Features.Classification;

public sealed class TopicModelTests
{
    [Fact]
    public void Train_LearnableSet_FilesHeldOutTextsRight()
    {
        var (train, test) = ClassifierEvaluation.StratifiedSplit(TrainedOnDemo.Learnable(), 0.25, 1);
        var model = TopicTrainer.Train(train, new TrainingOptions(Seed: 1, Epochs: 8));

        var report = ClassifierEvaluation.Evaluate(test, t => model.Predict(t));

        Assert.Equal(1.0, report.AreaAccuracy);
        Assert.True(report.TypeAccuracy >= 0.9, $"type accuracy {report.TypeAccuracy}");
        var lift = model.Predict("Помогите, застряли в лифте с ребёнком");
        Assert.Equal("elevators.stuck", lift.Label);
        Assert.Equal(3, lift.Top.Count);
        Assert.True(lift.Top[0].Confidence >= lift.Top[1].Confidence && lift.Top[1].Confidence >= lift.Top[2].Confidence);
    }

    [Fact]
    public void Train_SameSeed_SameModelByteForByte_OtherSeed_AnotherModel()
    {
        var data = TrainedOnDemo.Learnable();
        var a = TopicTrainer.Train(data, new TrainingOptions(Seed: 5)).Serialize();
        var b = TopicTrainer.Train(data, new TrainingOptions(Seed: 5)).Serialize();
        var c = TopicTrainer.Train(data, new TrainingOptions(Seed: 6)).Serialize();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Serialize_RoundTrip_GivesTheSamePredictions()
    {
        var model = TrainedOnDemo.Model;
        var copy = TopicModel.Deserialize(model.Serialize());
        foreach (var t in TrainedOnDemo.Test.Take(200))
        {
            var p = model.Predict(t.Text);
            var q = copy.Predict(t.Text);
            Assert.Equal(p.Area, q.Area);
            Assert.Equal(p.Label, q.Label);
            // Weights are stored as a byte each with a scale per row: the ranking holds, the probability moves a little.
            Assert.InRange(Math.Abs(p.Confidence - q.Confidence), 0, 0.1);
        }
    }

    [Fact]
    public void Deserialize_Garbage_SaysTheFileIsNotAModel()
    {
        Assert.Throws<InvalidDataException>(() => TopicModel.Deserialize([1, 2, 3, 4, 5]));
        var truncated = TrainedOnDemo.Model.Serialize()[..100];
        Assert.Throws<InvalidDataException>(() => TopicModel.Deserialize(truncated));
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
        Assert.Throws<ArgumentException>(() => TopicTrainer.Train([new LabeledText("лифт", "elevators", "elevators.x")]));
        Assert.Throws<ArgumentException>(() => TopicTrainer.Train([new LabeledText("лифт", "elevators", "a"), new LabeledText("лифт", "elevators", "b")]));
        Assert.Throws<ArgumentException>(() => TopicTrainer.Train([new LabeledText("лифт", "elevators", "x"), new LabeledText("свет", "electricity", "x")]));
    }
}
