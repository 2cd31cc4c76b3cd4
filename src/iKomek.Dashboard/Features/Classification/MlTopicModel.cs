using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// The two-level topic model on ML.NET: one text featurizer (word 1-2-grams and character 3-grams of the normalised
/// text), a maximum-entropy classifier over the areas of life, and per area a maximum-entropy classifier over its
/// service types on the features seen in that area. P(type) = P(area) x P(type | area); the top 3 types come from the
/// likeliest areas. Immutable once loaded and safe to share: a PredictionEngine is not thread-safe, so each call
/// borrows a set of engines from a pool.
/// </summary>
public sealed class MlTopicModel
{
    /// <summary>Below this share of known words a text is in a language or vocabulary the model has not seen.</summary>
    public const double MinCoverage = 0.25;
    /// <summary>The format stored in classifier_models.format (migration 0024).</summary>
    public const string Format = "mlnet-1";
    private const float MinAreaForSuggestions = 0.01f;
    internal const string ManifestEntry = "topics.json";
    internal const string FeaturizerEntry = "features.zip";
    internal const string AreaEntry = "areas.zip";
    internal const string VocabularyEntry = "vocabulary.txt";
    internal static string TypesEntry(int area) => $"types/{area}.zip";

    private readonly MLContext _ml;
    private readonly ITransformer _featurizer;
    private readonly ITransformer _areaModel;
    private readonly ITransformer?[] _typeModels;
    private readonly SchemaDefinition _featuresSchema;
    private readonly FrozenSet<string> _vocabulary;
    private readonly ObjectPool<Engines> _engines;
    private readonly byte[] _bytes;

