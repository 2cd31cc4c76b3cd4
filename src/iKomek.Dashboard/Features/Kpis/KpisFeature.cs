using IKomek.Dashboard.Platform.Jobs;
using IKomek.Dashboard.Features.Kpis.Entry;

namespace IKomek.Dashboard.Features.Kpis;

public static class KpisFeature
{
    public static IServiceCollection AddKpis(this IServiceCollection services) => services
        .AddSingleton<KpisQueries>()
        .AddScheduledJob<KpiRecountJob>(KpiRecountJob.Schedule)
        .AddKpiEntry();
}
