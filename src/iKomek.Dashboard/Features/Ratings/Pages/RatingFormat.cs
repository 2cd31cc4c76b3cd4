using System.Globalization;
using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Ratings.Pages;

/// <summary>How the rating pages write their numbers: ru-KZ (the reader's culture), percents with one decimal.</summary>
public static class RatingFormat
{
    public static string Pct(decimal? value) => value is { } v ? v.ToString("N1", CultureInfo.CurrentCulture) + " %" : "—";

    /// <summary>"68,1–76,0": a band's ends.</summary>
    public static string Band(decimal? low, decimal? high) =>
        low is { } l && high is { } h ? $"{l.ToString("N1", CultureInfo.CurrentCulture)}–{h.ToString("N1", CultureInfo.CurrentCulture)}" : "";

    /// <summary>"+2", "−1", "0" (a true minus sign).</summary>
    public static string Signed(int value) => value > 0 ? "+" + value.ToString(CultureInfo.CurrentCulture) : value < 0 ? "−" + (-value).ToString(CultureInfo.CurrentCulture) : "0";

    public static string SignedPoints(decimal value) =>
        (value > 0 ? "+" : value < 0 ? "−" : "") + Math.Abs(value).ToString("N1", CultureInfo.CurrentCulture);

    /// <summary>The period as a reader names it: "март 2026", "I квартал 2026", "2026 с начала года по март".</summary>
    public static string Period(RatingPeriod period, Texts t) => period.Kind switch
    {
        RatingPeriodKind.Month => t.Format("ratingui.period.monthOf", period.Start.ToDateTime(TimeOnly.MinValue)),
        RatingPeriodKind.Quarter => t.Format("ratingui.period.quarterOf", (period.Start.Month + 2) / 3, period.Start.Year),
        _ => t.Format("ratingui.period.ytdOf", period.End.AddDays(-1).ToDateTime(TimeOnly.MinValue)),
    };

    /// <summary>Tone of a total, as the KPI tree colours execution.</summary>
    public static string Tone(decimal? total) => total is not { } t ? "tone-muted" : t >= 85 ? "tone-good" : t >= 65 ? "tone-warn" : "tone-bad";
}
