using System.Collections.Frozen;
using System.Globalization;

namespace IKomek.Dashboard.Localization;

/// <summary>One text in the three languages of the panel.</summary>
public readonly record struct Text(string Ru, string Kk, string En);

/// <summary>
/// The panel's texts in the current UI language (Russian by default). Each feature keeps its texts in a
/// <c>*Texts.cs</c> dictionary beside its pages; this class joins them. A missing key shows itself in brackets.
/// </summary>
public sealed class Texts
{
    private static readonly FrozenDictionary<string, Text> All = new[]
        {
            CommonTexts.Entries,
            Features.Live.LiveTexts.Entries,
            Features.Appeals.AppealsTexts.Entries,
            Features.Appeals.AppealTexts.Entries,
            Features.SystemicProblems.SystemicProblemsTexts.Entries,
            Features.Ratings.RatingsTexts.Entries,
            Features.Projects.ProjectsTexts.Entries,
            Features.Kpis.KpisTexts.Entries,
            Features.Administration.AdministrationTexts.Entries,
            Features.Import.ImportTexts.Entries,
            Features.Jobs.JobsTexts.Entries,
            Features.Classification.ClassificationTexts.Entries,
            Features.Accounts.AccountsTexts.Entries,
        }
        .SelectMany(d => d)
        .ToFrozenDictionary(kv => kv.Key, kv => kv.Value);

    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "kk" => "kk",
        "en" => "en",
        _ => "ru",
    };

    public string this[string key] => All.TryGetValue(key, out var t) ? Pick(t) : $"[{key}]";

    /// <summary>Formats a text with placeholders: <c>T.Format("common.updatedAt", time)</c>.</summary>
    public string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>Picks the right name column of reference data (name_ru, name_kk, name_en).</summary>
    public string Pick(string ru, string kk, string en) => Language switch { "kk" => kk, "en" => en, _ => ru };

    private string Pick(Text t) => Pick(t.Ru, t.Kk, t.En);

    internal static IEnumerable<string> Keys => All.Keys;

    internal static Text Get(string key) => All[key];
}
