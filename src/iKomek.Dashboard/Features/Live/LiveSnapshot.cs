namespace IKomek.Dashboard.Features.Live;

/// <summary>Everything the live panel shows, read in one round trip.</summary>
public sealed record LiveSnapshot(
    DateTimeOffset AsOf,
    long AppealsToday,
    double TypicalByNow,
    double? FirstCallToday,
    double? FirstCallMonth,
    long OpenNow,
    long OverdueNow,
    IReadOnlyList<CountByKey> ByChannel,
    IReadOnlyList<CountByKey> ByDistrict,
    IReadOnlyList<CountByKey> TopAreas,
    IReadOnlyList<CountByKey> OverdueByDepartment,
    IReadOnlyList<HourlyPoint> Hourly,
    IReadOnlyList<CriticalIncident> CriticalIncidents);

/// <summary>A count under a reference id (channel, district, area, department).</summary>
public sealed record CountByKey(int Id, long Count);

/// <summary>Appeals per local hour today against the average of the last four same weekdays.</summary>
public sealed record HourlyPoint(int Hour, long Today, double Typical);

public sealed record CriticalIncident(long Id, string RegNumber, DateTime CreatedAt, int ServiceTypeId, int DistrictId, string? Address, string Status);
