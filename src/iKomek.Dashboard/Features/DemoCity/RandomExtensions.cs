namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// Deterministic randomness. Every stream is a <see cref="Random"/> seeded from the city seed and a
/// stream name (and a day), so that one part of the city can change without reshuffling the rest;
/// stable per-key values (an address, a resident) come from a hash instead of a stream.
/// </summary>
internal static class Rng
{
    public static Random Stream(int seed, string name, int index = 0) =>
        new(unchecked((int)Hash(Hash((ulong)(uint)seed, StableHash(name)), (ulong)index)));

    public static ulong Mix(ulong x)
    {
        // SplitMix64 finaliser: a cheap, well-distributed integer hash.
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Hash(ulong a, ulong b) => Mix(a ^ Mix(b + 0x632BE59BD9B4E019UL));

    /// <summary>A string hash that, unlike string.GetHashCode, is the same in every process.</summary>
    public static ulong StableHash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }
        return Mix(h);
    }

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    public static double Between(this Random rng, double min, double max) => min + rng.NextDouble() * (max - min);

    public static double Normal(this Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static double Exponential(this Random rng, double mean) => -mean * Math.Log(1.0 - rng.NextDouble());

    public static int Poisson(this Random rng, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }
        if (mean > 40)
        {
            // Normal approximation: exact enough for daily volumes and O(1).
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * rng.Normal()));
        }
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }
        return k;
    }
}

/// <summary>Picks an index with probability proportional to its weight (binary search over running sums).</summary>
internal sealed class WeightedTable
{
    private readonly double[] _cumulative;

    public WeightedTable(IReadOnlyList<double> weights)
    {
        _cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += Math.Max(0, weights[i]);
            _cumulative[i] = sum;
        }
        Total = sum;
    }

    public double Total { get; }

    /// <summary>The share of the whole that entry <paramref name="index"/> weighs.</summary>
    public double Share(int index) => (_cumulative[index] - (index == 0 ? 0 : _cumulative[index - 1])) / Total;

    public int Count => _cumulative.Length;

    public int Pick(Random rng) => PickAt(rng.NextDouble());

    public int PickAt(double unit)
    {
        var target = unit * Total;
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        // Skip zero-weight entries that share the running sum and guard the upper edge.
        while (index < _cumulative.Length - 1 && _cumulative[index] <= target)
        {
            index++;
        }
        return Math.Min(index, _cumulative.Length - 1);
    }
}
