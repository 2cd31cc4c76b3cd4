using System.Runtime.InteropServices;
using Microsoft.ML.Data;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// One multiclass linear classifier as ML.NET trained it: its biases and its weights above the pruning threshold, each
/// with its vocabulary column and class (the kept ones are a small share of a dense row per class). The stored form is
/// the biases, then the columns, classes and weights of the kept entries.
/// </summary>
internal sealed class LinearLayer
{
    private LinearLayer(float[] biases, int[] columns, int[] classes, float[] weights)
    {
        Biases = biases;
        Columns = columns;
        Classes = classes;
        Weights = weights;
    }

    public float[] Biases { get; }
    public int[] Columns { get; }
    public int[] Classes { get; }
    public float[] Weights { get; }

    /// <summary>
    /// The weights of ML.NET's model parameters (one vector per class), those of at least <paramref name="pruneBelow"/>;
    /// <paramref name="subset"/> maps a vector's slot to its vocabulary column.
    /// </summary>
    public static LinearLayer FromModel(VBuffer<float>[] perClass, IEnumerable<float> biases, int[]? subset, float pruneBelow)
    {
        var columns = new List<int>();
        var classes = new List<int>();
        var weights = new List<float>();
        for (var c = 0; c < perClass.Length; c++)
        {
            var values = perClass[c].GetValues();
            var indices = perClass[c].IsDense ? default : perClass[c].GetIndices();
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] == 0 || Math.Abs(values[i]) < pruneBelow) continue;
                var slot = perClass[c].IsDense ? i : indices[i];
                columns.Add(subset is null ? slot : subset[slot]);
                classes.Add(c);
                weights.Add(values[i]);
            }
        }
        return new LinearLayer([.. biases], [.. columns], [.. classes], [.. weights]);
    }

    public int Count => Weights.Length;

    public byte[] Write()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(Biases.Length);
            writer.Write(Weights.Length);
            writer.Write(MemoryMarshal.AsBytes(Biases.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(Columns.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(Classes.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(Weights.AsSpan()));
        }
        return buffer.ToArray();
    }

    public static LinearLayer Read(byte[] bytes, int features, int classes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        if (reader.ReadInt32() != classes) throw new InvalidDataException("The classifier's classes are not the ones its manifest names.");
        var count = reader.ReadInt32();
        if (count < 0 || 8 + 4L * classes + 12L * count != bytes.Length) throw new InvalidDataException("The classifier's weights are not of the length they say.");
        var layer = new LinearLayer(new float[classes], new int[count], new int[count], new float[count]);
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(layer.Biases.AsSpan()));
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(layer.Columns.AsSpan()));
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(layer.Classes.AsSpan()));
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(layer.Weights.AsSpan()));
        if (layer.Columns.Any(c => (uint)c >= (uint)features) || layer.Classes.Any(c => (uint)c >= (uint)classes))
        {
            throw new InvalidDataException("The classifier's weights point outside its vocabulary or classes.");
        }
        return layer;
    }
}

/// <summary>
/// One classifier's non-zero weights grouped by vocabulary column: a text's features each read one short run of
/// entries. The text is featurized once; the area classifier and the likeliest areas' type classifiers score the same
/// sparse vector, and the other areas' classifiers are not touched.
/// </summary>
internal sealed class TopicScorer
{
    private readonly int[] _offsets;
    private readonly int[] _classes;
    private readonly float[] _weights;
    private readonly float[] _biases;

    public TopicScorer(int features, LinearLayer layer)
    {
        _biases = layer.Biases;
        _offsets = new int[features + 1];
        foreach (var c in layer.Columns) _offsets[c + 1]++;
        for (var c = 0; c < features; c++) _offsets[c + 1] += _offsets[c];
        var fill = _offsets[..^1];
        _classes = new int[layer.Count];
        _weights = new float[layer.Count];
        // In the stored order within a column, so the sums run in the same order on every load.
        for (var i = 0; i < layer.Count; i++)
        {
            var at = fill[layer.Columns[i]]++;
            _classes[at] = layer.Classes[i];
            _weights[at] = layer.Weights[i];
        }
    }

    public int Classes => _biases.Length;

    /// <summary>w.x + b of every class for the sparse vector given.</summary>
    public void Logits(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<float> logits)
    {
        _biases.CopyTo(logits);
        for (var i = 0; i < columns.Length; i++)
        {
            var v = values[i];
            var end = _offsets[columns[i] + 1];
            for (var j = _offsets[columns[i]]; j < end; j++) logits[_classes[j]] += v * _weights[j];
        }
    }
}
