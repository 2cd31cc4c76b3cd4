using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Features.CitySystems.Panels;

/// <summary>How fresh a system's data is, in words: "data 12 min ago, at 14:03", or "no data since 07.12.2026 09:00"
/// once it is silent past its limit, in Astana time.</summary>
public static class SystemFreshness
{
    public static string Describe(Texts t, SystemStatus system, DateTimeOffset now)
    {
        if (system.LastAt is not { } last) return t["systems.noData"];
        var at = AstanaClock.ToLocal(last);
        if (system.IsStale(now)) return t.Format("systems.noDataSince", at);
        // A time alone reads as today's: an older one carries its date.
        return t.Format(at.Date == now.Date ? "systems.dataAgo" : "systems.dataAgoDate", Ago(t, now - at), at);
    }

    public static string Ago(Texts t, TimeSpan span) => span switch
    {
        { TotalMinutes: < 90 } => t.Format("systems.minutes", Math.Max(0, Math.Floor(span.TotalMinutes))),
        { TotalHours: < 48 } => t.Format("systems.hours", Math.Floor(span.TotalHours)),
        _ => t.Format("systems.days", Math.Floor(span.TotalDays)),
    };
}
