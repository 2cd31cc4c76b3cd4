using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// The two-level topic model trained with ML.NET: <see cref="TopicFeatures"/> (TF-IDF of word 1-2-grams and
/// within-word character 3-5-grams), a maximum-entropy classifier over the areas of life, and per area a maximum-entropy
/// classifier over its service types on the features seen in that area. P(type) = P(area) x P(type | area); the top 3
/// types come from the likeliest areas. A text is featurized once and scored with the classifiers' weights and biases
/// as ML.NET's SdcaMaximumEntropy trained them, small weights pruned (softmax of w.x + b, what its PredictionEngine computes): no engines, no
/// per-call schema plumbing. Immutable once loaded and safe to share; each thread has its own scratch buffers.
/// </summary>
public sealed class MlTopicModel
{
    /// <summary>
    /// Below this share of known content words (forms of known stems count) a text is in a language or vocabulary the
    /// model has not seen. 0.25 of all words let a recipe through on "два", "часа", "с"; content words, 0.4.
    /// </summary>
    public const double MinCoverage = 0.4;
    /// <summary>
    /// Below this calibrated probability of the first suggestion the model is unsure, and says so (unclassified): on the
    /// demo city's held-out texts under 1 % of them score this low and about one in ten of those is right
    /// (docs/benchmarks.md), while texts on topics it does not cover land here.
    /// </summary>
    public const double MinConfidence = 0.1;
    /// <summary>Words this long or longer carry the topic; "на", "нет", "два" are known in any text and prove nothing.</summary>
    private const int ContentWordLength = 4;
    /// <summary>
    /// The format stored in classifier_models.format (migration 0024); mlnet-1 held ML.NET transformer zips, mlnet-2
    /// the same layout as now without the word stems among the features (its columns would be read wrongly).
    /// </summary>
    public const string Format = "mlnet-3";
    private const float MinAreaForSuggestions = 0.01f;
    internal const string ManifestEntry = "topics.json";
    internal const string ColumnsEntry = "columns.bin";
    internal const string AreaEntry = "areas.bin";
    internal const string VocabularyEntry = "vocabulary.txt";
    internal static string TypesEntry(int area) => $"types/{area}.bin";

    [ThreadStatic] private static Scratch? _scratch;

    private readonly int[] _columnOfBucket;
    private readonly float[] _idf;
    private readonly TopicScorer _areas;
    private readonly TopicScorer?[] _types;
    private readonly FrozenSet<string> _vocabulary;
    private readonly FrozenSet<string> _stems;
    private readonly byte[] _bytes;

    private MlTopicModel(byte[] bytes, ModelManifest manifest, int[] columnOfBucket, float[] idf, TopicScorer areas, TopicScorer?[] types, FrozenSet<string> vocabulary)
    {
        _bytes = bytes;
        Manifest = manifest;
        _columnOfBucket = columnOfBucket;
        _idf = idf;
        _areas = areas;
        _types = types;
        _vocabulary = vocabulary;
        // A form the training texts did not have ("батарейки") is known when its stem is: coverage counts what the
        // model can read, not the exact spellings it has seen.
        _stems = vocabulary.SelectMany(w => { var (ru, kk) = WordStems.Of(w); return new[] { "r:" + ru, "k:" + kk }; }).ToFrozenSet(StringComparer.Ordinal);
    }

    internal ModelManifest Manifest { get; }
    public IReadOnlyList<string> Areas => Manifest.Areas;
    public IEnumerable<string> Labels => Manifest.Types.SelectMany(t => t);
    /// <summary>Length of the feature vector the classifiers see.</summary>
    public int Vocabulary => Manifest.Features;

    /// <summary>The stored form: what classifier_models.model holds.</summary>
    public byte[] Serialize() => _bytes;

