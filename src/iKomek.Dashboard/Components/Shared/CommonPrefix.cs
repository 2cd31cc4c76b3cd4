namespace IKomek.Dashboard.Components.Shared;

/// <summary>
/// Department names mostly start (or end) alike ("Управление энергетики…", "Управление жилищной политики…"; in Kazakh
/// "…басқармасы") and lose their distinguishing part to an ellipsis on a narrow tile. This drops the word that most
/// names share at their start, and the one most share at their end, from the names that have it; the full name stays
/// in the row's tooltip.
/// </summary>
public static class CommonPrefix
{
    /// <summary>The labels without the leading and trailing word that two or more of them share.</summary>
    public static IReadOnlyList<string> Strip(IReadOnlyList<string> labels)
    {
        var words = labels.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var first = Shared(words.Select(w => w.Length > 1 ? w[0] : null));
        var last = Shared(words.Select(w => w.Length > 1 ? w[^1] : null));
        return words.Select((w, i) =>
        {
            var (from, to) = (0, w.Length);
            if (first is not null && to - from > 1 && Same(w[from], first)) from++;
            if (last is not null && to - from > 1 && Same(w[to - 1], last)) to--;
            return from == 0 && to == w.Length ? labels[i] : Capitalise(string.Join(' ', w[from..to]));
        }).ToList();
    }

    // The word most names have in that place, when at least two have it.
    private static string? Shared(IEnumerable<string?> candidates) =>
        candidates.OfType<string>().GroupBy(w => w, StringComparer.CurrentCultureIgnoreCase)
            .Where(g => g.Count() >= 2).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.CurrentCultureIgnoreCase);

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpper(s[0], System.Globalization.CultureInfo.CurrentCulture) + s[1..];
}
