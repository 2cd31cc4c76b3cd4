namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// The rule a call centre starts with: each service type has keywords, the type with most keywords in the text wins
/// (ties to the more frequent type). The measure the trained model must beat clearly.
/// </summary>
public sealed class KeywordBaseline
{
    private readonly (string Label, string Area, string[] Keywords, int Rank)[] _rules;

    /// <param name="rules">Label, area and keywords of each service type, most frequent types first.</param>
    public KeywordBaseline(IEnumerable<(string Label, string Area, IEnumerable<string> Keywords)> rules) =>
        _rules = rules.Select((r, i) => (r.Label, r.Area, r.Keywords.Select(Stem).Where(k => k.Length > 0).Distinct().ToArray(), i)).ToArray();

    /// <summary>A keyword's first six letters: "батареи" also finds "батарея", "отопление" finds "отопления".</summary>
    private static string Stem(string keyword)
    {
        var k = TextNormalizer.Normalize(keyword);
        return k.Length > 6 ? k[..6] : k;
    }

    public TopicPrediction Predict(string? text)
    {
        var normalized = " " + TextNormalizer.Normalize(text) + " ";
        var scored = new List<(int Score, int Rank, string Label, string Area)>();
        foreach (var (label, area, keywords, rank) in _rules)
        {
            var score = 0;
            // A keyword matches at a word's start, so that "батаре" finds "батареи" and "батарея".
            foreach (var k in keywords) if (normalized.Contains(" " + k, StringComparison.Ordinal)) score++;
            if (score > 0) scored.Add((score, rank, label, area));
        }
        if (scored.Count == 0) return new TopicPrediction(true, null, 0, [], 0);
        var top = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Rank).Take(3).Select(s => new TopicSuggestion(s.Label, s.Area, 1.0 / 3)).ToList();
        return new TopicPrediction(false, top[0].Area, 1.0 / 3, top, 1);
    }
}
