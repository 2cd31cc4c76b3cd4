namespace IKomek.Dashboard.Features.Live;

/// <summary>
/// Where each number of the live panel leads: the appeals explorer with the filters that reproduce the number, one
/// click away. The explorer reads these arguments on opening (AppealsPage).
/// </summary>
public static class LiveDrill
{
    private const string Explorer = "appeals";

    /// <summary>Today's appeals, optionally of one channel, district, area or service type.</summary>
    public static string Today(string? key = null, int? id = null) => Explorer + "?period=today" + (key is null ? "" : $"&{key}={id}");

    /// <summary>This month's appeals (first-contact share of the month).</summary>
    public static string Month(string? status = null) => Explorer + "?period=month" + (status is null ? "" : $"&status={status}");

    /// <summary>Every appeal still open, whenever it came in.</summary>
    public static string Open() => Explorer + "?period=all&status=open";

    /// <summary>Open appeals past their deadline, optionally of one department.</summary>
    public static string Overdue(int? departmentId = null) =>
        Explorer + "?period=all&overdue=true" + (departmentId is null ? "" : $"&department={departmentId}");

    /// <summary>Critical incidents in progress, each counted once (first reports only): the city level's basis.</summary>
    public static string OpenCritical() => Explorer + "?period=all&status=open&critical=true&duplicates=false";

    /// <summary>Today's critical incidents, first reports only.</summary>
    public static string CriticalToday() => Explorer + "?period=today&critical=true&duplicates=false";

    /// <summary>One appeal's page (an incident's first report lists its repeats).</summary>
    public static string Appeal(string regNumber) => $"{Explorer}/{Uri.EscapeDataString(regNumber)}";

    /// <summary>A city system's page (its map, table and alerts).</summary>
    public static string System(string code) => $"systems/{Uri.EscapeDataString(code)}";
}
