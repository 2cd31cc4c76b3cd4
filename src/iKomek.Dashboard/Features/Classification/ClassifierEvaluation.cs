namespace IKomek.Dashboard.Features.Classification;

/// <summary>Precision, recall and F1 of one class on a test set.</summary>
public sealed record ClassFigures(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>How often texts of one class were taken for another.</summary>
public sealed record ConfusedPair(string Actual, string Predicted, int Count);

/// <summary>Accuracy and macro-F1 of one language's texts.</summary>
public sealed record LanguageFigures(string Language, int Count, double AreaAccuracy, double AreaMacroF1, double TypeAccuracy);

/// <summary>
/// A model's figures on a labeled test set: the areas of life (accuracy, macro-F1, per class, worst confusions), the
/// service types (top-1 and top-3 accuracy, macro-F1) and per language. Stored as the model version's metrics JSON.
/// </summary>
public sealed record EvaluationReport(
    int Count, int Unclassified,
    double AreaAccuracy, double AreaMacroF1, double TypeAccuracy, double TypeTop3Accuracy, double TypeMacroF1,
    IReadOnlyList<ClassFigures> Areas, IReadOnlyList<ConfusedPair> WorstPairs, IReadOnlyList<LanguageFigures> Languages)
{
    /// <summary>The promotion rule's score: areas and service types weigh the same.</summary>
    public double Score => (AreaMacroF1 + TypeAccuracy) / 2;
}


public static class ClassifierEvaluation
{
    /// <summary>Macro-F1 over the classes present in the test set; unclassified texts count as wrong.</summary>
    public static EvaluationReport Evaluate(IReadOnlyList<LabeledText> test, Func<string, TopicPrediction> predict, int worstPairs = 10)
    {
        var predictions = new TopicPrediction[test.Count];
        for (var i = 0; i < test.Count; i++) predictions[i] = predict(test[i].Text);
        return Evaluate(test, predictions, worstPairs);
    }

    public static EvaluationReport Evaluate(IReadOnlyList<LabeledText> test, IReadOnlyList<TopicPrediction> predictions, int worstPairs = 10)
    {
        var areaPairs = test.Select((t, i) => (t.Area, predictions[i].Area ?? "")).ToList();
        var typePairs = test.Select((t, i) => (t.Label, predictions[i].Label ?? "")).ToList();
        var top3 = test.Where((t, i) => predictions[i].Top.Take(3).Any(s => s.Label == t.Label)).Count();
        var perArea = PerClass(areaPairs);
        var languages = test.Select((t, i) => (t, i)).GroupBy(x => x.t.Language).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var areas = g.Select(x => areaPairs[x.i]).ToList();
                return new LanguageFigures(g.Key, g.Count(), Accuracy(areas), MacroF1(PerClass(areas)), Accuracy(g.Select(x => typePairs[x.i]).ToList()));
            }).ToList();
        var pairs = areaPairs.Where(p => p.Item1 != p.Item2).GroupBy(p => p).Select(g => new ConfusedPair(g.Key.Item1, g.Key.Item2 == "" ? "unclassified" : g.Key.Item2, g.Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Actual, StringComparer.Ordinal).ThenBy(p => p.Predicted, StringComparer.Ordinal).Take(worstPairs).ToList();
        return new EvaluationReport(test.Count, predictions.Count(p => p.Unclassified),
            Accuracy(areaPairs), MacroF1(perArea), Accuracy(typePairs), test.Count == 0 ? 0 : (double)top3 / test.Count, MacroF1(PerClass(typePairs)),
            perArea, pairs, languages);
    }

    private static double Accuracy(List<(string Actual, string Predicted)> pairs) =>
        pairs.Count == 0 ? 0 : (double)pairs.Count(p => p.Actual == p.Predicted) / pairs.Count;

    private static double MacroF1(IReadOnlyList<ClassFigures> classes) => classes.Count == 0 ? 0 : classes.Average(c => c.F1);

    private static List<ClassFigures> PerClass(List<(string Actual, string Predicted)> pairs)
    {
        var predictedCount = pairs.GroupBy(p => p.Predicted).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return pairs.GroupBy(p => p.Actual).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var hits = g.Count(p => p.Predicted == p.Actual);
            var precision = predictedCount.TryGetValue(g.Key, out var n) && n > 0 ? (double)hits / n : 0;
            var recall = (double)hits / g.Count();
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassFigures(g.Key, g.Count(), precision, recall, f1);
        }).ToList();
    }

    /// <summary>
    /// Splits labeled texts into training and test sets with each label in the same proportion in both (labels with a
    /// single text go to training); the same seed gives the same split.
    /// </summary>
    public static (List<LabeledText> Train, List<LabeledText> Test) StratifiedSplit(IReadOnlyList<LabeledText> data, double testShare, int seed)
    {
        var rng = new Random(seed);
        var train = new List<LabeledText>(data.Count);
        var test = new List<LabeledText>((int)(data.Count * testShare) + 1);
        var isTest = new bool[data.Count];
        foreach (var group in Enumerable.Range(0, data.Count).GroupBy(i => data[i].Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            rng.Shuffle(members);
            var take = members.Length < 2 ? 0 : Math.Max(1, (int)Math.Round(members.Length * testShare));
            for (var j = 0; j < take && j < members.Length - 1; j++) isTest[members[j]] = true;
        }
        for (var i = 0; i < data.Count; i++) (isTest[i] ? test : train).Add(data[i]);
        return (train, test);
    }

    /// <summary>
    /// Holds out whole phrasings, not random rows: of each phrase family ("heating.no_heat/ru": the part of
    /// <see cref="LabeledText.Phrasing"/> before its last '/') with at least two phrasings, about
    /// <paramref name="testShare"/> of its phrasings (at least one, never all), seeded; every text of a held-out
    /// phrasing is tested, none trained on. A model that only learned the phrasings it saw scores low here. Texts without
    /// a phrasing, and families with one phrasing, are all for training.
    /// </summary>
    public static (List<LabeledText> Train, List<LabeledText> Test) PhrasingSplit(IReadOnlyList<LabeledText> data, double testShare, int seed)
    {
        var rng = new Random(seed);
        var heldOut = new HashSet<string>(StringComparer.Ordinal);
        var families = data.Select(t => t.Phrasing).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)
            .GroupBy(Family, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var family in families)
        {
            var phrasings = family.Order(StringComparer.Ordinal).ToArray();
            if (phrasings.Length < 2) continue;
            rng.Shuffle(phrasings);
            var take = Math.Clamp((int)Math.Round(phrasings.Length * testShare), 1, phrasings.Length - 1);
            heldOut.UnionWith(phrasings.Take(take));
        }
        var train = new List<LabeledText>(data.Count);
        var test = new List<LabeledText>((int)(data.Count * testShare) + 1);
        foreach (var t in data) (heldOut.Contains(t.Phrasing) ? test : train).Add(t);
        return (train, test);
    }

    /// <summary>The phrase family of a phrasing: all but its last part ("heating.no_heat/ru/r3" -> "heating.no_heat/ru").</summary>
    public static string Family(string phrasing)
    {
        var cut = phrasing.LastIndexOf('/');
        return cut < 0 ? phrasing : phrasing[..cut];
    }
}
