using System.Globalization;
using System.Text.RegularExpressions;
using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.Kpis.Entry;

/// <summary>
/// A KPI's reporting period: a month, a quarter or a year (kpis.period_kind), stored by its first day (kpi_values,
/// kpi_targets). It is closed when its last month is closed (kpi_periods): a quarter's value is reported once its
/// third month is over, so closing January leaves the first quarter open.
/// </summary>
public readonly partial record struct KpiPeriod(string Kind, DateOnly Start)
{
    public const string Month = "month";
    public const string Quarter = "quarter";
    public const string Year = "year";

    public static readonly string[] Kinds = [Month, Quarter, Year];

    /// <summary>The period of <paramref name="kind"/> that holds <paramref name="day"/>.</summary>
    public static KpiPeriod Containing(string kind, DateOnly day) => kind switch
    {
        Month => new(kind, new DateOnly(day.Year, day.Month, 1)),
        Quarter => new(kind, new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1)),
        Year => new(kind, new DateOnly(day.Year, 1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a period kind"),
    };

    /// <summary>"2026-03", "2026-Q1" (or "2026-q1") or "2026"; null when the text is none of these.</summary>
    public static KpiPeriod? Parse(string? text)
    {
        var m = PeriodPattern().Match(text?.Trim() ?? "");
        if (!m.Success) return null;
        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 2000 || year > 2100) return null;
        if (m.Groups["month"].Success)
        {
            var month = int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 ? new KpiPeriod(Month, new DateOnly(year, month, 1)) : null;
        }
        if (m.Groups["quarter"].Success)
        {
            var quarter = int.Parse(m.Groups["quarter"].Value, CultureInfo.InvariantCulture);
            return quarter is >= 1 and <= 4 ? new KpiPeriod(Quarter, new DateOnly(year, quarter * 3 - 2, 1)) : null;
        }
        return new KpiPeriod(Year, new DateOnly(year, 1, 1));
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?<month>\d{2})|-[Qq](?<quarter>\d))?$")]
    private static partial Regex PeriodPattern();

    public int MonthCount => Kind switch { Month => 1, Quarter => 3, _ => 12 };

    /// <summary>The month whose closing closes this period.</summary>
    public DateOnly LastMonth => Start.AddMonths(MonthCount - 1);

    public KpiPeriod Previous => new(Kind, Start.AddMonths(-MonthCount));

    public int QuarterNumber => (Start.Month - 1) / 3 + 1;

    /// <summary>The period as the import's file writes it: 2026-03, 2026-Q1, 2026.</summary>
    public string Code => Kind switch
    {
        Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Quarter => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-Q{QuarterNumber}"),
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The period in the reader's words: "март 2026", "I квартал 2026", "2026 год".</summary>
    public string Label(Texts t) => Kind switch
    {
        Month => CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(Start.Month) is var name && name.Length > 0
            ? $"{name} {Start.Year}" : Code,
        Quarter => t.Format("kpientry.period.quarter", QuarterNumber, Start.Year),
        _ => t.Format("kpientry.period.year", Start.Year),
    };

    public override string ToString() => Code;
}

/// <summary>Dates to SQL as the rest of the panel passes them (a timestamp, cast to date in the query).</summary>
internal static class KpiSql
{
    public static DateTime Day(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);
}
