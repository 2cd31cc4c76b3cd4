using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace IKomek.Dashboard.Platform.Localization;

/// <summary>One text in the three languages of the panel.</summary>
public readonly record struct Text(string Ru, string Kk, string En);

/// <summary>Marks a static class whose <c>public static Dictionary&lt;string, Text&gt; Entries</c> are texts of the UI.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class UiTextsAttribute : Attribute;

/// <summary>
/// The panel's texts in the current UI language (Russian by default). Each feature keeps its texts in a
/// <c>*Texts.cs</c> dictionary beside its pages, marked <see cref="UiTextsAttribute"/>; this class joins them. A missing
/// key shows itself in brackets.
/// </summary>
public sealed class Texts
{
    // Every feature's dictionary, found by its [UiTexts] mark: the texts sit with their feature, and this platform
    // class names none of them. A key defined twice fails here, at the first use of any text.
    private static readonly FrozenDictionary<string, Text> All = typeof(Texts).Assembly.GetTypes()
        .Where(t => t.IsDefined(typeof(UiTextsAttribute), inherit: false))
        .Select(t => (Dictionary<string, Text>)(t.GetField("Entries", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{t.Name} is marked [UiTexts] but has no public static Entries")))
        .SelectMany(d => d)
        .ToDictionary(kv => kv.Key, kv => kv.Value)
        .ToFrozenDictionary();

    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "kk" => "kk",
        "en" => "en",
        _ => "ru",
    };

    // A city profile's name stands in for Astana's in the shell and the page titles (one process serves one city).
    private static FrozenDictionary<string, Text> _city = FrozenDictionary<string, Text>.Empty;

    /// <summary>The applied city profile's name, and its clock called local time rather than Astana's.</summary>
    public static void UseCityName(string ru, string kk, string en) => _city = new Dictionary<string, Text>
    {
        ["app.city"] = new(ru, kk, en),
        ["app.astanaTime"] = new("Местное время", "Жергілікті уақыт", "Local time"),
    }.ToFrozenDictionary();

    public string this[string key] => _city.TryGetValue(key, out var c) || All.TryGetValue(key, out c) ? Pick(c) : $"[{key}]";

    /// <summary>Formats a text with placeholders: <c>T.Format("common.updatedAt", time)</c>.</summary>
    public string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>Picks the right name column of reference data (name_ru, name_kk, name_en).</summary>
    public string Pick(string ru, string kk, string en) => Language switch { "kk" => kk, "en" => en, _ => ru };

    private string Pick(Text t) => Pick(t.Ru, t.Kk, t.En);

    internal static IEnumerable<string> Keys => All.Keys;

    internal static Text Get(string key) => All[key];
}
