using System.Globalization;

namespace IKomek.Dashboard.Features.Kpis;

/// <summary>
/// The appeals explorer's address for the appeals behind a computed KPI's period: the KPI's department, and the
/// explorer's shortest period that holds the whole period (this month, or counting back from today 90 or 365 days,
/// or all).
/// The overdue count opens the department's appeals overdue now. Null for a KPI not counted from the appeals.
/// </summary>
public static class KpiAppealsLink
{
    private static readonly string[] AppealMeasures = ["appeals_on_time", "first_call_resolution", "overdue_open", "repeat_appeals"];
    private static readonly int[] ExplorerDays = [90, 365];

    public static bool CountsAppeals(string? measure) => measure is not null && AppealMeasures.Contains(measure);

    public static string? For(KpiStanding kpi, DateOnly periodStart, DateOnly today)
    {
        if (!CountsAppeals(kpi.Measure)) return null;
        var department = kpi.DepartmentId.ToString(CultureInfo.InvariantCulture);
        if (kpi.Measure == "overdue_open") return $"/appeals?department={department}&period=all&overdue=true";
        if (periodStart == new DateOnly(today.Year, today.Month, 1)) return $"/appeals?department={department}&period=month";
        var days = today.DayNumber - periodStart.DayNumber + 1;
        var fit = ExplorerDays.FirstOrDefault(d => d >= days);
        var period = fit > 0 ? fit.ToString(CultureInfo.InvariantCulture) : "all";
        return $"/appeals?department={department}&period={period}";
    }
}
