
namespace IKomek.Dashboard.Platform.City;

/// <summary>Tells Russian, Kazakh, English and mixed texts apart by their letters, for appeals that do not say.</summary>
public static class LanguageDetector
{
    private const string KazakhOnly = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";

    public static string Detect(string text)
    {
        int cyrillic = 0, kazakh = 0, latin = 0;
        foreach (var c in text)
        {
            if (KazakhOnly.Contains(c)) kazakh++;
            else if (c is >= 'а' and <= 'я' or >= 'А' and <= 'Я' or 'ё' or 'Ё') cyrillic++;
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') latin++;
        }
        if (kazakh > 0) return cyrillic > kazakh * 12 ? "mixed" : "kk";
        if (latin > cyrillic) return cyrillic > 0 ? "mixed" : "en";
        return "ru";
    }
}
