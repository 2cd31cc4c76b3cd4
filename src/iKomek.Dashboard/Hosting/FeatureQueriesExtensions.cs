using IKomek.Dashboard.Data;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.Live;

namespace IKomek.Dashboard.Hosting;

public static class FeatureQueriesExtensions
{
    /// <summary>Each feature's read side: stateless query classes over the one data source.</summary>
    public static IServiceCollection AddFeatureQueries(this IServiceCollection services) => services
        .AddSingleton<CityReference>()
        .AddSingleton<LiveQueries>()
        .AddSingleton<AppealsQueries>();
}
