using System.Globalization;
using System.Text.Json;
using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.CitySystems.Panels;

/// <summary>A field's value as the reader reads it: choices and booleans in words, numbers for ru-KZ with their unit,
/// dates as dd.MM.yyyy.</summary>
public static class FieldFormat
{
    public static string Choice(Texts t, string system, string field, string? value) =>
        value is null ? "—" : t[$"systems.choice.{system}.{field}.{value}"];

    public static string Unit(Texts t, string? unit) => unit is null ? "" : t["systems.unit." + unit];

    public static string Value(Texts t, string system, SystemField field, JsonElement? value)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return "—";
        return field.Type switch
        {
            "choice" when v.ValueKind == JsonValueKind.String => Choice(t, system, field.Name, v.GetString()),
            "boolean" when v.ValueKind is JsonValueKind.True or JsonValueKind.False => t[v.GetBoolean() ? "systems.yes" : "systems.no"],
            "number" or "integer" when v.ValueKind == JsonValueKind.Number => WithUnit(t, v.GetDouble().ToString(field.Type == "integer" ? "N0" : "#,0.##", CultureInfo.CurrentCulture), field.Unit),
            "date" when v.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", out var d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            _ => v.ValueKind == JsonValueKind.String ? v.GetString() ?? "—" : v.GetRawText(),
        };
    }

    private static string WithUnit(Texts t, string number, string? unit) => unit is null ? number : $"{number} {Unit(t, unit)}";

    /// <summary>A field's label with its unit: "Наклон, °".</summary>
    public static string Label(Texts t, SystemField field) => field.Unit is null ? field.Label(t) : $"{field.Label(t)}, {Unit(t, field.Unit)}";
}
