using IKomek.Dashboard.Features.CitySystems.Alerts;
using IKomek.Dashboard.Features.CitySystems.Demo;
using IKomek.Dashboard.Features.CitySystems.Intake;
using IKomek.Dashboard.Features.CitySystems.Panels;
using IKomek.Dashboard.Platform.Cli;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.CitySystems;

public static class CitySystemsFeature
{
    /// <summary>The city's other systems (registers and feeds): their intake (catalogue, checks, writer, API, keys), the
    /// alert rules' evaluator (on the change feed and every minute), the alerts' reads, the rules' editor, the panels' reads with the personal-data rule of
    /// their pages, and the demo city's simulator.</summary>
    public static IServiceCollection AddCitySystems(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddSingleton(configuration.GetSection(SystemsIntakeOptions.Section).Get<SystemsIntakeOptions>() ?? new SystemsIntakeOptions())
            .AddSingleton<SystemCatalogue>()
            .AddSingleton<SystemsWriter>()
            .AddSingleton<SystemsIntake>()
            .AddSingleton<SystemSources>()
            .AddSingleton<SystemsCsvImport>()
            .AddVerb<SystemKeyVerb>()
            .AddSingleton<AlertEvaluator>()
            .AddSingleton<AlertQueries>()
            .AddSingleton<AlertRuleWriter>()
            .AddHostedService<AlertListener>()
            .AddScheduledJob<AlertSweepJob>(AlertSweepJob.Schedule)
            .AddSingleton<PanelsQueries>()
            .AddSingleton<PersonalView>()
            .AddOptions<MapOptions>().BindConfiguration(MapOptions.Section);
        // The demo city's feeds streamed live (City:Systems:Simulate=true).
        var simulator = configuration.GetSection(SystemsSimulatorOptions.Section).Get<SystemsSimulatorOptions>() ?? new SystemsSimulatorOptions();
        if (simulator.Simulate) services.AddSingleton(simulator).AddHostedService<SystemsSimulator>();
        return services;
    }

    public static void MapCitySystems(this WebApplication app) => app.MapSystemsApi();
}
