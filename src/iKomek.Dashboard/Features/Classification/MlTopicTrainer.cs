using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>A text with its confirmed topic: the area of life and the service type (the same label for one-level data).</summary>
public sealed record LabeledText(string Text, string Area, string Label, string Language = "ru");

/// <summary>Which ML.NET multiclass trainer fits the classifiers.</summary>
public enum TopicTrainerKind
{
    /// <summary>SdcaMaximumEntropy: the default; seconds where L-BFGS takes minutes (docs/benchmarks.md).</summary>
    Sdca,
    LbfgsMaximumEntropy,
}

/// <summary>How to train. The defaults are the ones measured in docs/benchmarks.md.</summary>
/// <param name="Iterations">SDCA passes over the data; more gain nothing measurable on the demo city's texts.</param>
/// <param name="L2">The trainers' L2 shrinkage. ML.NET's own choice (null) shrinks too much for 1,050 types: on 42,000 demo
/// texts 5e-5 gave service type top-1 84.7 % against 77.8 % (docs/benchmarks.md).</param>
/// <param name="CalibrationShare">Share of the training texts held back to fit the softmax temperatures.</param>
public sealed record TopicTrainingOptions(int Seed = 1, TopicTrainerKind Trainer = TopicTrainerKind.Sdca, int Iterations = 20, int MinDocumentFrequency = 2,
    float? L2 = 5e-5f, double CalibrationShare = 0.1);

