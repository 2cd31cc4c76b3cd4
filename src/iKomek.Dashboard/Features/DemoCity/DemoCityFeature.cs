using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.DemoCity;

public static class DemoCityFeature
{
    /// <summary>The demo city's verbs (its first-start seeding is part of the database start-up, DemoCityStartup).</summary>
    public static IServiceCollection AddDemoCity(this IServiceCollection services) => services
        .AddVerb<SeedVerb>()
        .AddVerb<SimulateVerb>();
}
