namespace IKomek.Dashboard.Features.Live;

/// <summary>Everything the live panel shows, read in one round trip.</summary>
/// <param name="AppealsMonth">Appeals this month: the sample of the month's first-contact share.</param>
/// <param name="AnsweredMonth">Appeals answered this month: the sample of the answer time.</param>
/// <param name="ByArea">Today's appeals of every area, most first (the panel shows the first few, a deputy's own first).</param>
/// <param name="OverdueByDepartment">Overdue appeals of every department, most first (shown as <paramref name="ByArea"/>).</param>
public sealed record LiveSnapshot(
    DateTimeOffset AsOf,
    long AppealsToday,
    double TypicalByNow,
    double? FirstCallToday,
    double? FirstCallMonth,
    long OpenNow,
    long OverdueNow,
    long OpenCriticalIncidents,
    double? AnswerWorkingDaysMonth,
    IReadOnlyList<CountByKey> ByChannel,
    IReadOnlyList<CountByKey> ByDistrict,
    IReadOnlyList<CountByKey> ByArea,
    IReadOnlyList<CountByKey> TopServiceTypes,
    IReadOnlyList<CountByKey> OverdueByDepartment,
    IReadOnlyList<HourlyPoint> Hourly,
    IReadOnlyList<CriticalIncident> CriticalIncidents,
    long AppealsMonth,
    long AnsweredMonth);

/// <summary>A count under a reference id (channel, district, area, department).</summary>
public sealed record CountByKey(int Id, long Count);

/// <summary>Appeals per local hour today against the average of the last four same weekdays.</summary>
public sealed record HourlyPoint(int Hour, long Today, double Typical);

/// <summary>A critical incident: its first report, and how many reports of it (repeats included) came in 24 hours.</summary>
public sealed record CriticalIncident(long Id, string RegNumber, DateTime CreatedAt, int ServiceTypeId, int DistrictId, string? Address, string Status,
    long Reports, DateTime LastReportAt);

/// <summary>
/// The city's status from 1 (normal) to 5 (emergency), from the critical incidents in progress: open critical appeals
/// counted once per incident (repeat reports of one incident do not raise the level).
/// </summary>
public static class CityStatus
{
    /// <summary>Lowest incident count of levels 2, 3, 4 and 5.</summary>
    public static readonly int[] Thresholds = [5, 15, 30, 60];

    public static int Level(long openCriticalIncidents) => 1 + Thresholds.Count(t => openCriticalIncidents >= t);
}
