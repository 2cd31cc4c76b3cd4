using System.Globalization;
using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Kpis;

/// <summary>
/// Red, amber, green of an execution in per cent: green from 100 % (the target met), amber from 90 %, red below;
/// none when there is no score (missing).
/// </summary>
public static class KpiRag
{
    public const decimal Green = 100, Amber = 90;

    /// <summary>good, warn, bad, or missing: the tone classes the panel's cards and texts use.</summary>
    public static string Tone(decimal? pct) => pct switch
    {
        null => "missing",
        >= Green => "good",
        >= Amber => "warn",
        _ => "bad",
    };

    /// <summary>An execution for reading: "97,3 %", or "—" when missing.</summary>
    public static string Pct(decimal? pct) => pct is { } p ? (p / 100).ToString("P1", CultureInfo.CurrentCulture) : "—";

    /// <summary>The KPI's name in the reader's language.</summary>
    public static string Name(this KpiStanding kpi, Texts t) => t.Pick(kpi.NameRu, kpi.NameKk, kpi.NameEn);

    /// <summary>The KPI's direction, period, weight in words: "меньше — лучше · месяц · вес 2".</summary>
    public static string Describe(this KpiStanding kpi, Texts t) =>
        $"{(kpi.HigherIsBetter ? "↑ " + t["kpi.higher"] : "↓ " + t["kpi.lower"])} · {t["kpi.period." + kpi.PeriodKind]} · {t.Format("kpi.weight", kpi.Weight.ToString("0.##", CultureInfo.CurrentCulture))}";
}
