using Lucene.Net.Tartarus.Snowball.Ext;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// Word stems of normalised (lower-case, ё as е) words, so that "батареи", "батарея" and "батарейки" share a feature:
/// Russian by the Snowball stemmer (Lucene.NET's analysers), Kazakh by stripping the common endings with the same rules
/// as the search's SQL <c>kk_stem</c> (sql/functions/appeals/kk_stem.sql). One cache per thread: a text's words repeat
/// across texts, and the stemmer is neither cheap nor thread-safe.
/// </summary>
internal static class WordStems
{
    private const int CacheLimit = 200_000;

    // The suffixes of kk_stem's regular expression; it strips the longest one that leaves at least two letters, three times.
    private static readonly string[] KazakhSuffixes =
    [
        "ларымыз", "леріміз", "ларыңыз", "леріңіз", "ымыз", "іміз", "ыңыз", "іңіз", "мыз", "міз", "менен", "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
        "ның", "нің", "дың", "дің", "тың", "тің", "нан", "нен", "дан", "ден", "тан", "тен", "нда", "нде", "лар", "лер", "дар", "дер", "тар", "тер", "мен", "бен", "пен",
        "сы", "сі", "ға", "ге", "қа", "ке", "на", "не", "да", "де", "та", "те", "ды", "ді", "ты", "ті", "ны", "ні", "ын", "ін", "ым", "ім", "ың", "ің", "ы", "і",
    ];
    private static readonly HashSet<string> KazakhSuffixSet = new(KazakhSuffixes, StringComparer.Ordinal);
    private static readonly int LongestSuffix = KazakhSuffixes.Max(s => s.Length);

    [ThreadStatic] private static RussianStemmer? _russian;
    [ThreadStatic] private static Dictionary<string, (string Ru, string Kk)>? _cache;

    /// <summary>The Russian and the Kazakh stem of a word (either is the word itself where nothing is stripped).</summary>
    public static (string Ru, string Kk) Of(ReadOnlySpan<char> word)
    {
        var cache = _cache ??= new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var stems)) return stems;
        var text = word.ToString();
        stems = (Russian(text), Kazakh(text));
        if (cache.Count >= CacheLimit) cache.Clear();
        cache[text] = stems;
        return stems;
    }

    /// <summary>The Snowball Russian stem; words without Cyrillic letters are returned as they are.</summary>
    public static string Russian(string word)
    {
        if (!HasCyrillic(word)) return word;
        var stemmer = _russian ??= new RussianStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>
    /// kk_stem: three times the longest listed ending that leaves at least two letters, then a final ғ, г, б
    /// voiced back to қ, к, п ("жылуды" -> "жылу", "үйлеріміздің" -> "үй").
    /// </summary>
    public static string Kazakh(string word)
    {
        var stem = word;
        for (var pass = 0; pass < 3; pass++)
        {
            var cut = -1;
            for (var start = 2; start < stem.Length; start++)
            {
                if (stem.Length - start > LongestSuffix) continue;
                if (KazakhSuffixSet.Contains(stem[start..])) { cut = start; break; }
            }
            if (cut < 0) break;
            stem = stem[..cut];
        }
        return stem.Length == 0 ? stem : stem[^1] switch
        {
            'ғ' => stem[..^1] + "қ",
            'г' => stem[..^1] + "к",
            'б' => stem[..^1] + "п",
            _ => stem,
        };
    }

    private static bool HasCyrillic(string word)
    {
        foreach (var c in word) if (c is >= '\u0400' and <= '\u04FF') return true;
        return false;
    }
}
