namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// Turns a normalised text into hashed feature buckets: word unigrams, word bigrams and character n-grams (3 to 5) of
/// each word with its boundaries (" кв", "ира "), so that typos, endings and transliteration still share most of
/// their features. Counts per bucket; deterministic across runs and machines (own FNV-1a hash, no string.GetHashCode).
/// </summary>
public sealed class FeatureHasher(int hashBits = FeatureHasher.DefaultHashBits)
{
    public const int DefaultHashBits = 20;
    /// <summary>Words beyond this are not read: a 4000-character text costs what its first words cost.</summary>
    public const int MaxWords = 600;

    private const uint WordSeed = 2166136261u;
    private const uint BigramSeed = 0x9E3779B9u;
    private const uint CharSeed = 0x85EBCA6Bu;
    private const uint Prime = 16777619u;

    private readonly uint _mask = (1u << hashBits) - 1;
    private readonly List<int> _buckets = new(1024);

    public int HashBits => hashBits;

    /// <summary>
    /// The buckets of a normalised text, sorted, with their counts; <paramref name="words"/> counts real words (not
    /// placeholders), whose unigram buckets go to <paramref name="wordBuckets"/>.
    /// </summary>
    public void Extract(string normalized, List<(int Bucket, int Count)> features, out int words, List<int>? wordBuckets = null)
    {
        _buckets.Clear();
        features.Clear();
        wordBuckets?.Clear();
        words = 0;
        var text = normalized.AsSpan();
        var previous = 0u;
        var hasPrevious = false;
        var n = 0;
        foreach (var range in text.Split(' '))
        {
            var word = text[range];
            if (word.IsEmpty) continue;
            if (++n > MaxWords) break;
            var wordHash = Hash(WordSeed, word);
            _buckets.Add((int)(wordHash & _mask));
            if (hasPrevious)
            {
                _buckets.Add((int)(Mix(Mix(BigramSeed, previous), wordHash) & _mask));
            }
            previous = wordHash;
            hasPrevious = true;
            if (TextNormalizer.IsPlaceholder(word)) continue;
            words++;
            wordBuckets?.Add((int)(wordHash & _mask));
            AddCharGrams(word);
        }
        if (_buckets.Count == 0) return;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_buckets);
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
                if (i >= 2) _buckets.Add((int)((h ^ (h >> 15)) & _mask));
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