    /// <summary>The top <paramref name="top"/> service types with their joint probability P(area) x P(type | area).</summary>
    public TopicPrediction Predict(string? text, int top = 3)
    {
        var normalized = TextNormalizer.Normalize(text);
        var (words, known) = CountWords(normalized);
        var coverage = words == 0 ? 0 : (double)known / words;
        // Nothing the model has seen enough of to go on: not worth featurizing. The confidence stays under 0.2.
        if (words == 0 || coverage < MinCoverage) return new TopicPrediction(true, null, coverage / 2, [], coverage);

        var s = Featurize(normalized);
        var areaScores = s.Areas.AsSpan(0, Areas.Count);
        _areas.Logits(s.Features, s.FeatureValues, areaScores);
        Softmax(areaScores, Manifest.AreaTemperature);
        var order = s.Order.AsSpan(0, areaScores.Length);
        for (var i = 0; i < order.Length; i++) order[i] = i;
        // Highest first; ties by area index, so that the answer does not depend on the sort's stability.
        var scores = s.Areas;
        order.Sort((a, b) => scores[b] != scores[a] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        var candidates = new List<TopicSuggestion>(top * 3);
        for (var i = 0; i < Math.Min(top, order.Length); i++)
        {
            var area = order[i];
            var pArea = areaScores[area];
            // A type's probability is at most its area's: once there are enough candidates, an area below the third
            // one adds nothing, and one under 1 % only suggestions nobody acts on.
            if (candidates.Count >= top && (pArea < MinAreaForSuggestions || pArea <= candidates[top - 1].Confidence)) break;
            AddTypeCandidates(s, area, pArea, candidates, top);
            candidates.Sort((a, b) => b.Confidence.CompareTo(a.Confidence));
        }
        if (candidates.Count > top) candidates.RemoveRange(top, candidates.Count - top);
        // Unsure, not unknown: the words were read and no topic stands out (a recipe, the weather on Mars).
        if (candidates.Count == 0 || candidates[0].Confidence < MinConfidence) return new TopicPrediction(true, null, candidates.Count == 0 ? 0 : candidates[0].Confidence, [], coverage);
        return new TopicPrediction(false, Areas[order[0]], areaScores[order[0]], candidates, coverage);
    }

    private void AddTypeCandidates(Scratch s, int area, double pArea, List<TopicSuggestion> candidates, int top)
    {
        var labels = Manifest.Types[area];
        if (_types[area] is not { } scorer)
        {
            candidates.Add(new TopicSuggestion(labels[0], Areas[area], pArea));
            return;
        }
        var scores = s.TypesFor(labels.Length);
        scorer.Logits(s.Features, s.FeatureValues, scores);
        Softmax(scores, Manifest.TypeTemperatures[area]);
        // The best <top> of this area, highest first (ties by index): a few passes beat sorting a thousand scores.
        Span<int> best = stackalloc int[Math.Min(top, scores.Length)];
        var n = 0;
        for (var t = 0; t < scores.Length; t++)
        {
            if (n == best.Length && scores[t] <= scores[best[n - 1]]) continue;
            var at = n < best.Length ? n++ : n - 1;
            while (at > 0 && scores[t] > scores[best[at - 1]]) { best[at] = best[at - 1]; at--; }
            best[at] = t;
        }
        foreach (var t in best[..n]) candidates.Add(new TopicSuggestion(labels[t], Areas[area], pArea * scores[t]));
    }

    /// <summary>
    /// Softmax with a temperature: softmax(logits / T). The maximum-entropy trainers' L2 shrinkage leaves the
    /// probabilities too flat on few texts per class; T is fitted on held-back texts.
    /// </summary>
    internal static void Softmax(Span<float> logits, double temperature)
    {
        var inverse = (float)(1 / temperature);
        var max = float.NegativeInfinity;
        foreach (var l in logits) max = Math.Max(max, l);
        var sum = 0.0;
        foreach (ref var l in logits)
        {
            l = MathF.Exp((l - max) * inverse);
            sum += l;
        }
        var scale = (float)(1 / sum);
        foreach (ref var l in logits) l *= scale;
    }

    /// <summary>The uncalibrated logits of the areas and, for the area given, of its types: for fitting the temperatures.</summary>
    internal (float[] Areas, float[]? Types) RawScores(string normalized, int area)
    {
        var s = Featurize(normalized);
        var areas = new float[Areas.Count];
        _areas.Logits(s.Features, s.FeatureValues, areas);
        if (_types[area] is not { } scorer) return (areas, null);
        var types = new float[scorer.Classes];
        scorer.Logits(s.Features, s.FeatureValues, types);
        return (areas, types);
    }

    private Scratch Featurize(string normalized)
    {
        var s = _scratch ??= new Scratch();
        s.Hasher.Extract(normalized, s.Buckets);
        s.Reserve(s.Buckets.Count, Areas.Count);
        s.Count = TopicFeatures.Weigh(s.Buckets, _columnOfBucket, _idf, s.Columns, s.Values);
        return s;
    }

    /// <summary>
    /// Content words of a normalised text (placeholders are not words; short words count only in a text of short words)
    /// and how many of them the model has seen, in this form or another of the same stem.
    /// </summary>
    private (int Words, int Known) CountWords(string normalized)
    {
        var (words, known) = CountWords(normalized, ContentWordLength);
        return words > 0 ? (words, known) : CountWords(normalized, 1);
    }

    private (int Words, int Known) CountWords(string normalized, int minLength)
    {
        var lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        var text = normalized.AsSpan();
        int words = 0, known = 0;
        foreach (var range in text.Split(' '))
        {
            var word = text[range];
            if (word.Length < minLength || TextNormalizer.IsPlaceholder(word)) continue;
            words++;
            if (lookup.Contains(word)) { known++; continue; }
            var (ru, kk) = WordStems.Of(word);
            if (_stems.Contains("r:" + ru) || _stems.Contains("k:" + kk)) known++;
        }
        return (words, known);
    }

    /// <summary>Real words of a normalised text, for the vocabulary at training time.</summary>
    internal static IEnumerable<string> Words(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !TextNormalizer.IsPlaceholder(w));

    /// <exception cref="InvalidDataException">The bytes are not a model of this format.</exception>
    public static MlTopicModel Deserialize(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var manifest = JsonSerializer.Deserialize<ModelManifest>(ReadEntry(zip, ManifestEntry))
                ?? throw new InvalidDataException("The topic model has no manifest.");
            if (manifest.Format != Format) throw new InvalidDataException($"Topic model format {manifest.Format} is not supported (expected {Format}).");
            using var columns = new BinaryReader(new MemoryStream(ReadEntry(zip, ColumnsEntry)));
            var columnOfBucket = new int[TopicFeatures.Buckets];
            Array.Fill(columnOfBucket, -1);
            var idf = new float[manifest.Features];
            for (var c = 0; c < idf.Length; c++)
            {
                columnOfBucket[columns.ReadInt32()] = c;
                idf[c] = columns.ReadSingle();
            }
            var areas = LinearLayer.Read(ReadEntry(zip, AreaEntry), manifest.Features, manifest.Areas.Length);
            if (manifest.Types.Length != manifest.Areas.Length || manifest.TypeTemperatures.Length != manifest.Areas.Length)
            {
                throw new InvalidDataException("The manifest's service types do not match its areas.");
            }
            var types = new LinearLayer?[manifest.Areas.Length];
            for (var a = 0; a < types.Length; a++)
            {
                if (manifest.Types[a].Length > 1) types[a] = LinearLayer.Read(ReadEntry(zip, TypesEntry(a)), manifest.Features, manifest.Types[a].Length);
            }
            var vocabulary = Encoding.UTF8.GetString(ReadEntry(zip, VocabularyEntry)).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
            return new MlTopicModel(bytes, manifest, columnOfBucket, idf, new TopicScorer(manifest.Features, areas),
                types.Select(t => t is null ? null : new TopicScorer(manifest.Features, t)).ToArray(), vocabulary);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ZipArchive, JSON and the binary reader each have their own exceptions for damaged input: one answer for the caller.
            throw new InvalidDataException($"The topic model file is damaged: {e.Message}", e);
        }
    }

