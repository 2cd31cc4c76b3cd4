namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// The demo city's calendar and clock. Astana lives at UTC+5 without daylight saving; a fixed offset keeps the
/// generator independent of the machine's time zone database.
/// </summary>
internal static class DemoCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(5);

    public static DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);

    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(utc + Offset);

    // Day offsets for "n working days after a day of week" (n <= 30), Saturdays and Sundays skipped.
    private static readonly int[,] WorkingDayOffsets = BuildWorkingDayOffsets();

    /// <summary>The SLA deadline: <paramref name="workingDays"/> working days after the local time, same time of day.</summary>
    public static DateTime AddWorkingDays(DateTime utc, int workingDays)
    {
        var local = ToLocal(utc);
        return utc.AddDays(WorkingDayOffsets[(int)local.DayOfWeek, workingDays]);
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Kazakhstan's fixed-date public holidays: people call as on a Sunday.</summary>
    public static bool IsHoliday(DateOnly date) => (date.Month, date.Day) switch
    {
        (1, 1) or (1, 2) or (1, 7) or (3, 8) or (3, 21) or (3, 22) or (3, 23) or (5, 1) or (5, 7) or (5, 9)
            or (7, 6) or (8, 30) or (10, 25) or (12, 16) => true,
        _ => false,
    };

    private static int[,] BuildWorkingDayOffsets()
    {
        var table = new int[7, 31];
        for (var dow = 0; dow < 7; dow++)
        {
            var day = dow;
            var offset = 0;
            for (var n = 1; n <= 30; n++)
            {
                do
                {
                    offset++;
                    day = (day + 1) % 7;
                }
                while (day is (int)DayOfWeek.Saturday or (int)DayOfWeek.Sunday);
                table[dow, n] = offset;
            }
        }
        return table;
    }
}
