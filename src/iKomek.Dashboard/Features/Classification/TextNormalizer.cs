using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>
/// Brings an appeal's text to the words the model sees: HTML and scripts stripped, lower case, ё as е, Kazakh letters
/// kept, and the numbers that say nothing about the topic (phones, registration numbers, flats, other digits) masked
/// as placeholder words. Everything that is neither a letter nor a digit separates words.
/// </summary>
public static partial class TextNormalizer
{
    public const string Phone = "_tel_";
    public const string RegNumber = "_reg_";
    public const string Flat = "_flat_";
    public const string Number = "_num_";

    /// <summary>Longer texts are cut: the topic is in the first words, and the cost stays bounded.</summary>
    public const int MaxChars = 4000;

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptBlocks();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\b\d{3}-\d{4}-\d{4,10}\b")]
    private static partial Regex RegNumbers();

    // Kazakhstan numbers as people write them: +7 701 123 45 67, 8 (701) 123-45-67, 87011234567.
    [GeneratedRegex(@"(?<!\d)(?:\+?7|8)[\s\-]*\(?\s*\d{3}\s*\)?[\s\-]*\d{3}[\s\-]*\d{2}[\s\-]*\d{2}(?!\d)")]
    private static partial Regex Phones();

    [GeneratedRegex(@"(?<=\b(?:кв|квартира|квартиры|квартире|пәтер|flat|apt|kv)\.?\s*№?\s*)\d+|\d+(?=\s*-?\s*пәтер)", RegexOptions.IgnoreCase)]
    private static partial Regex Flats();

    /// <summary>The normalised text: words separated by single spaces.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        if (text.Length > MaxChars) text = text[..MaxChars];
        if (text.Contains('<'))
        {
            text = Tags().Replace(ScriptBlocks().Replace(text, " "), " ");
        }
        if (text.Contains('&'))
        {
            text = WebUtility.HtmlDecode(text);
        }
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            text = RegNumbers().Replace(text, " " + RegNumber + " ");
            text = Phones().Replace(text, " " + Phone + " ");
            text = Flats().Replace(text, " " + Flat + " ");
        }

        var sb = new StringBuilder(text.Length);
        var inDigits = false;
        foreach (var raw in text)
        {
            if (char.IsLetter(raw) || raw == '_')
            {
                if (inDigits) { sb.Append(Number).Append(' '); inDigits = false; }
                var c = char.ToLowerInvariant(raw);
                sb.Append(c == 'ё' ? 'е' : c);
            }
            else if (char.IsAsciiDigit(raw))
            {
                if (!inDigits)
                {
                    if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
                    inDigits = true;
                }
            }
            else
            {
                if (inDigits) { sb.Append(Number); inDigits = false; }
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            }
        }
        if (inDigits) sb.Append(Number);
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>A placeholder word: it stands for a number, not for a topic.</summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> word) => word.Length > 2 && word[0] == '_' && word[^1] == '_';
}
