using IKomek.Dashboard.Features.CitySystems.Alerts;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.CitySystems;

public static class CitySystemsFeature
{
    /// <summary>The city's other systems: their alert rules' evaluator (on the change feed and every minute), the
    /// alerts' reads and the rules' editor.</summary>
    public static IServiceCollection AddCitySystems(this IServiceCollection services) => services
        .AddSingleton<AlertEvaluator>()
        .AddSingleton<AlertQueries>()
        .AddSingleton<AlertRuleWriter>()
        .AddHostedService<AlertListener>()
        .AddScheduledJob<AlertSweepJob>(AlertSweepJob.Schedule);
}
