using System.Text.RegularExpressions;
using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Platform.Privacy;

/// <summary>
/// Masks a resident's personal data in a text (an appeal's description, an operator's note, an address): Kazakhstan
/// phone numbers, e-mails, IINs, names a resident introduces themself with, and flat numbers. Each mask says what was
/// there, in the reader's language ("[телефон скрыт]"). An address keeps its street and building (a building is a
/// place, not a person) and loses its flat. The patterns are generated at build time: this runs on every row of an
/// export and every appeal of an API page.
/// </summary>
public static partial class PersonalData
{
    private static readonly Texts T = new();

    /// <summary>The text with every personal datum masked; null stays null.</summary>
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        // E-mails first (they may hold digits), then IINs before phones (twelve digits against ten or eleven).
        text = Email().Replace(text, T["privacy.email"]);
        text = Iin().Replace(text, T["privacy.iin"]);
        text = Phone().Replace(text, T["privacy.phone"]);
        text = Name().Replace(text, m => m.Groups["lead"].Value + T["privacy.name"]);
        text = NameInLowerCase().Replace(text, m => m.Groups["lead"].Value + T["privacy.name"]);
        text = Flat().Replace(text, T["privacy.flat"]);
        return FlatAfterNumber().Replace(text, T["privacy.flat"]);
    }

    /// <summary>An address at building level ("ул. Петрова, 54, кв. 12" -> "ул. Петрова, 54"), anything else personal in it masked.</summary>
    public static string? RedactAddress(string? address) => address is null ? null : Redact(Building(address));

    /// <summary>The building of an address: its flat part (and what follows it) dropped.</summary>
    public static string Building(string address) =>
        FlatPartOfAddress().Replace(address, "").Trim().TrimEnd(',', ';').Trim();

    /// <summary>Whether the text holds anything <see cref="Redact"/> would mask (a search for a phone, a flat, a name).</summary>
    public static bool Contains(string? text) =>
        !string.IsNullOrEmpty(text) && (Email().IsMatch(text) || Iin().IsMatch(text) || Phone().IsMatch(text)
                                        || Name().IsMatch(text) || NameInLowerCase().IsMatch(text) || Flat().IsMatch(text) || FlatAfterNumber().IsMatch(text));

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Twelve digits whose first six are a date (YYMMDD) and the seventh the century and sex: a registration number,
    // a sum or a year is never one.
    [GeneratedRegex(@"(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[0-6]\d{5}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Iin();

    // +7, 8 or 7 (or nothing), then ten digits starting with 7 (Kazakhstan's mobile and city codes) in the groupings
    // people write: 7xx xxx xx xx, 7xx xxx xxxx, (7xxx) xx xx xx; separators a space, a dash or a dot, the code maybe
    // in brackets. Thousands written with spaces (87 000 000 000) are not a grouping of a phone.
    [GeneratedRegex(@"(?<![\d+])(?:(?:\+\s?7|8|7)[\s\-.]?)?(?:(?:\(\s?7\d{2}\s?\)|7\d{2})[\s\-.]?\d{3}[\s\-.]?(?:\d{2}[\s\-.]?\d{2}|\d{4})|(?:\(\s?7\d{3}\s?\)|7\d{3})[\s\-.]?\d{2}[\s\-.]?\d{2}[\s\-.]?\d{2})(?!\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    // A name the writer introduces (one to three capitalised words, or initials): the words before it stay.
    [GeneratedRegex(@"(?<lead>(?<![\p{L}])(?i:(?:меня\s+)?зовут|я\s*[—–-]|(?:менің\s+)?атым|my\s+name\s+is|I\s+am|с\s+уважением\s*,|құрметпен\s*,|regards\s*,)\s*)(?<name>(?:\p{Lu}[\p{Ll}'’\-]+|\p{Lu}\.)(?:\s+(?:\p{Lu}[\p{Ll}'’\-]+|\p{Lu}\.)){0,2})",
        RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    // Residents often type without capitals ("меня зовут асель"): after an unambiguous introduction the next word is
    // the name, and a second one too when it ends like a surname or a patronymic. "I am", "я —" and the closings stay
    // capital-only, and so does a bare "зовут" ("зовут жители дома"): lower case there is ordinary prose.
    [GeneratedRegex(@"(?<lead>(?<![\p{L}])(?i:меня\s+зовут|(?:менің\s+)?атым|my\s+name\s+is(?!\s+not(?![\p{L}])))\s+)(?<name>\p{Ll}[\p{Ll}'’\-]+(?:\s+\p{Ll}+(?:ова|ева|ов|ев|ина|ин|ская|ский|овна|евна|ович|евич|ұлы|қызы)(?![\p{L}]))?)",
        RegexOptions.CultureInvariant)]
    private static partial Regex NameInLowerCase();

    // "кв. 16", "квартира №16", "пәтер 16", "flat 16", "apt. 16a", "apartment 16": a word for a flat, then its number
    // ("кв. м", square metres, has no number after it; "2 кв. 2026", a quarter of a year, has a year).
    [GeneratedRegex(@"(?<![\p{L}])(?i:кв(?:артир[\p{L}]*)?|пәтер[\p{L}]*|flat|apt|apartment)\.?\s*(?:(?i:no)\.?\s*|№\s*|#\s*)?(?!(?:19|20)\d{2}(?!\d))\d+[\p{L}]?(?![\p{L}\d])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Flat();

    // Kazakh puts the number first: "16-пәтерде тұрамын".
    [GeneratedRegex(@"(?<![\d\p{L}])\d+\s?-\s?(?i:пәтер)[\p{L}]*", RegexOptions.CultureInvariant)]
    private static partial Regex FlatAfterNumber();

    // An address's flat part: from the separator before the flat to the end (entrance, floor and the like go with it).
    [GeneratedRegex(@"(?:[,;]\s*|\s+)(?:(?i:кв(?:артир[\p{L}]*)?|пәтер[\p{L}]*|flat|apt|apartment)\.?\s*(?:№\s*|#\s*)?\d+|\d+\s?-\s?(?i:пәтер)).*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex FlatPartOfAddress();
}
