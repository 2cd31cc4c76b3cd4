using IKomek.Dashboard.Features.DemoCity.OtherCities;
using IKomek.Dashboard.Platform.Cli;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.DemoCity;

public static class DemoCityFeature
{
    /// <summary>The demo city's verbs (its first-start seeding is part of the database start-up, DemoCityStartup) and
    /// the job that lets its systemic problems live their lifecycle.</summary>
    public static IServiceCollection AddDemoCity(this IServiceCollection services) => services
        .AddScheduledJob<DemoProblemsJob>(DemoProblemsJob.Schedule)
        .AddVerb<SeedVerb>()
        .AddVerb<SimulateVerb>()
        .AddVerb<DemoExportVerb>();
}
