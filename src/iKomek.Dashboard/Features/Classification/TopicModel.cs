using System.IO.Compression;
using System.Text;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// The two-level topic model: TF-IDF over hashed word and character n-gram features, a softmax layer over the areas
/// of life, and per area a softmax layer over its service types restricted to the features seen in that area (so
/// 1000+ types do not need 1000+ dense rows of the whole vocabulary). Immutable once trained; thread-safe to use.
/// </summary>
public sealed class TopicModel
{
    /// <summary>Below this share of known words a text is in a language or vocabulary the model has not seen.</summary>
    public const double MinCoverage = 0.25;
    private const float MinAreaForSuggestions = 0.01f;
    private const int Magic = 0x4D544B49;   // "IKTM"
    private const int FormatVersion = 1;

    internal TopicModel(int hashBits, int[] bucketOfColumn, float[] idf, string[] areas, SoftmaxLayer areaLayer, AreaTypes[] types)
    {
        HashBits = hashBits;
        BucketOfColumn = bucketOfColumn;
        Idf = idf;
        Areas = areas;
        AreaLayer = areaLayer;
        Types = types;
        ColumnOfBucket = new int[1 << hashBits];
        Array.Fill(ColumnOfBucket, -1);
        for (var c = 0; c < bucketOfColumn.Length; c++) ColumnOfBucket[bucketOfColumn[c]] = c;
        foreach (var t in types) t.BuildRowMap(bucketOfColumn.Length);
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(this));
    }

    internal int HashBits { get; }
    internal int[] BucketOfColumn { get; }
    internal int[] ColumnOfBucket { get; }
    internal float[] Idf { get; }
    public IReadOnlyList<string> Areas { get; }
    internal SoftmaxLayer AreaLayer { get; }
    internal AreaTypes[] Types { get; }
    public int Vocabulary => BucketOfColumn.Length;
    public IEnumerable<string> Labels => Types.SelectMany(t => t.Labels);

    private readonly ThreadLocal<Scratch> _scratch;

    /// <summary>The service types of one area and their layer (null when the area has a single type).</summary>
    internal sealed class AreaTypes(string[] labels, int[] columns, SoftmaxLayer? layer)
    {
        public string[] Labels { get; } = labels;
        /// <summary>Global columns seen in this area's texts, ascending; row i of the layer is Columns[i].</summary>
        public int[] Columns { get; } = columns;
        public SoftmaxLayer? Layer { get; } = layer;
        public int[] RowOfColumn { get; private set; } = [];

        public void BuildRowMap(int vocabulary)
        {
            if (Layer is null) return;
            RowOfColumn = new int[vocabulary];
            Array.Fill(RowOfColumn, -1);
            for (var i = 0; i < Columns.Length; i++) RowOfColumn[Columns[i]] = i;
        }
    }

    /// <summary>Per-thread buffers: prediction allocates only its answer.</summary>
    private sealed class Scratch(TopicModel model)
    {
        public readonly FeatureHasher Hasher = new(model.HashBits);
        public readonly List<(int Bucket, int Count)> Features = new(1024);
        public readonly List<int> WordBuckets = new(256);
        public int[] Columns = new int[1024];
        public float[] Values = new float[1024];
        public int[] Rows = new int[1024];
        public float[] RowValues = new float[1024];
        public readonly float[] AreaScores = new float[model.AreaLayer.Stride];
        public readonly float[] TypeScores = new float[Math.Max(1, model.Types.Max(t => t.Layer?.Stride ?? 1))];
    }

    /// <summary>The top <paramref name="top"/> service types with their joint probability P(area) x P(type | area).</summary>
    public TopicPrediction Predict(string? text, int top = 3)
    {
        var s = _scratch.Value!;
        var n = Vectorize(TextNormalizer.Normalize(text), s, out var words, out var knownWords);
        var coverage = words == 0 ? 0 : (double)knownWords / words;
        if (n == 0 || words == 0)
        {
            return new TopicPrediction(true, null, 0, [], coverage);
        }
        var columns = s.Columns.AsSpan(0, n);
        var values = s.Values.AsSpan(0, n);
        var areaScores = s.AreaScores.AsSpan();
        AreaLayer.Score(columns, values, areaScores);
        AreaLayer.Softmax(areaScores, AreaLayer.Temperature);
        var bestArea = ArgMax(areaScores[..AreaLayer.Classes]);
        if (coverage < MinCoverage)
        {
            return new TopicPrediction(true, null, Math.Min(areaScores[bestArea], coverage), [], coverage);
        }

        // Candidates from the likeliest areas.
        Span<int> order = stackalloc int[AreaLayer.Classes];
        Span<float> keys = stackalloc float[AreaLayer.Classes];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = -areaScores[i];
        }
        keys.Sort(order);
        var areaProbabilities = s.AreaScores;
        var candidates = new List<TopicSuggestion>(top * 3);
        for (var i = 0; i < Math.Min(top, order.Length); i++)
        {
            var area = order[i];
            var pArea = areaProbabilities[area];
            // A type's probability is at most its area's: once there are enough candidates, an area below the third
            // one adds nothing, and one under 1 % only suggestions nobody acts on.
            if (candidates.Count >= top && (pArea < MinAreaForSuggestions || pArea <= candidates[top - 1].Confidence)) break;
            AddTypeCandidates(area, pArea, columns, values, s, candidates, top);
            candidates.Sort((a, b) => b.Confidence.CompareTo(a.Confidence));
        }
        if (candidates.Count > top) candidates.RemoveRange(top, candidates.Count - top);
        return new TopicPrediction(false, Areas[bestArea], areaProbabilities[bestArea], candidates, coverage);
    }

    private void AddTypeCandidates(int area, double pArea, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Scratch s,
        List<TopicSuggestion> candidates, int top)
    {
        var types = Types[area];
        if (types.Layer is not { } layer)
        {
            candidates.Add(new TopicSuggestion(types.Labels[0], Areas[area], pArea));
            return;
        }
        var m = 0;
        for (var i = 0; i < columns.Length; i++)
        {
            var row = types.RowOfColumn[columns[i]];
            if (row < 0) continue;
            s.Rows[m] = row;
            s.RowValues[m++] = values[i];
        }
        var scores = s.TypeScores.AsSpan(0, layer.Stride);
        layer.Score(s.Rows.AsSpan(0, m), s.RowValues.AsSpan(0, m), scores);
        layer.Softmax(scores, layer.Temperature);
        for (var t = 0; t < top && t < layer.Classes; t++)
        {
            var best = ArgMax(scores[..layer.Classes]);
            candidates.Add(new TopicSuggestion(types.Labels[best], Areas[area], pArea * scores[best]));
            scores[best] = -1;
        }
    }

    /// <summary>TF-IDF vector of known columns, L2-normalised, into the scratch buffers; returns its length.</summary>
    private int Vectorize(string normalized, Scratch s, out int words, out int knownWords)
    {
        s.Hasher.Extract(normalized, s.Features, out words, s.WordBuckets);
        knownWords = 0;
        foreach (var b in s.WordBuckets)
        {
            if (ColumnOfBucket[b] >= 0) knownWords++;
        }
        if (s.Features.Count > s.Columns.Length)
        {
            var size = s.Features.Count * 2;
            s.Columns = new int[size];
            s.Values = new float[size];
            s.Rows = new int[size];
            s.RowValues = new float[size];
        }
        return Weigh(s.Features, ColumnOfBucket, Idf, s.Columns, s.Values);
    }

    /// <summary>(1 + ln count) x idf for each known bucket, L2-normalised; columns ascending. Shared with training.</summary>
    internal static int Weigh(List<(int Bucket, int Count)> features, int[] columnOfBucket, float[] idf, Span<int> columns, Span<float> values)
    {
        var n = 0;
        var norm = 0f;
        foreach (var (bucket, count) in features)
        {
            var c = columnOfBucket[bucket];
            if (c < 0) continue;
            var v = (1f + MathF.Log(count)) * idf[c];
            columns[n] = c;
            values[n++] = v;
            norm += v * v;
        }
        if (n == 0) return 0;
        var scale = 1f / MathF.Sqrt(norm);
        for (var i = 0; i < n; i++) values[i] *= scale;
        return n;
    }

    private static int ArgMax(ReadOnlySpan<float> v)
    {
        var best = 0;
        for (var i = 1; i < v.Length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    /// <summary>Weights as half floats, the whole compressed with Brotli: what goes into the database.</summary>
    public byte[] Serialize()
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(brotli, Encoding.UTF8))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(HashBits);
            w.Write(BucketOfColumn.Length);
            foreach (var b in BucketOfColumn) w.Write7BitEncodedInt(b);
            foreach (var f in Idf) w.Write((Half)f);
            w.Write(Areas.Count);
            foreach (var a in Areas) w.Write(a);
            AreaLayer.Write(w);
            foreach (var t in Types)
            {
                w.Write(t.Labels.Length);
                foreach (var l in t.Labels) w.Write(l);
                w.Write(t.Layer is not null);
                if (t.Layer is null) continue;
                WriteAscending(w, t.Columns);
                t.Layer.Write(w);
            }
        }
        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a model of this format.</exception>
    public static TopicModel Deserialize(byte[] bytes)
    {
        try
        {
            using var r = new BinaryReader(new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress), Encoding.UTF8);
            if (r.ReadInt32() != Magic) throw new InvalidDataException("Not a topic model file.");
            var version = r.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"Topic model format {version} is not supported (expected {FormatVersion}).");
            var hashBits = r.ReadInt32();
            if (hashBits is < 10 or > 24) throw new InvalidDataException($"Hash size 2^{hashBits} is out of range.");
            var buckets = new int[r.ReadInt32()];
            for (var i = 0; i < buckets.Length; i++) buckets[i] = r.Read7BitEncodedInt();
            var idf = new float[buckets.Length];
            for (var i = 0; i < idf.Length; i++) idf[i] = (float)r.ReadHalf();
            var areas = new string[r.ReadInt32()];
            for (var i = 0; i < areas.Length; i++) areas[i] = r.ReadString();
            var areaLayer = SoftmaxLayer.Read(r);
            var types = new AreaTypes[areas.Length];
            for (var a = 0; a < areas.Length; a++)
            {
                var labels = new string[r.ReadInt32()];
                for (var i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
                types[a] = r.ReadBoolean() ? new AreaTypes(labels, ReadAscending(r), SoftmaxLayer.Read(r)) : new AreaTypes(labels, [], null);
            }
            return new TopicModel(hashBits, buckets, idf, areas, areaLayer, types);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or OverflowException or OutOfMemoryException or ArgumentException)
        {
            throw new InvalidDataException($"The topic model file is damaged: {e.Message}", e);
        }
    }

    private static void WriteAscending(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        var previous = 0;
        foreach (var v in values)
        {
            w.Write7BitEncodedInt(v - previous);
            previous = v;
        }
    }

    private static int[] ReadAscending(BinaryReader r)
    {
        var values = new int[r.ReadInt32()];
        var previous = 0;
        for (var i = 0; i < values.Length; i++) values[i] = previous += r.Read7BitEncodedInt();
        return values;
    }
}
