namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// How to train. The defaults are the ones measured in docs/benchmarks.md. Without <see cref="Epochs"/>: 4 passes
/// over small sets, fewer over large ones (each pass then holds more evidence), 2 from 300,000 texts.
/// </summary>
public sealed record TrainingOptions(int Seed = 1, int? Epochs = null, float LearningRate = 0.8f, float L2 = 1e-6f,
    int MinDocumentFrequency = 2, float PruneBelow = 0.2f, double CalibrationShare = 0.1, int HashBits = FeatureHasher.DefaultHashBits);

/// <summary>
/// Trains a <see cref="TopicModel"/>: features in parallel (each text on its own, so the order of threads does not
/// matter), then SGD on the log loss in a shuffled order drawn from the seed, the area layer first and the per-area
/// layers side by side (each with its own seeded order): the same data and seed give the same model, byte for byte.
/// A slice of the training data is held back to fit the softmax temperatures (calibration).
/// </summary>
public static class TopicTrainer
{
    /// <summary>Sparse TF-IDF rows of all texts, in one block (CSR) to keep 500,000 texts compact.</summary>
    private sealed class Matrix(int[] offsets, int[] columns, float[] values)
    {
        public int[] Offsets { get; } = offsets;
        public int[] Columns { get; } = columns;
        public float[] Values { get; } = values;
        public ReadOnlySpan<int> ColumnsOf(int i) => Columns.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);
        public ReadOnlySpan<float> ValuesOf(int i) => Values.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);
    }

    public static TopicModel Train(IReadOnlyList<LabeledText> data, TrainingOptions? options = null, CancellationToken ct = default, Action<string>? progress = null)
    {
        options ??= new TrainingOptions();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Done(string phase) => progress?.Invoke($"{phase}: {clock.Elapsed.TotalSeconds:N1} s");
        if (data.Count < 2) throw new ArgumentException("Training needs at least two labeled texts.");
        var areas = data.Select(d => d.Area).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (areas.Length < 2) throw new ArgumentException("Training needs texts of at least two areas.");
        var areaIndex = areas.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);
        var labelsByArea = areas.Select(a => data.Where(d => d.Area == a).Select(d => d.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()).ToArray();
        var labelIndex = labelsByArea.SelectMany(l => l.Select((x, i) => (x, i))).GroupBy(x => x.x).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var conflicting = data.GroupBy(d => d.Label).FirstOrDefault(g => g.Select(d => d.Area).Distinct().Count() > 1);
        if (conflicting is not null) throw new ArgumentException($"Label '{conflicting.Key}' appears under more than one area.");

        var (buckets, offsets) = HashAll(data, options.HashBits, ct);
        Done("features");
        var rng = new Random(options.Seed);
        var calibration = new bool[data.Count];
        foreach (var i in Enumerable.Range(0, data.Count).Where(_ => rng.NextDouble() < options.CalibrationShare)) calibration[i] = true;
        if (calibration.All(c => c)) calibration[0] = false;

        // Vocabulary: buckets in at least MinDocumentFrequency training texts (drops one-off typos), the most frequent
        // first, so that the rows most texts touch sit together in the cache.
        var df = new int[1 << options.HashBits];
        var trainCount = 0;
        for (var i = 0; i < data.Count; i++)
        {
            if (calibration[i]) continue;
            trainCount++;
            for (var j = offsets[i]; j < offsets[i + 1]; j++) df[buckets[j].Bucket]++;
        }
        var minDf = trainCount < 1000 ? 1 : options.MinDocumentFrequency;
        var bucketOfColumn = Enumerable.Range(0, df.Length).Where(b => df[b] >= minDf).OrderByDescending(b => df[b]).ThenBy(b => b).ToArray();
        var columnOfBucket = new int[df.Length];
        Array.Fill(columnOfBucket, -1);
        var idf = new float[bucketOfColumn.Length];
        for (var c = 0; c < bucketOfColumn.Length; c++)
        {
            columnOfBucket[bucketOfColumn[c]] = c;
            idf[c] = MathF.Log((trainCount + 1f) / (df[bucketOfColumn[c]] + 1f)) + 1f;
        }
        var matrix = Weigh(buckets, offsets, columnOfBucket, idf);
        buckets = [];
        Done("tf-idf");

        var areaOf = data.Select(d => areaIndex[d.Area]).ToArray();
        var labelOf = data.Select(d => labelIndex[d.Label]).ToArray();
        var train = Enumerable.Range(0, data.Count).Where(i => !calibration[i]).ToArray();
        var held = Enumerable.Range(0, data.Count).Where(i => calibration[i]).ToArray();

        // The area layer and the per-area layers learn from the same rows but share nothing: side by side.
        var areaLayer = new SoftmaxLayer(areas.Length, bucketOfColumn.Length);
        var types = new TopicModel.AreaTypes[areas.Length];
        Parallel.Invoke(new ParallelOptions { CancellationToken = ct },
            () =>
            {
                Fit(areaLayer, matrix.Offsets, matrix.Columns, matrix.Values, train, i => areaOf[i], options, options.Seed, ct);
                areaLayer.Temperature = FitTemperature(areaLayer, matrix, held, i => areaOf[i], null);
                Done("area layer");
            },
            () =>
            {
                for (var a = 0; a < areas.Length; a++) types[a] = FitArea(a, labelsByArea[a], matrix, train, held, areaOf, labelOf, options, ct);
                Done("service type layers");
            });
        return new TopicModel(options.HashBits, bucketOfColumn, idf, areas, areaLayer, types);
    }

    private static TopicModel.AreaTypes FitArea(int a, string[] labels, Matrix matrix, int[] train, int[] held, int[] areaOf, int[] labelOf,
        TrainingOptions options, CancellationToken ct)
    {
        if (labels.Length == 1) return new TopicModel.AreaTypes(labels, [], null);
        var mine = train.Where(i => areaOf[i] == a).ToArray();
        // The area's own vocabulary: columns in at least two of its texts (one-offs carry no evidence of a type).
        var inArea = new Dictionary<int, int>();
        foreach (var i in mine) foreach (var c in matrix.ColumnsOf(i)) inArea[c] = inArea.GetValueOrDefault(c) + 1;
        var minInArea = mine.Length < 1000 ? 1 : options.MinDocumentFrequency;
        var columns = inArea.Where(kv => kv.Value >= minInArea).Select(kv => kv.Key).Order().ToArray();
        var rowOf = new Dictionary<int, int>(columns.Length);
        for (var r = 0; r < columns.Length; r++) rowOf[columns[r]] = r;

        // The area's texts in its own rows, once, rather than a lookup per feature per epoch.
        var offsets = new int[mine.Length + 1];
        var rows = new List<int>(mine.Length * 200);
        var values = new List<float>(mine.Length * 200);
        for (var e = 0; e < mine.Length; e++)
        {
            var cols = matrix.ColumnsOf(mine[e]);
            var vals = matrix.ValuesOf(mine[e]);
            for (var j = 0; j < cols.Length; j++)
            {
                if (!rowOf.TryGetValue(cols[j], out var r)) continue;
                rows.Add(r);
                values.Add(vals[j]);
            }
            offsets[e + 1] = rows.Count;
        }
        var full = new SoftmaxLayer(labels.Length, columns.Length);
        Fit(full, offsets, rows.ToArray(), values.ToArray(), Enumerable.Range(0, mine.Length).ToArray(), e => labelOf[mine[e]], options,
            options.Seed * 31 + a + 1, ct);
        (var layer, columns) = Prune(full, columns, options.PruneBelow);
        rowOf.Clear();
        for (var r = 0; r < columns.Length; r++) rowOf[columns[r]] = r;
        layer.Temperature = FitTemperature(layer, matrix, held.Where(i => areaOf[i] == a).ToArray(), i => labelOf[i], rowOf);
        return new TopicModel.AreaTypes(labels, columns, layer);
    }

    /// <summary>
    /// Drops the rows whose weights all stay below <paramref name="threshold"/>: words every area shares (greetings,
    /// street names) say nothing about the type, and without them the model is smaller and faster.
    /// </summary>
    private static (SoftmaxLayer Layer, int[] Columns) Prune(SoftmaxLayer full, int[] columns, float threshold)
    {
        var keep = new List<int>(columns.Length);
        for (var r = 0; r < full.Rows; r++)
        {
            var row = full.Weights.AsSpan(r * full.Stride, full.Classes);
            foreach (var w in row)
            {
                if (Math.Abs(w) < threshold) continue;
                keep.Add(r);
                break;
            }
        }
        var pruned = new SoftmaxLayer(full.Classes, keep.Count);
        full.Bias.CopyTo(pruned.Bias, 0);
        for (var i = 0; i < keep.Count; i++)
        {
            full.Weights.AsSpan(keep[i] * full.Stride, full.Stride).CopyTo(pruned.Weights.AsSpan(i * pruned.Stride));
        }
        return (pruned, keep.Select(r => columns[r]).ToArray());
    }

    /// <summary>Normalises and hashes every text, in parallel chunks joined in order.</summary>
    private static ((int Bucket, int Count)[] Buckets, int[] Offsets) HashAll(IReadOnlyList<LabeledText> data, int hashBits, CancellationToken ct)
    {
        const int chunk = 2048;
        var chunks = new (int Bucket, int Count)[(data.Count + chunk - 1) / chunk][];
        var lengths = new int[data.Count];
        Parallel.For(0, chunks.Length, new ParallelOptions { CancellationToken = ct }, () => (new FeatureHasher(hashBits), new List<(int, int)>(1024)), (c, state, local) =>
        {
            var (hasher, features) = local;
            var all = new List<(int, int)>(chunk * 200);
            for (var i = c * chunk; i < Math.Min(data.Count, (c + 1) * chunk); i++)
            {
                hasher.Extract(TextNormalizer.Normalize(data[i].Text), features, out _);
                all.AddRange(features);
                lengths[i] = features.Count;
            }
            chunks[c] = all.ToArray();
            return local;
        }, _ => { });
        var offsets = new int[data.Count + 1];
        for (var i = 0; i < data.Count; i++) offsets[i + 1] = checked(offsets[i] + lengths[i]);
        var buckets = new (int, int)[offsets[^1]];
        var at = 0;
        foreach (var part in chunks)
        {
            part.CopyTo(buckets, at);
            at += part.Length;
        }
        return (buckets, offsets);
    }

    private static Matrix Weigh((int Bucket, int Count)[] buckets, int[] offsets, int[] columnOfBucket, float[] idf)
    {
        var rows = offsets.Length - 1;
        var lengths = new int[rows];
        var columns = new int[buckets.Length];
        var values = new float[buckets.Length];
        // Each text is weighed in place of its own buckets (never longer), in parallel; then the rows are packed.
        Parallel.For(0, (rows + 4095) / 4096, () => new List<(int, int)>(1024), (chunk, state, features) =>
        {
            for (var i = chunk * 4096; i < Math.Min(rows, (chunk + 1) * 4096); i++)
            {
                features.Clear();
                for (var j = offsets[i]; j < offsets[i + 1]; j++) features.Add(buckets[j]);
                lengths[i] = TopicModel.Weigh(features, columnOfBucket, idf, columns.AsSpan(offsets[i]), values.AsSpan(offsets[i]));
            }
            return features;
        }, _ => { });
        var packed = new int[rows + 1];
        for (var i = 0; i < rows; i++)
        {
            packed[i + 1] = packed[i] + lengths[i];
            if (packed[i] == offsets[i]) continue;
            Array.Copy(columns, offsets[i], columns, packed[i], lengths[i]);
            Array.Copy(values, offsets[i], values, packed[i], lengths[i]);
        }
        return new Matrix(packed, columns, values);
    }

    private static void Fit(SoftmaxLayer layer, int[] offsets, int[] rows, float[] values, int[] examples, Func<int, int> labelOf,
        TrainingOptions options, int seed, CancellationToken ct)
    {
        if (examples.Length == 0) return;
        var rng = new Random(seed);
        var order = (int[])examples.Clone();
        var scratch = new float[layer.Stride];
        var epochs = options.Epochs ?? (examples.Length < 100_000 ? 4 : examples.Length < 300_000 ? 3 : 2);
        var total = (double)epochs * order.Length;
        var step = 0L;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            rng.Shuffle(order);
            foreach (var i in order)
            {
                // The rate falls linearly to a tenth of its start over all the epochs.
                var rate = options.LearningRate * (float)(1 - 0.9 * (step++ / total));
                var length = offsets[i + 1] - offsets[i];
                layer.Step(rows.AsSpan(offsets[i], length), values.AsSpan(offsets[i], length), labelOf(i), rate, options.L2, scratch);
            }
        }
    }

    private static void Local(Matrix matrix, int i, Dictionary<int, int> rowOf, List<int> rows, List<float> values)
    {
        rows.Clear();
        values.Clear();
        var columns = matrix.ColumnsOf(i);
        var v = matrix.ValuesOf(i);
        for (var j = 0; j < columns.Length; j++)
        {
            if (!rowOf.TryGetValue(columns[j], out var r)) continue;
            rows.Add(r);
            values.Add(v[j]);
        }
    }

    /// <summary>The softmax temperature with the least log loss on held-back texts (a grid is enough for one number).</summary>
    private static float FitTemperature(SoftmaxLayer layer, Matrix matrix, int[] held, Func<int, int> labelOf, Dictionary<int, int>? rowOf)
    {
        if (held.Length < 20) return 1f;
        var logits = new float[held.Length][];
        var rows = new List<int>(1024);
        var values = new List<float>(1024);
        for (var h = 0; h < held.Length; h++)
        {
            logits[h] = new float[layer.Stride];
            if (rowOf is null)
            {
                layer.Score(matrix.ColumnsOf(held[h]), matrix.ValuesOf(held[h]), logits[h]);
            }
            else
            {
                Local(matrix, held[h], rowOf, rows, values);
                layer.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values), logits[h]);
            }
        }
        var best = 1f;
        var bestLoss = double.MaxValue;
        var p = new float[layer.Stride];
        for (var t = 0.2f; t <= 5f; t *= 1.1f)
        {
            var loss = 0.0;
            for (var h = 0; h < held.Length; h++)
            {
                logits[h].CopyTo(p, 0);
                layer.Softmax(p, t);
                loss -= Math.Log(Math.Max(p[labelOf(held[h])], 1e-9));
            }
            if (loss < bestLoss)
            {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }
}