    private static byte[] ReadEntry(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"The topic model has no {name}.");
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>What the zip's weights need around them: the class names in score order and the feature length.</summary>
    /// <param name="AreaTemperature">The area probabilities' calibration: softmax(logits / T).</param>
    /// <param name="TypeTemperatures">Each area's service type calibration, the same way.</param>
    internal sealed record ModelManifest(string Format, int Features, string[] Areas, string[][] Types, double AreaTemperature, double[] TypeTemperatures);

    /// <summary>One thread's buffers: the hasher, the text's features and the scores.</summary>
    private sealed class Scratch
    {
        public readonly TopicFeatures Hasher = new();
        public readonly List<(int Bucket, int Count)> Buckets = new(1024);
        public int[] Columns = new int[1024];
        public float[] Values = new float[1024];
        public float[] Areas = new float[64];
        public int[] Order = new int[64];
        public int Count;
        private float[] _types = new float[256];

        /// <summary>The text featurized last: its vocabulary columns (ascending) and their TF-IDF values.</summary>
        public ReadOnlySpan<int> Features => Columns.AsSpan(0, Count);
        public ReadOnlySpan<float> FeatureValues => Values.AsSpan(0, Count);

        public void Reserve(int features, int areas)
        {
            if (Columns.Length < features) (Columns, Values) = (new int[features * 2], new float[features * 2]);
            if (Areas.Length < areas) (Areas, Order) = (new float[areas], new int[areas]);
        }

        public Span<float> TypesFor(int classes)
        {
            if (_types.Length < classes) _types = new float[classes];
            return _types.AsSpan(0, classes);
        }
    }
}
