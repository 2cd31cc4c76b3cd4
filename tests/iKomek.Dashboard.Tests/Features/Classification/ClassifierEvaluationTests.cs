using IKomek.Dashboard.Features.Classification;

namespace IKomek.Dashboard.Tests.Features.Classification;

public sealed class ClassifierEvaluationTests
{
    private static TopicPrediction Said(string area, string label) => new(false, area, 0.9, [new TopicSuggestion(label, area, 0.9)], 1);

    [Fact]
    public void Evaluate_KnownCase_GivesTheTextbookFigures()
    {
        LabeledText[] test =
        [
            new("1", "a", "a.1", "ru"), new("2", "a", "a.2", "ru"), new("3", "b", "b.1", "kk"), new("4", "b", "b.1", "kk"),
        ];
        TopicPrediction[] said = [Said("a", "a.1"), Said("a", "a.1"), Said("a", "a.1"), new(true, null, 0, [], 0)];

        var r = ClassifierEvaluation.Evaluate(test, said);

        Assert.Equal(0.5, r.AreaAccuracy);
        // a: precision 2/3, recall 1, F1 0.8; b: precision 0 (never said), recall 0, F1 0.
        Assert.Equal(0.4, r.AreaMacroF1, 6);
        Assert.Equal(0.25, r.TypeAccuracy);
        Assert.Equal(1, r.Unclassified);
        Assert.Contains(new ConfusedPair("b", "a", 1), r.WorstPairs);
        Assert.Contains(new ConfusedPair("b", "unclassified", 1), r.WorstPairs);
        var kk = Assert.Single(r.Languages, l => l.Language == "kk");
        Assert.Equal(0, kk.AreaAccuracy);
    }

    [Fact]
    public void StratifiedSplit_KeepsEachLabelsShare_AndIsSeeded()
    {
        var data = Enumerable.Range(0, 100).Select(i => new LabeledText($"t{i}", "a", i < 80 ? "x" : "y"))
            .Append(new LabeledText("only one", "a", "z")).ToList();

        var (train, test) = ClassifierEvaluation.StratifiedSplit(data, 0.25, 4);

        Assert.Equal(20, test.Count(t => t.Label == "x"));
        Assert.Equal(5, test.Count(t => t.Label == "y"));
        Assert.DoesNotContain(test, t => t.Label == "z");
        Assert.Equal(data.Count, train.Count + test.Count);
        Assert.Equal(test, ClassifierEvaluation.StratifiedSplit(data, 0.25, 4).Test);
        Assert.NotEqual(test, ClassifierEvaluation.StratifiedSplit(data, 0.25, 5).Test);
    }
}