    private MlTopicModel(byte[] bytes, MLContext ml, ModelManifest manifest, ITransformer featurizer, ITransformer areaModel, ITransformer?[] typeModels,
        FrozenSet<string> vocabulary)
    {
        _bytes = bytes;
        _ml = ml;
        Manifest = manifest;
        _featurizer = featurizer;
        _areaModel = areaModel;
        _typeModels = typeModels;
        _vocabulary = vocabulary;
        _featuresSchema = SchemaDefinition.Create(typeof(FeaturesRow));
        _featuresSchema[nameof(FeaturesRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, manifest.Features);
        // As many engine sets as threads classify at once (intake requests, the backlog); extra ones are dropped.
        _engines = new DefaultObjectPool<Engines>(new EnginesPolicy(this), Math.Max(4, Environment.ProcessorCount * 2));
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
        // Nothing the model has seen enough of to go on: not worth featurizing.
        if (words == 0 || coverage < MinCoverage) return new TopicPrediction(true, null, coverage, [], coverage);

        var engines = _engines.Get();
        try
        {
            engines.Text.Text = normalized;
            engines.FeaturizerEngine.Predict(engines.Text, ref engines.Features);
            engines.AreaEngine.Predict(engines.Features, ref engines.AreaScores);
            var areaScores = engines.AreaScores.Score;
            Calibrate(areaScores, Manifest.AreaTemperature);
            var order = Enumerable.Range(0, areaScores.Length).OrderByDescending(i => areaScores[i]).ThenBy(i => i).ToArray();
            var candidates = new List<TopicSuggestion>(top * 3);
            for (var i = 0; i < Math.Min(top, order.Length); i++)
            {
                var area = order[i];
                var pArea = areaScores[area];
                // A type's probability is at most its area's: once there are enough candidates, an area below the third
                // one adds nothing, and one under 1 % only suggestions nobody acts on.
                if (candidates.Count >= top && (pArea < MinAreaForSuggestions || pArea <= candidates[top - 1].Confidence)) break;
                AddTypeCandidates(engines, area, pArea, candidates, top);
                candidates.Sort((a, b) => b.Confidence.CompareTo(a.Confidence));
            }
            if (candidates.Count > top) candidates.RemoveRange(top, candidates.Count - top);
            return new TopicPrediction(false, Areas[order[0]], areaScores[order[0]], candidates, coverage);
        }
        finally
        {
            _engines.Return(engines);
        }
    }

    private void AddTypeCandidates(Engines engines, int area, double pArea, List<TopicSuggestion> candidates, int top)
    {
        var labels = Manifest.Types[area];
        if (engines.TypeEngines[area] is not { } engine)
        {
            candidates.Add(new TopicSuggestion(labels[0], Areas[area], pArea));
            return;
        }
        engine.Predict(engines.Features, ref engines.TypeScores);
        var scores = engines.TypeScores.Score;
        Calibrate(scores, Manifest.TypeTemperatures[area]);
        foreach (var t in Enumerable.Range(0, scores.Length).OrderByDescending(t => scores[t]).ThenBy(t => t).Take(top))
        {
            candidates.Add(new TopicSuggestion(labels[t], Areas[area], pArea * scores[t]));
        }
    }

    /// <summary>
    /// Softmax temperature on probabilities: p^(1/T) renormalised equals softmax(logits / T). The maximum-entropy
    /// trainers' L2 shrinkage leaves the probabilities too flat on few texts per class; T is fitted on held-back texts.
    /// </summary>
    internal static void Calibrate(Span<float> probabilities, double temperature)
    {
        if (temperature == 1) return;
        var sum = 0.0;
        foreach (ref var p in probabilities)
        {
            p = (float)Math.Pow(Math.Max(p, 1e-30f), 1 / temperature);
            sum += p;
        }
        foreach (ref var p in probabilities) p = (float)(p / sum);
    }

    /// <summary>The uncalibrated area probabilities and, for the area given, its type probabilities: for fitting the temperatures.</summary>
    internal (float[] Areas, float[]? Types) RawScores(string normalized, int area)
    {
        var engines = _engines.Get();
        try
        {
            engines.Text.Text = normalized;
            engines.FeaturizerEngine.Predict(engines.Text, ref engines.Features);
            engines.AreaEngine.Predict(engines.Features, ref engines.AreaScores);
            var areas = (float[])engines.AreaScores.Score.Clone();
            if (engines.TypeEngines[area] is not { } engine) return (areas, null);
            engine.Predict(engines.Features, ref engines.TypeScores);
            return (areas, (float[])engines.TypeScores.Score.Clone());
        }
        finally
        {
            _engines.Return(engines);
        }
    }

    /// <summary>Real words of a normalised text (placeholders are not) and how many of them the model has seen.</summary>
    private (int Words, int Known) CountWords(string normalized)
    {
        var lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        var text = normalized.AsSpan();
        int words = 0, known = 0;
        foreach (var range in text.Split(' '))
        {
            var word = text[range];
            if (word.IsEmpty || TextNormalizer.IsPlaceholder(word)) continue;
            words++;
            if (lookup.Contains(word)) known++;
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
            var ml = new MLContext(seed: 1);
            ITransformer Load(string entry) => ml.Model.Load(new MemoryStream(ReadEntry(zip, entry)), out _);
            var typeModels = new ITransformer?[manifest.Areas.Length];
            for (var a = 0; a < typeModels.Length; a++) typeModels[a] = manifest.Types[a].Length > 1 ? Load(TypesEntry(a)) : null;
            var vocabulary = Encoding.UTF8.GetString(ReadEntry(zip, VocabularyEntry)).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
            return new MlTopicModel(bytes, ml, manifest, Load(FeaturizerEntry), Load(AreaEntry), typeModels, vocabulary);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ZipArchive, JSON and ML.NET each have their own exceptions for damaged input: one answer for the caller.
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

    /// <summary>What the zip's ML.NET parts need around them: the class names in score order and the feature length.</summary>
    /// <param name="AreaTemperature">The area probabilities' calibration: p^(1/T), renormalised (softmax temperature).</param>
    /// <param name="TypeTemperatures">Each area's service type calibration, the same way.</param>
    internal sealed record ModelManifest(string Format, int Features, string[] Areas, string[][] Types, double AreaTemperature, double[] TypeTemperatures);

    internal sealed class TextRow
    {
        public string Text { get; set; } = "";
    }

    internal sealed class FeaturesRow
    {
        public VBuffer<float> Features { get; set; }
    }

    internal sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }

    /// <summary>One thread's engines and buffers: the featurizer, the area classifier and each area's type classifier.</summary>
    private sealed class Engines
    {
        public required PredictionEngine<TextRow, FeaturesRow> FeaturizerEngine { get; init; }
        public required PredictionEngine<FeaturesRow, ScoreRow> AreaEngine { get; init; }
        public required PredictionEngine<FeaturesRow, ScoreRow>?[] TypeEngines { get; init; }
        public readonly TextRow Text = new();
        public FeaturesRow Features = new();
        public ScoreRow AreaScores = new();
        public ScoreRow TypeScores = new();
    }

    private sealed class EnginesPolicy(MlTopicModel model) : IPooledObjectPolicy<Engines>
    {
        public Engines Create() => new()
        {
            FeaturizerEngine = model._ml.Model.CreatePredictionEngine<TextRow, FeaturesRow>(model._featurizer),
            AreaEngine = model._ml.Model.CreatePredictionEngine<FeaturesRow, ScoreRow>(model._areaModel, inputSchemaDefinition: model._featuresSchema),
            TypeEngines = model._typeModels.Select(m => m is null ? null
                : model._ml.Model.CreatePredictionEngine<FeaturesRow, ScoreRow>(m, inputSchemaDefinition: model._featuresSchema)).ToArray(),
        };

        public bool Return(Engines obj) => true;
    }
}
