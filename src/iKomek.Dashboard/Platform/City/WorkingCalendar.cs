
namespace IKomek.Dashboard.Platform.City;

/// <summary>Kazakhstan's working days: weekends and the public holidays of the <c>holidays</c> table are skipped.</summary>
public sealed class WorkingCalendar(IReadOnlySet<DateOnly> holidays)
{
    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>The SLA deadline: <paramref name="workingDays"/> working days after <paramref name="createdUtc"/>, at the same local time.</summary>
    public DateTime AddWorkingDays(DateTime createdUtc, int workingDays)
    {
        var local = AstanaClock.ToLocal(createdUtc);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var left = workingDays; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) left--;
        }
        var due = day.ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        return new DateTimeOffset(due, AstanaClock.Zone.GetUtcOffset(due)).UtcDateTime;
    }
}
