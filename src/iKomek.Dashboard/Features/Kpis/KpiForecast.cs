namespace IKomek.Dashboard.Features.Kpis;

/// <summary>One forecast period: the expected value and its band.</summary>
public sealed record ForecastPoint(DateOnly Period, double Value, double Low, double High);

/// <summary>The forecast of the periods left in a year, and the year's value it leads to (null when nothing is known).</summary>
public sealed record KpiYearForecast(IReadOnlyList<ForecastPoint> Points, double? YearEnd, double Spread);

/// <summary>
/// A KPI's forecast to year end, seasonal-naive scaled by this year's run rate:
/// <list type="bullet">
/// <item>the seasonal pattern is the mean of each period (month or quarter) over the past years that have it;</item>
/// <item>this year's ratio is its reported values over the pattern's same periods (1 when there is nothing to compare);</item>
/// <item>each remaining period is forecast at pattern × ratio;</item>
/// <item>the band is ± 1.96 × the root mean square of the relative errors of that method on every known value (each
/// past year forecast from the other past years with its own ratio, and this year's reported periods), so a series
/// that repeats its seasons exactly has no band and a noisy one a wide band.</item>
/// </list>
/// Without past years it falls back to this year's mean, its band from this year's own spread.
/// </summary>
public static class KpiForecast
{
    private const double Z95 = 1.96;

    /// <param name="history">Values of one KPI, one per period start (months, or quarters' first months); null: not reported.</param>
    /// <param name="year">The year to forecast to its end.</param>
    /// <param name="periodsPerYear">12 for months, 4 for quarters.</param>
    /// <param name="aggregation">How the year's value is made of its periods: sum, mean or last.</param>
    public static KpiYearForecast ToYearEnd(IEnumerable<(DateOnly Period, double? Value)> history, int year, int periodsPerYear, string aggregation)
    {
        if (periodsPerYear is not (12 or 4)) throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "A year has 12 months or 4 quarters.");
        int Index(DateOnly d) => periodsPerYear == 12 ? d.Month - 1 : (d.Month - 1) / 3;
        DateOnly Start(int i) => new(year, periodsPerYear == 12 ? i + 1 : i * 3 + 1, 1);

        var known = history.Where(h => h.Value is not null && h.Period.Year <= year).Select(h => (h.Period.Year, I: Index(h.Period), V: h.Value!.Value)).ToList();
        var current = known.Where(k => k.Year == year).GroupBy(k => k.I).ToDictionary(g => g.Key, g => g.Last().V);
        var past = known.Where(k => k.Year < year).ToList();
        var pattern = past.GroupBy(k => k.I).ToDictionary(g => g.Key, g => g.Average(k => k.V));
        var last = current.Count == 0 ? -1 : current.Keys.Max();
        var remaining = Enumerable.Range(last + 1, periodsPerYear - last - 1).ToList();
        var floor = known.All(k => k.V >= 0) ? 0 : double.NegativeInfinity;

        if (pattern.Count == 0)
        {
            // No past year: this year's mean carries on, as uncertain as this year has been.
            if (current.Count == 0) return new KpiYearForecast([], null, 0);
            var mean = current.Values.Average();
            var spread = mean == 0 ? 0 : Rms(current.Values.Select(v => v / mean - 1));
            var flat = remaining.Select(i => Point(Start(i), mean, spread, floor)).ToList();
            return new KpiYearForecast(flat, YearEnd(current, flat, aggregation), spread);
        }

        var ratio = Ratio(current, pattern);
        var errors = new List<double>();
        // Each past year forecast from the other past years (a year fitted on itself would show no error at all).
        foreach (var y in past.GroupBy(k => k.Year))
        {
            var others = past.Where(k => k.Year != y.Key).GroupBy(k => k.I).ToDictionary(g => g.Key, g => g.Average(k => k.V));
            if (others.Count == 0) continue;
            var values = y.GroupBy(k => k.I).ToDictionary(g => g.Key, g => g.Last().V);
            errors.AddRange(Errors(values, others, Ratio(values, others)));
        }
        errors.AddRange(Errors(current, pattern, ratio));
        var rms = Rms(errors);
        var points = remaining.Where(pattern.ContainsKey).Select(i => Point(Start(i), pattern[i] * ratio, rms, floor)).ToList();
        return new KpiYearForecast(points, YearEnd(current, points, aggregation), rms);
    }

    private static double Ratio(Dictionary<int, double> values, Dictionary<int, double> pattern)
    {
        var shared = values.Keys.Where(pattern.ContainsKey).ToList();
        var expected = shared.Sum(i => pattern[i]);
        return shared.Count == 0 || expected == 0 ? 1 : shared.Sum(i => values[i]) / expected;
    }

    private static IEnumerable<double> Errors(Dictionary<int, double> values, Dictionary<int, double> pattern, double ratio) =>
        values.Where(v => pattern.TryGetValue(v.Key, out var p) && p * ratio != 0).Select(v => v.Value / (pattern[v.Key] * ratio) - 1);

    private static double Rms(IEnumerable<double> errors)
    {
        var list = errors.ToList();
        return list.Count == 0 ? 0 : Math.Sqrt(list.Average(e => e * e));
    }

    private static ForecastPoint Point(DateOnly period, double value, double spread, double floor) =>
        new(period, value, Math.Max(floor, value - Z95 * spread * Math.Abs(value)), value + Z95 * spread * Math.Abs(value));

    /// <summary>The year's value: reported periods and forecast ones added up as the KPI's periods are.</summary>
    private static double? YearEnd(Dictionary<int, double> current, IReadOnlyList<ForecastPoint> points, string aggregation)
    {
        var all = current.OrderBy(c => c.Key).Select(c => c.Value).Concat(points.Select(p => p.Value)).ToList();
        if (all.Count == 0) return null;
        return aggregation switch
        {
            "sum" => all.Sum(),
            "mean" => all.Average(),
            _ => all[^1],
        };
    }
}
