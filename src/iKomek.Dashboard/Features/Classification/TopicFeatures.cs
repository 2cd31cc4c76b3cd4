using System.Runtime.InteropServices;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// Hashed n-grams of a normalised text: word unigrams, word bigrams, the words' Russian and Kazakh stems
/// (<see cref="WordStems"/>) and character 3- to 5-grams inside each word with its boundaries (" кв", "ира "), so that
/// typos, endings and transliteration still share most of their features.
/// ML.NET's FeaturizeText took character 3-grams across word gaps with plain counts; with the same classifiers these
/// within-word n-grams with TF-IDF weights file 2.4 % more service types right (docs/benchmarks.md, "ML.NET classifier, tuned").
/// Deterministic across runs and machines (own FNV-1a hash, no string.GetHashCode). One instance per thread.
/// </summary>
internal sealed class TopicFeatures
{
    public const int HashBits = 20;
    public const int Buckets = 1 << HashBits;
    /// <summary>Words beyond this are not read: a 4,000-character text costs what its first words cost.</summary>
    public const int MaxWords = 600;

    private const uint WordSeed = 2166136261u;
    private const uint BigramSeed = 0x9E3779B9u;
    private const uint CharSeed = 0x85EBCA6Bu;
    private const uint RussianStemSeed = 0x27D4EB2Fu;
    private const uint KazakhStemSeed = 0x165667B1u;
    private const uint Prime = 16777619u;
    private const uint Mask = Buckets - 1;

    private readonly List<int> _buckets = new(1024);

    /// <summary>The buckets of a normalised text with their counts, sorted by bucket.</summary>
    public void Extract(ReadOnlySpan<char> normalized, List<(int Bucket, int Count)> features)
    {
        _buckets.Clear();
        features.Clear();
        var previous = 0u;
        var hasPrevious = false;
        var n = 0;
        foreach (var range in normalized.Split(' '))
        {
            var word = normalized[range];
            if (word.IsEmpty) continue;
            if (++n > MaxWords) break;
            var wordHash = Hash(WordSeed, word);
            _buckets.Add((int)(wordHash & Mask));
            if (hasPrevious) _buckets.Add((int)(Mix(Mix(BigramSeed, previous), wordHash) & Mask));
            previous = wordHash;
            hasPrevious = true;
            if (TextNormalizer.IsPlaceholder(word)) continue;
            AddCharGrams(word);
            AddStems(word);
        }
        if (_buckets.Count == 0) return;
        var span = CollectionsMarshal.AsSpan(_buckets);
        span.Sort();
        var current = span[0];
        var count = 1;
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i] == current) { count++; continue; }
            features.Add((current, count));
            current = span[i];
            count = 1;
        }
        features.Add((current, count));
    }

    /// <summary>
    /// Sublinear TF-IDF of the known buckets, L2-normalised, into <paramref name="columns"/> and <paramref name="values"/>
    /// (as long as <paramref name="features"/> at least); returns how many were written. Columns come out ascending
    /// when the vocabulary numbers buckets in bucket order.
    /// </summary>
    public static int Weigh(List<(int Bucket, int Count)> features, int[] columnOfBucket, float[] idf, Span<int> columns, Span<float> values)
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

    /// <summary>
    /// The word's Russian (Snowball) and Kazakh (suffix-stripped) stems where they differ from the word: "батареи" and
    /// "батарейки" meet at "батар", whatever form a resident uses.
    /// </summary>
    private void AddStems(ReadOnlySpan<char> word)
    {
        if (word.Length < 4) return;
        var (ru, kk) = WordStems.Of(word);
        if (ru.Length < word.Length) _buckets.Add((int)(Hash(RussianStemSeed, ru) & Mask));
        if (kk.Length < word.Length) _buckets.Add((int)(Hash(KazakhStemSeed, kk) & Mask));
    }

    /// <summary>N-grams of " word ": each start position extends its hash to 3, 4 and 5 characters.</summary>
    private void AddCharGrams(ReadOnlySpan<char> word)
    {
        var length = word.Length + 2;
        for (var start = 0; start + 3 <= length; start++)
        {
            var h = CharSeed;
            for (var i = 0; i < 5 && start + i < length; i++)
            {
                var pos = start + i;
                var c = pos == 0 || pos == length - 1 ? ' ' : word[pos - 1];
                h = (h ^ c) * Prime;
                if (i >= 2) _buckets.Add((int)((h ^ (h >> 15)) & Mask));
            }
        }
    }

    private static uint Hash(uint seed, ReadOnlySpan<char> s)
    {
        var h = seed;
        foreach (var c in s) h = (h ^ c) * Prime;
        return h ^ (h >> 13);
    }

    private static uint Mix(uint a, uint b)
    {
        var h = (a ^ b) * 0x85EBCA6Bu;
        return h ^ (h >> 16) ^ (b * 0xC2B2AE35u);
    }
}
