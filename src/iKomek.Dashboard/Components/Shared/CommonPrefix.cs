namespace IKomek.Dashboard.Components.Shared;

/// <summary>
/// Names that all start (or end) alike ("Управление энергетики…", "Управление жилищной политики…"; in Kazakh
/// "…басқармасы") lose their distinguishing part to an ellipsis on a narrow tile. This drops the words every name
/// shares at its start and at its end; the full name stays in the row's tooltip.
/// </summary>
public static class CommonPrefix
{
    /// <summary>The labels without their shared leading and trailing words; unchanged when fewer than two.</summary>
    public static IReadOnlyList<string> Strip(IReadOnlyList<string> labels)
    {
        if (labels.Count < 2) return labels;
        var words = labels.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var lead = Shared(words, (w, i) => w[i]);
        var trail = Shared(words.Select(w => w[lead..]).ToList(), (w, i) => w[^(i + 1)]);
        if (lead == 0 && trail == 0) return labels;
        return words.Select(w => Capitalise(string.Join(' ', w[lead..^trail]))).ToList();
    }

    // How many words all names share from one end, always leaving each name at least one word of its own.
    private static int Shared(IReadOnlyList<string[]> words, Func<string[], int, string> at)
    {
        var n = 0;
        while (words.All(w => w.Length > n + 1) && words.All(w => string.Equals(at(w, n), at(words[0], n), StringComparison.CurrentCultureIgnoreCase)))
            n++;
        return n;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpper(s[0], System.Globalization.CultureInfo.CurrentCulture) + s[1..];
}
