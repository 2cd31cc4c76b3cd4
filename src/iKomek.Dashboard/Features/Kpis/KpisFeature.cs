using IKomek.Dashboard.Features.Kpis.Entry;

namespace IKomek.Dashboard.Features.Kpis;

public static class KpisFeature
{
    public static IServiceCollection AddKpis(this IServiceCollection services) => services
        .AddSingleton<KpisQueries>()
        .AddKpiEntry();
}
