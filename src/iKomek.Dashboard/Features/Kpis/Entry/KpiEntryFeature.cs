namespace IKomek.Dashboard.Features.Kpis.Entry;

public static class KpiEntryFeature
{
    /// <summary>Entry and import of KPI values, and the planning office's periods, targets and weights.</summary>
    public static IServiceCollection AddKpiEntry(this IServiceCollection services) => services
        .AddSingleton<KpiEntryQueries>()
        .AddSingleton<KpiValueEntry>()
        .AddSingleton<KpiPlanning>()
        .AddSingleton<KpiValueImporter>();
}
