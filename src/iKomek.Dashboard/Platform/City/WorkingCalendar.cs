
namespace IKomek.Dashboard.Platform.City;

/// <summary>The city's working days: weekends and the holidays of the <c>holidays</c> table are skipped; days are the city's
/// (its profile's zone, Astana's by default).</summary>
public sealed class WorkingCalendar(IReadOnlySet<DateOnly> holidays, TimeZoneInfo? zone = null)
{
    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>The SLA deadline: <paramref name="workingDays"/> working days after <paramref name="createdUtc"/>, at the same local time.</summary>
    public DateTime AddWorkingDays(DateTime createdUtc, int workingDays)
    {
        var tz = zone ?? AstanaClock.Zone;
        var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(createdUtc, DateTimeKind.Utc)), tz);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var left = workingDays; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) left--;
        }
        var due = day.ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        return new DateTimeOffset(due, tz.GetUtcOffset(due)).UtcDateTime;
    }
}