/// <summary>
/// Trains an <see cref="MlTopicModel"/> with ML.NET: our <see cref="TextNormalizer"/> in front, FeaturizeText (word
/// 1-2-grams, character 3-grams, L2-normalised) fitted on all training texts and cut to the features seen in at least
/// two of them, a maximum-entropy classifier of the areas, and per area one of its service types on the features seen
/// in that area. Every classifier runs on one thread with the seed's shuffle, so the same data and seed give the same
/// model; the area classifier and the per-area ones train side by side on two threads.
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
        Parallel.For(0, data.Count, new ParallelOptions { CancellationToken = ct },
            i => normalized[i] = new TrainingRow { Text = TextNormalizer.Normalize(data[i].Text), Area = data[i].Area, Type = data[i].Label });
        // A seeded slice held back for calibration (the probabilities of texts the classifiers have not seen).
        var random = new Random(options.Seed);
        var held = normalized.Select(_ => random.NextDouble() < options.CalibrationShare).ToArray();
        var rows = normalized.Where((_, i) => !held[i]).ToArray();
        var calibration = normalized.Where((_, i) => held[i]).ToArray();
        if (rows.Select(r => r.Area).Distinct().Count() < areas.Length) (rows, calibration) = (normalized, []);
        // One-off words and n-grams (typos, names) carry no evidence and only grow the model; a small set keeps them all.
        var minDf = data.Count < 1000 ? 1 : options.MinDocumentFrequency;
        var vocabulary = Vocabulary(rows, minDf);
        Done("normalised");

        var ml = new MLContext(options.Seed);
        var all = ml.Data.LoadFromEnumerable(rows);
        var featurizer = Featurize(ml, minDf).Fit(all);
        var features = ((VectorDataViewType)featurizer.GetOutputSchema(all.Schema)["Features"].Type).Size;
        Done($"features ({features:N0})");

        byte[] areaModel = [];
        var typeModels = new byte[]?[areas.Length];
        var typeLabels = new string[areas.Length][];
        string[] areaLabels = [];
        // Separate contexts: each classifier's shuffle comes from the seed alone, whichever thread gets there first.
        Parallel.Invoke(new ParallelOptions { CancellationToken = ct },
            () =>
            {
                var context = new MLContext(options.Seed);
                (areaModel, areaLabels) = Fit(context, featurizer.Transform(all), "Area", "Features", options);
                Done("area classifier");
            },
            () =>
            {
                var context = new MLContext(options.Seed + 1);
                for (var a = 0; a < areas.Length; a++)
                {
                    ct.ThrowIfCancellationRequested();
                    var area = areas[a];
                    var mine = rows.Where(r => r.Area == area).ToArray();
                    typeLabels[a] = mine.Select(r => r.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                    if (typeLabels[a].Length < 2) continue;
                    var view = featurizer.Transform(context.Data.LoadFromEnumerable(mine));
                    (typeModels[a], typeLabels[a]) = Fit(context, view, "Type", "Features", options, mine.Length < 1000 ? 1 : minDf);
                }
                Done("service type classifiers");
            });
        if (!areaLabels.SequenceEqual(areas)) throw new InvalidOperationException("The area classifier's classes are not the areas trained on.");

        var featurizerBytes = Save(ml, featurizer, all.Schema);
        byte[] Pack(double areaTemperature, double[] typeTemperatures)
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                Write(zip, MlTopicModel.ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(
                    new MlTopicModel.ModelManifest(MlTopicModel.Format, features, areas, typeLabels, areaTemperature, typeTemperatures)));
                Write(zip, MlTopicModel.VocabularyEntry, Encoding.UTF8.GetBytes(string.Join('\n', vocabulary)));
                Write(zip, MlTopicModel.FeaturizerEntry, featurizerBytes);
                Write(zip, MlTopicModel.AreaEntry, areaModel);
                for (var a = 0; a < areas.Length; a++) if (typeModels[a] is { } m) Write(zip, MlTopicModel.TypesEntry(a), m);
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

    private static double BestTemperature(List<(float[] Scores, int Right)> examples)
    {
        if (examples.Count < 20) return 1;
        var best = 1.0;
        var bestLoss = double.MaxValue;
        var p = new float[examples.Max(e => e.Scores.Length)];
        for (var t = 0.05; t <= 3; t *= 1.1)
        {
            var loss = 0.0;
            foreach (var (scores, right) in examples)
            {
                var span = p.AsSpan(0, scores.Length);
                scores.CopyTo(span);
                MlTopicModel.Calibrate(span, t);
                loss -= Math.Log(Math.Max(span[right], 1e-9f));
            }
            if (loss < bestLoss) (best, bestLoss) = (t, loss);
        }
        return best;
    }

    /// <summary>The normalised text to features: word 1-2-grams and character 3-grams, those in at least <paramref name="minDf"/> texts.</summary>
    private static IEstimator<ITransformer> Featurize(MLContext ml, int minDf) =>
        ml.Transforms.Text.FeaturizeText("RawFeatures", new TextFeaturizingEstimator.Options
        {
            // The normaliser already lowered the case, dropped punctuation and masked numbers as _num_ and the like,
            // which the featurizer's own punctuation removal would turn into plain words.
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = true,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        }, nameof(TrainingRow.Text))
        .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("Features", "RawFeatures", count: minDf));

    /// <summary>
    /// One maximum-entropy classifier of <paramref name="labelColumn"/>; for the service types, on the features seen
    /// in the area's texts only (a dense row per type over the whole vocabulary would make the model ten times larger).
    /// Returns the saved transformer and its class names in score order.
    /// </summary>
    private static (byte[] Model, string[] Classes) Fit(MLContext ml, IDataView featurized, string labelColumn, string featureColumn,
        TopicTrainingOptions options, int? minInArea = null)
    {
        var keyed = ml.Transforms.Conversion.MapValueToKey("Label", labelColumn, keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(featurized).Transform(featurized);
        var cached = ml.Data.Cache(keyed, "Label", featureColumn);
        var keys = default(VBuffer<ReadOnlyMemory<char>>);
        keyed.Schema["Label"].GetKeyValues(ref keys);
        var classes = keys.DenseValues().Select(k => k.ToString()).ToArray();

        IEstimator<ITransformer> estimator = minInArea is { } count
            ? ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("AreaFeatures", featureColumn, count).Append(Trainer(ml, "AreaFeatures", options))
            : Trainer(ml, featureColumn, options);
        var model = estimator.Fit(cached);
        return (Save(ml, model, cached.Schema), classes);
    }

    private static IEstimator<ITransformer> Trainer(MLContext ml, string features, TopicTrainingOptions options) => options.Trainer switch
    {
        // One thread: SDCA's parallel updates land in whatever order the threads run, and the same seed must give the same model.
        TopicTrainerKind.Sdca => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Label", FeatureColumnName = features, MaximumNumberOfIterations = options.Iterations, NumberOfThreads = 1,
            L2Regularization = options.L2,
        }),
        TopicTrainerKind.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Label", FeatureColumnName = features, NumberOfThreads = 1, L2Regularization = options.L2 ?? 1,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(options)),
    };

    private static byte[] Save(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, schema, stream);
        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        // The ML.NET parts are zips already: stored as they are.
        var entry = zip.CreateEntry(name, name.EndsWith(".zip", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
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
        public string Text { get; set; } = "";
        public string Area { get; set; } = "";
        public string Type { get; set; } = "";
    }
}
