using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// A text with its confirmed topic: the area of life and the service type (the same label for one-level data).
/// <paramref name="Phrasing"/>: the phrasing (template, phrase family) a generated text came from, "family/variant"
/// ("heating.no_heat/ru/r3"), so that an evaluation can hold whole phrasings out; empty for real texts.
/// </summary>
public sealed record LabeledText(string Text, string Area, string Label, string Language = "ru", string Phrasing = "");

/// <summary>Which ML.NET multiclass trainer fits the classifiers.</summary>
public enum TopicTrainerKind
{
    /// <summary>SdcaMaximumEntropy: the default; seconds where L-BFGS takes minutes (docs/benchmarks.md).</summary>
    Sdca,
    LbfgsMaximumEntropy,
}

/// <summary>How to train. The defaults are the ones measured in docs/benchmarks.md ("ML.NET classifier, tuned").</summary>
/// <param name="Iterations">At most this many SDCA passes over the data; <paramref name="Tolerance"/> usually stops it first.</param>
/// <param name="L2">The trainers' L2 shrinkage. On 42,000 demo texts 1e-5 (with no L1) gave area macro-F1 0.97 where 5e-5
/// with ML.NET's own L1 gave 0.925; ML.NET's own L2 choice (null) shrinks too much for 1,050 types.</param>
/// <param name="CalibrationShare">Share of the training texts held back to fit the softmax temperatures.</param>
/// <param name="L1">SDCA's L1 shrinkage; null lets ML.NET choose from the data, which cost 4 points of area macro-F1 here.</param>
/// <param name="Tolerance">SDCA's stopping tolerance on the duality gap (ML.NET's default 0.1 stops too early for 1,050 types).</param>
/// <param name="PruneBelow">Weights smaller than this (absolute) are dropped from the stored model: each adds little to a
/// logit (a text's TF-IDF values are about 0.05), and every kept one costs a multiply per text. 0.3 kept accuracy (it
/// rose slightly) and made the model a quarter of the size and twice as fast as 0.1.</param>
/// <param name="Threads">How many classifiers fit at once (each on one thread); all cores when null.</param>
/// <param name="ClassWeightPower">For the area classifier, each text weighs (texts of the largest class / texts of its class) ^ this, at most
/// <see cref="MaxClassWeight"/>: rare areas (construction, trade) are not drowned by heating and water. 0 = all texts weigh 1.</param>
public sealed record TopicTrainingOptions(int Seed = 1, TopicTrainerKind Trainer = TopicTrainerKind.Sdca, int Iterations = 50, int MinDocumentFrequency = 2,
    float? L2 = 1e-5f, double CalibrationShare = 0.1, float? L1 = 0, float? Tolerance = 0.01f, float PruneBelow = 0.3f, int? Threads = null,
    double ClassWeightPower = 0.5)
{
    public const double MaxClassWeight = 10;
}

