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
    long AnsweredMonth,
    IReadOnlyList<SystemIncident>? SystemIncidents = null);

/// <summary>A count under a reference id (channel, district, area, department).</summary>
public sealed record CountByKey(int Id, long Count);

/// <summary>Appeals per local hour today against the average of the last four same weekdays.</summary>
public sealed record HourlyPoint(int Hour, long Today, double Typical);

/// <summary>A critical incident: its first report, and how many reports of it (repeats included) came in 24 hours.</summary>
public sealed record CriticalIncident(long Id, string RegNumber, DateTime CreatedAt, int ServiceTypeId, int DistrictId, string? Address, string Status,
    long Reports, DateTime LastReportAt);

/// <summary>
/// A city system's open alert as an incident (v_city_systems_incidents): its rule, district and object (no object for a
/// personal system), and the citizens' appeals and systemic problems at its place, which it stands for.
/// </summary>
public sealed record SystemIncident
{
    public long Id { get; init; }
    public string SystemCode { get; init; } = "";
    public string RuleCode { get; init; } = "";
    public string NameRu { get; init; } = "";
    public string NameKk { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string Severity { get; init; } = "critical";
    public bool RaisesStatus { get; init; }
    public DateTime OpenedAt { get; init; }
    public int? DistrictId { get; init; }
    /// <summary>The object's name; null for a personal system.</summary>
    public string? ObjectName { get; init; }
    public long[] AppealIds { get; init; } = [];
    public string? FirstRegNumber { get; init; }
    /// <summary>The latest report: the alert's opening or the latest appeal joined.</summary>
    public DateTime LastAt { get; init; }
    /// <summary>Joined appeals that are open critical first reports: counted in the status once, with the alert.</summary>
    public int OpenCriticalAppeals { get; init; }
    public long[] ProblemIds { get; init; } = [];

    /// <summary>Reports of the incident: the sensor's and each citizen's.</summary>
    public int Reports => 1 + AppealIds.Length;
}

/// <summary>
/// The city's status from 1 (normal) to 5 (emergency), from the critical incidents in progress: open critical appeals
/// counted once per incident (repeat reports of one incident do not raise the level).
/// </summary>
public static class CityStatus
{
    /// <summary>Lowest incident count of levels 2, 3, 4 and 5.</summary>
    public static readonly int[] Thresholds = [5, 15, 30, 60];

    public static int Level(long openCriticalIncidents) => 1 + Thresholds.Count(t => openCriticalIncidents >= t);

    /// <summary>
    /// Incidents in progress: open critical appeals, and the city systems' alerts whose rule raises the status, each
    /// alert counted once with the open critical appeals it stands for.
    /// </summary>
    public static long Incidents(long openCriticalAppeals, IEnumerable<SystemIncident> alerts)
    {
        var raising = alerts.Where(a => a.RaisesStatus).ToList();
        return Math.Max(0, openCriticalAppeals - raising.Sum(a => (long)a.OpenCriticalAppeals)) + raising.Count;
    }
}
