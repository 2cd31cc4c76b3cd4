using System.Numerics;
using System.Runtime.InteropServices;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// A multinomial logistic regression over sparse rows: weights row-major, each row padded to a whole number of SIMD
/// vectors so that scoring and updates run over all classes of a feature at once.
/// </summary>
internal sealed class SoftmaxLayer
{
    public SoftmaxLayer(int classes, int rows)
    {
        Classes = classes;
        Rows = rows;
        Stride = (classes + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        Weights = new float[checked(rows * Stride)];
        Bias = new float[Stride];
    }

    public int Classes { get; }
    public int Rows { get; }
    public int Stride { get; }
    public float[] Weights { get; }
    public float[] Bias { get; }
    /// <summary>Softmax temperature fitted on held-back data, so that probabilities are calibrated.</summary>
    public float Temperature { get; set; } = 1f;

    /// <summary>Raw scores (logits) into <paramref name="scores"/> (length <see cref="Stride"/>).</summary>
    public void Score(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, Span<float> scores)
    {
        Bias.CopyTo(scores);
        var acc = MemoryMarshal.Cast<float, Vector<float>>(scores);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = MemoryMarshal.Cast<float, Vector<float>>(Weights.AsSpan(rows[i] * Stride, Stride));
            var v = new Vector<float>(values[i]);
            for (var k = 0; k < acc.Length; k++) acc[k] += row[k] * v;
        }
    }

    /// <summary>Scores to probabilities over the real classes (padding gets 0), at the given temperature.</summary>
    public void Softmax(Span<float> scores, float temperature)
    {
        var max = float.NegativeInfinity;
        for (var k = 0; k < Classes; k++) max = Math.Max(max, scores[k] / temperature);
        var sum = 0f;
        for (var k = 0; k < Classes; k++)
        {
            scores[k] = MathF.Exp(scores[k] / temperature - max);
            sum += scores[k];
        }
        for (var k = 0; k < Classes; k++) scores[k] /= sum;
        scores[Classes..].Clear();
    }

    /// <summary>One SGD step on the log loss with L2 shrinkage of the rows the example touches.</summary>
    public void Step(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, int label, float rate, float l2, Span<float> scratch)
    {
        Score(rows, values, scratch);
        Softmax(scratch, 1f);
        scratch[label] -= 1f;   // gradient of the log loss: p - y
        var gradient = MemoryMarshal.Cast<float, Vector<float>>(scratch);
        var bias = MemoryMarshal.Cast<float, Vector<float>>(Bias.AsSpan());
        var rateVector = new Vector<float>(rate);
        for (var k = 0; k < gradient.Length; k++) bias[k] -= gradient[k] * rateVector;
        var shrink = new Vector<float>(1f - rate * l2);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = MemoryMarshal.Cast<float, Vector<float>>(Weights.AsSpan(rows[i] * Stride, Stride));
            var step = new Vector<float>(rate * values[i]);
            for (var k = 0; k < row.Length; k++) row[k] = row[k] * shrink - gradient[k] * step;
        }
    }

    /// <summary>
    /// Each row as signed bytes with its own scale (a row's weights share a magnitude): a quarter of the floats, and
    /// argmax and probabilities barely move. Rows of zeros take one byte.
    /// </summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Classes);
        w.Write(Rows);
        w.Write(Temperature);
        for (var k = 0; k < Classes; k++) w.Write(Bias[k]);
        for (var r = 0; r < Rows; r++)
        {
            var row = Weights.AsSpan(r * Stride, Classes);
            var max = 0f;
            foreach (var x in row) max = Math.Max(max, Math.Abs(x));
            var scale = max / 127f;
            w.Write((Half)scale);
            if ((float)(Half)scale == 0f) continue;
            var quantum = 1f / (float)(Half)scale;
            foreach (var x in row) w.Write((sbyte)Math.Clamp(MathF.Round(x * quantum), -127, 127));
        }
    }

    public static SoftmaxLayer Read(BinaryReader r)
    {
        var layer = new SoftmaxLayer(r.ReadInt32(), r.ReadInt32()) { Temperature = r.ReadSingle() };
        for (var k = 0; k < layer.Classes; k++) layer.Bias[k] = r.ReadSingle();
        for (var row = 0; row < layer.Rows; row++)
        {
            var scale = (float)r.ReadHalf();
            if (scale == 0f) continue;
            for (var k = 0; k < layer.Classes; k++) layer.Weights[row * layer.Stride + k] = r.ReadSByte() * scale;
        }
        return layer;
    }
}