/// <summary>
/// Trains an <see cref="MlTopicModel"/> with ML.NET: our <see cref="TextNormalizer"/> in front, <see cref="TopicFeatures"/>
/// (TF-IDF of word 1-2-grams and within-word character 3-5-grams, L2-normalised; the n-grams in at least two training
/// texts), a maximum-entropy classifier of the areas, and per area one of its service types on the features seen in
/// that area. Every classifier runs on one thread with the seed's shuffle, so the same data and seed give the same
/// model; the area classifier and the per-area ones are fitted side by side on all cores. The model keeps the trained
/// weights and biases, not the ML.NET transformers: scoring them directly featurizes a text once for all classifiers.
/// </summary>
public static class MlTopicTrainer
{
    public static MlTopicModel Train(IReadOnlyList<LabeledText> data, TopicTrainingOptions? options = null, CancellationToken ct = default, Action<string>? progress = null)
    {
        options ??= new TopicTrainingOptions();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Done(string phase) => progress?.Invoke($"{phase}: {clock.Elapsed.TotalSeconds:N1} s");
        if (data.Count < 2) throw new ArgumentException("Training needs at least two labeled texts.");
        var areas = data.Select(d => d.Area).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (areas.Length < 2) throw new ArgumentException("Training needs texts of at least two areas.");
        var conflicting = data.GroupBy(d => d.Label).FirstOrDefault(g => g.Select(d => d.Area).Distinct().Count() > 1);
        if (conflicting is not null) throw new ArgumentException($"Label '{conflicting.Key}' appears under more than one area.");

        var normalized = new TrainingRow[data.Count];
        Parallel.For(0, data.Count, new ParallelOptions { CancellationToken = ct }, () => (new TopicFeatures(), new List<(int, int)>(1024)), (i, _, local) =>
        {
            var text = TextNormalizer.Normalize(data[i].Text);
            local.Item1.Extract(text, local.Item2);
            normalized[i] = new TrainingRow { Text = text, Area = data[i].Area, Type = data[i].Label, Buckets = local.Item2.ToArray() };
            return local;
        }, _ => { });
        // A seeded slice held back for calibration (the probabilities of texts the classifiers have not seen).
        var random = new Random(options.Seed);
        var held = normalized.Select(_ => random.NextDouble() < options.CalibrationShare).ToArray();
        var rows = normalized.Where((_, i) => !held[i]).ToArray();
        var calibration = normalized.Where((_, i) => held[i]).ToArray();
        if (rows.Select(r => r.Area).Distinct().Count() < areas.Length) (rows, calibration) = (normalized, []);
        // One-off words and n-grams (typos, names) carry no evidence and only grow the model; a small set keeps them all.
        var minDf = data.Count < 1000 ? 1 : options.MinDocumentFrequency;
        var vocabulary = Vocabulary(rows, minDf);
        var (columnOfBucket, bucketOfColumn, idf) = Columns(rows, minDf);
        var features = idf.Length;
        Parallel.ForEach(normalized, new ParallelOptions { CancellationToken = ct }, row => row.Weigh(columnOfBucket, idf));
        Done($"features ({features:N0})");

        byte[] areaLayer = [];
        var typeLayers = new byte[]?[areas.Length];
        var typeLabels = new string[areas.Length][];
        // The area classifier (index -1) and the 28 per-area ones are independent fits: they share the cores, largest
        // first. Each has its own context seeded from the seed and its index, so the same data and seed give the same
        // model whichever thread fits it and in whatever order.
        var byArea = rows.GroupBy(r => r.Area).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var work = Enumerable.Range(-1, areas.Length + 1)
            .OrderByDescending(i => i < 0 ? rows.Length : byArea.GetValueOrDefault(areas[i])?.Length ?? 0).ToArray();
        Parallel.ForEach(work, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = options.Threads ?? Environment.ProcessorCount }, a =>
        {
            if (a < 0)
            {
                var (layer, classes) = Fit(new MLContext(options.Seed), rows, r => r.Area, features, null, options, weighted: true);
                if (!classes.SequenceEqual(areas)) throw new InvalidOperationException("The area classifier's classes are not the areas trained on.");
                areaLayer = layer.Write();
                Done("area classifier");
                return;
            }
            var mine = byArea.GetValueOrDefault(areas[a]) ?? [];
            typeLabels[a] = mine.Select(r => r.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (typeLabels[a].Length < 2) return;
            // The features seen in this area's texts: a row per type over the whole vocabulary would make the model ten times larger.
            var subset = AreaColumns(mine, features, mine.Length < 1000 ? 1 : minDf);
            var (typeLayer, typeClasses) = Fit(new MLContext(options.Seed + 1 + a), mine, r => r.Type, subset.Length, subset, options);
            typeLabels[a] = typeClasses;
            typeLayers[a] = typeLayer.Write();
        });
        Done("service type classifiers");

        byte[] Pack(double areaTemperature, double[] typeTemperatures)
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                Write(zip, MlTopicModel.ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(
                    new MlTopicModel.ModelManifest(MlTopicModel.Format, features, areas, typeLabels, areaTemperature, typeTemperatures)));
                Write(zip, MlTopicModel.VocabularyEntry, Encoding.UTF8.GetBytes(string.Join('\n', vocabulary)));
                using (var columns = new MemoryStream())
                {
                    using (var writer = new BinaryWriter(columns, Encoding.UTF8, leaveOpen: true))
                    {
                        for (var c = 0; c < features; c++) { writer.Write(bucketOfColumn[c]); writer.Write(idf[c]); }
                    }
                    Write(zip, MlTopicModel.ColumnsEntry, columns.ToArray());
                }
                Write(zip, MlTopicModel.AreaEntry, areaLayer);
                for (var a = 0; a < areas.Length; a++) if (typeLayers[a] is { } m) Write(zip, MlTopicModel.TypesEntry(a), m);
            }
            return buffer.ToArray();
        }
        var uncalibrated = MlTopicModel.Deserialize(Pack(1, areas.Select(_ => 1.0).ToArray()));
        var (areaTemperature, typeTemperatures) = FitTemperatures(uncalibrated, calibration, areas, typeLabels);
        var model = MlTopicModel.Deserialize(Pack(areaTemperature, typeTemperatures));
        Done($"calibrated on {calibration.Length:N0} held-back texts (areas T={areaTemperature:F2})");
        return model;
    }

    /// <summary>
    /// The softmax temperatures with the least log loss on the held-back texts: one for the areas, one per area for its
    /// types (one number each: a grid is enough). Areas with fewer than 20 held-back texts keep 1.
    /// </summary>
    private static (double Area, double[] Types) FitTemperatures(MlTopicModel model, TrainingRow[] held, string[] areas, string[][] typeLabels)
    {
        var areaIndex = areas.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);
        var scored = held.Where(r => r.Text.Length > 0).Select(r =>
        {
            var area = areaIndex[r.Area];
            var (areaScores, typeScores) = model.RawScores(r.Text, area);
            return (Area: area, AreaScores: areaScores, Type: Array.IndexOf(typeLabels[area], r.Type), TypeScores: typeScores);
        }).ToList();
        var areaTemperature = BestTemperature(scored.Select(s => (s.AreaScores, s.Area)).ToList());
        var typeTemperatures = new double[areas.Length];
        for (var a = 0; a < areas.Length; a++)
        {
            typeTemperatures[a] = BestTemperature(scored.Where(s => s.Area == a && s.TypeScores is not null && s.Type >= 0).Select(s => (s.TypeScores!, s.Type)).ToList());
        }
        return (areaTemperature, typeTemperatures);
    }

    private static double BestTemperature(List<(float[] Logits, int Right)> examples)
    {
        if (examples.Count < 20) return 1;
        var best = 1.0;
        var bestLoss = double.MaxValue;
        var p = new float[examples.Max(e => e.Logits.Length)];
        for (var t = 0.05; t <= 3; t *= 1.1)
        {
            var loss = 0.0;
            foreach (var (logits, right) in examples)
            {
                var span = p.AsSpan(0, logits.Length);
                logits.CopyTo(span);
                MlTopicModel.Softmax(span, t);
                loss -= Math.Log(Math.Max(span[right], 1e-9f));
            }
            if (loss < bestLoss) (best, bestLoss) = (t, loss);
        }
        return best;
    }

    /// <summary>
    /// The vocabulary: buckets in at least <paramref name="minDf"/> training texts, numbered in bucket order (so a text's
    /// sorted buckets give ascending columns, as ML.NET's sparse vectors need), with their smoothed IDF.
    /// </summary>
    private static (int[] ColumnOfBucket, int[] BucketOfColumn, float[] Idf) Columns(TrainingRow[] rows, int minDf)
    {
        var df = new int[TopicFeatures.Buckets];
        foreach (var row in rows) foreach (var (bucket, _) in row.Buckets) df[bucket]++;
        var bucketOfColumn = Enumerable.Range(0, df.Length).Where(b => df[b] >= minDf).ToArray();
        var columnOfBucket = new int[df.Length];
        Array.Fill(columnOfBucket, -1);
        var idf = new float[bucketOfColumn.Length];
        for (var c = 0; c < bucketOfColumn.Length; c++)
        {
            columnOfBucket[bucketOfColumn[c]] = c;
            idf[c] = MathF.Log((rows.Length + 1f) / (df[bucketOfColumn[c]] + 1f)) + 1f;
        }
        return (columnOfBucket, bucketOfColumn, idf);
    }

    /// <summary>The vocabulary columns in at least <paramref name="minCount"/> of the area's texts, ascending.</summary>
    private static int[] AreaColumns(TrainingRow[] mine, int features, int minCount)
    {
        var count = new int[features];
        foreach (var row in mine) foreach (var c in row.Columns) count[c]++;
        return Enumerable.Range(0, features).Where(c => count[c] >= minCount).ToArray();
    }

    /// <summary>
    /// One maximum-entropy classifier of <paramref name="label"/> over the rows' TF-IDF vectors, or over the
    /// <paramref name="subset"/> of columns given (renumbered in order). Returns its weights and biases as ML.NET's
    /// model parameters hold them, and its class names in score order.
    /// </summary>
    private static (LinearLayer Layer, string[] Classes) Fit(MLContext ml, TrainingRow[] rows, Func<TrainingRow, string> label, int length,
        int[]? subset, TopicTrainingOptions options, bool weighted = false)
    {
        int[]? rowOf = null;
        if (subset is not null)
        {
            rowOf = new int[subset[^1] + 1];
            Array.Fill(rowOf, -1);
            for (var r = 0; r < subset.Length; r++) rowOf[subset[r]] = r;
        }
        var textsPerClass = rows.GroupBy(label).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var largest = textsPerClass.Values.Max();
        var weightOf = textsPerClass.ToDictionary(kv => kv.Key,
            kv => weighted ? (float)Math.Min(TopicTrainingOptions.MaxClassWeight, Math.Pow((double)largest / kv.Value, options.ClassWeightPower)) : 1f,
            StringComparer.Ordinal);
        var examples = rows.Select(r => new ExampleRow { Label = label(r), Weight = weightOf[label(r)], Features = r.Vector(length, rowOf) });
        var schema = SchemaDefinition.Create(typeof(ExampleRow));
        schema[nameof(ExampleRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        var view = ml.Data.LoadFromEnumerable(examples, schema);
        var keyed = ml.Transforms.Conversion.MapValueToKey("Key", nameof(ExampleRow.Label), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(view).Transform(view);
        var cached = ml.Data.Cache(keyed, "Key", nameof(ExampleRow.Weight), nameof(ExampleRow.Features));
        var keys = default(VBuffer<ReadOnlyMemory<char>>);
        keyed.Schema["Key"].GetKeyValues(ref keys);
        var classes = keys.DenseValues().Select(k => k.ToString()).ToArray();

        var parameters = Trainer(ml, options).Fit(cached).Model;
        VBuffer<float>[] perClass = [];
        parameters.GetWeights(ref perClass, out var count);
        if (count != classes.Length) throw new InvalidOperationException($"The classifier has {count} classes, its labels {classes.Length}.");
        return (LinearLayer.FromModel(perClass, parameters.GetBiases(), subset, options.PruneBelow), classes);
    }

    private static ITrainerEstimator<MulticlassPredictionTransformer<MaximumEntropyModelParameters>, MaximumEntropyModelParameters> Trainer(MLContext ml,
        TopicTrainingOptions options) => options.Trainer switch
    {
        // One thread: SDCA's parallel updates land in whatever order the threads run, and the same seed must give the same model.
        TopicTrainerKind.Sdca => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Key", FeatureColumnName = nameof(ExampleRow.Features), ExampleWeightColumnName = nameof(ExampleRow.Weight),
            MaximumNumberOfIterations = options.Iterations, NumberOfThreads = 1,
            L2Regularization = options.L2, L1Regularization = options.L1, ConvergenceTolerance = options.Tolerance ?? 0.1f,
        }),
        TopicTrainerKind.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Key", FeatureColumnName = nameof(ExampleRow.Features), ExampleWeightColumnName = nameof(ExampleRow.Weight),
            NumberOfThreads = 1, L2Regularization = options.L2 ?? 1,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(options)),
    };

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    /// <summary>Words in at least <paramref name="minDf"/> training texts, sorted: what "known words" means for the coverage check.</summary>
    private static List<string> Vocabulary(TrainingRow[] rows, int minDf)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var word in MlTopicModel.Words(row.Text).Distinct(StringComparer.Ordinal)) df[word] = df.GetValueOrDefault(word) + 1;
        }
        return df.Where(kv => kv.Value >= minDf).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
    }

    private sealed class TrainingRow
    {
        public string Text { get; init; } = "";
        public string Area { get; init; } = "";
        public string Type { get; init; } = "";
        public (int Bucket, int Count)[] Buckets { get; set; } = [];
        public int[] Columns { get; private set; } = [];
        public float[] Values { get; private set; } = [];

        public void Weigh(int[] columnOfBucket, float[] idf)
        {
            var columns = new int[Buckets.Length];
            var values = new float[Buckets.Length];
            var n = TopicFeatures.Weigh([.. Buckets], columnOfBucket, idf, columns, values);
            (Columns, Values, Buckets) = (columns[..n], values[..n], []);
        }

        /// <summary>The TF-IDF vector, or its part in a subset of columns (<paramref name="rowOf"/>: column to the subset's row, -1 outside).</summary>
        public VBuffer<float> Vector(int length, int[]? rowOf)
        {
            if (rowOf is null) return new VBuffer<float>(length, Columns.Length, Values, Columns);
            var indices = new List<int>(Columns.Length);
            var values = new List<float>(Columns.Length);
            for (var i = 0; i < Columns.Length; i++)
            {
                if (Columns[i] >= rowOf.Length || rowOf[Columns[i]] < 0) continue;
                indices.Add(rowOf[Columns[i]]);
                values.Add(Values[i]);
            }
            return new VBuffer<float>(length, indices.Count, values.ToArray(), indices.ToArray());
        }
    }

    private sealed class ExampleRow
    {
        public string Label { get; set; } = "";
        public float Weight { get; set; } = 1;
        public VBuffer<float> Features { get; set; }
    }
}
