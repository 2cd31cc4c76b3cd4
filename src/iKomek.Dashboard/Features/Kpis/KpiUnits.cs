using System.Globalization;
using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Kpis;

/// <summary>
/// A KPI's unit (the <c>kpis.unit</c> code: count, days, percent, tenge...) in the reader's words, and its values
/// formatted for the reader's culture: whole counts without decimals, shares with a per cent sign.
/// </summary>
public static class KpiUnits
{
    /// <summary>The unit codes with texts (<c>kpis.unit.&lt;code&gt;</c>); "%" is the same as "percent".</summary>
    public static readonly string[] Known = ["count", "days", "hours", "minutes", "percent", "tenge", "people"];

    private static string Code(string unit) => unit.Trim().ToLowerInvariant() switch
    {
        "%" or "pct" => "percent",
        var code => code,
    };

    /// <summary>The unit in words; a unit the panel does not know is shown as the data gives it.</summary>
    public static string Word(string unit, Texts t) => Known.Contains(Code(unit)) ? t["kpis.unit." + Code(unit)] : unit;

    /// <summary>A target or actual value for the grid, in the current culture; "—" when there is none.</summary>
    public static string Format(decimal? value, string unit)
    {
        if (value is not { } v) return "—";
        var culture = CultureInfo.CurrentCulture;
        return Code(unit) switch
        {
            "percent" => v.ToString("N1", culture) + " %",
            "count" or "tenge" or "people" when v == decimal.Truncate(v) => v.ToString("N0", culture),
            _ => v.ToString("N1", culture),
        };
    }
}
