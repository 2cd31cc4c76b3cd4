namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// The city's rhythms: how the appeals of each area swing over the year, the week and the day.
/// Monthly factors are interpolated between mid-months and normalised to an average of 1.
/// </summary>
internal static class Seasonality
{
    // January .. December. Heating peaks in the heating season (October-April) and almost vanishes in
    // summer; snow only in winter; storm drains in the April thaw and summer rain; water and
    // landscaping higher in summer; smoke from coal-fired private houses in winter.
    private static readonly Dictionary<string, double[]> Monthly = new()
    {
        ["heating"] = [2.3, 2.1, 1.6, 0.9, 0.35, 0.15, 0.12, 0.2, 0.65, 1.7, 2.0, 2.2],
        ["water_supply"] = [0.85, 0.85, 0.9, 0.95, 1.1, 1.3, 1.35, 1.25, 1.0, 0.9, 0.85, 0.85],
        ["sewerage"] = [1, 1, 1.05, 1.1, 1, 1, 1, 1, 1, 1, 0.95, 0.95],
        ["storm_drainage"] = [0.15, 0.15, 0.9, 3.0, 1.5, 1.6, 1.7, 1.3, 0.7, 0.5, 0.2, 0.15],
        ["electricity"] = [1.15, 1.1, 1, 0.9, 0.9, 1, 1.1, 1, 0.9, 0.95, 1.05, 1.15],
        ["gas"] = [1.4, 1.3, 1.1, 0.9, 0.7, 0.6, 0.6, 0.6, 0.8, 1.1, 1.3, 1.4],
        ["housing_maintenance"] = [0.9, 0.9, 1.15, 1.25, 1.05, 0.95, 0.95, 0.95, 1, 1, 0.95, 0.9],
        ["waste_collection"] = [0.85, 0.85, 0.9, 1, 1.1, 1.2, 1.25, 1.2, 1.05, 0.95, 0.85, 0.85],
        ["sanitation"] = [0.6, 0.6, 0.9, 1.5, 1.4, 1.2, 1.2, 1.1, 1.0, 1.2, 0.8, 0.6],
        ["snow_ice"] = [2.8, 2.6, 1.6, 0.2, 0, 0, 0, 0, 0, 0.15, 1.5, 2.6],
        ["roads_sidewalks"] = [0.6, 0.6, 0.9, 1.4, 1.5, 1.3, 1.2, 1.2, 1.1, 1, 0.7, 0.6],
        ["street_lighting"] = [1.3, 1.2, 1.0, 0.8, 0.7, 0.6, 0.6, 0.75, 1.0, 1.2, 1.35, 1.4],
        ["public_transport"] = [1.15, 1.1, 1.0, 0.95, 0.95, 0.85, 0.8, 0.85, 1.15, 1.05, 1.05, 1.1],
        ["landscaping"] = [0.35, 0.35, 0.5, 1.0, 1.8, 1.9, 1.8, 1.6, 1.2, 0.8, 0.45, 0.35],
        ["construction"] = [0.6, 0.6, 0.8, 1.1, 1.3, 1.3, 1.3, 1.3, 1.2, 1.1, 0.8, 0.6],
        ["health"] = [1.25, 1.2, 1.1, 1, 0.9, 0.85, 0.8, 0.85, 0.95, 1.05, 1.1, 1.2],
        ["education"] = [0.9, 0.85, 0.85, 0.9, 1.0, 1.1, 1.0, 1.6, 1.5, 0.9, 0.8, 0.7],
        ["public_order"] = [0.8, 0.8, 0.85, 0.95, 1.15, 1.25, 1.3, 1.2, 1.0, 0.95, 0.85, 1.0],
        ["stray_animals"] = [0.8, 0.8, 1, 1.2, 1.2, 1.1, 1.0, 1.0, 1.1, 1.1, 0.9, 0.8],
        ["ecology"] = [1.6, 1.5, 1.2, 1.0, 0.9, 0.7, 0.6, 0.6, 0.7, 0.9, 1.3, 1.5],
        ["utility_billing"] = [1.2, 1.2, 1.1, 1, 0.9, 0.85, 0.85, 0.85, 0.9, 1, 1.05, 1.1],
        ["land_architecture"] = [0.8, 0.8, 1, 1.1, 1.2, 1.2, 1.1, 1.1, 1.0, 1.0, 0.9, 0.8],
    };

    // Monday .. Sunday: people call on working days; weekends are about 40% lower.
    private static readonly double[] Weekdays = Normalise([1.16, 1.12, 1.10, 1.09, 1.03, 0.69, 0.61]);

    // Local hours 0..23: a quiet night, a morning peak at 9-12 and an afternoon one at 14-17.
    public static readonly WeightedTable Hours = new(
    [
        0.6, 0.4, 0.3, 0.25, 0.25, 0.35, 0.9, 2.0, 3.8, 6.2, 7.0, 6.8,
        5.4, 4.9, 6.0, 6.2, 5.8, 4.8, 4.0, 3.4, 2.8, 2.2, 1.5, 1.0,
    ]);

    private static readonly double[] FlatYear = Enumerable.Repeat(1.0, 12).ToArray();

    private static readonly Dictionary<string, double[]> Normalised = Monthly.ToDictionary(p => p.Key, p => Normalise(p.Value));

    /// <summary>Factor of the area on the date; the mean over a year is 1.</summary>
    public static double AreaFactor(string areaCode, DateOnly date)
    {
        var months = Normalised.TryGetValue(areaCode, out var m) ? m : FlatYear;
        if (months[date.Month - 1] == 0)
        {
            // An off-season month stays empty: no snow in May just because April had some.
            return 0;
        }
        // Interpolate between the middles of this month and the nearest neighbour.
        var middle = 15.5;
        var offset = (date.Day - middle) / DateTime.DaysInMonth(date.Year, date.Month);
        var month = date.Month - 1;
        var neighbour = offset >= 0 ? (month + 1) % 12 : (month + 11) % 12;
        return months[month] + Math.Abs(offset) * (months[neighbour] - months[month]);
    }

    /// <summary>Weekday factor; public holidays count as Sundays. The mean over a week is 1.</summary>
    public static double DayFactor(DateOnly date) =>
        DemoCalendar.IsHoliday(date) ? Weekdays[6] : Weekdays[((int)date.DayOfWeek + 6) % 7];

    private static double[] Normalise(double[] values)
    {
        var mean = values.Average();
        return values.Select(v => v / mean).ToArray();
    }
}
