using IKomek.Dashboard.Features.CitySystems.Intake;
using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.CitySystems;

public static class CitySystemsFeature
{
    /// <summary>The city's other systems (registers and feeds): their intake (catalogue, checks, writer, API, keys).</summary>
    public static IServiceCollection AddCitySystems(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton(configuration.GetSection(SystemsIntakeOptions.Section).Get<SystemsIntakeOptions>() ?? new SystemsIntakeOptions())
        .AddSingleton<SystemCatalogue>()
        .AddSingleton<SystemsWriter>()
        .AddSingleton<SystemsIntake>()
        .AddSingleton<SystemSources>()
        .AddVerb<SystemKeyVerb>();

    public static void MapCitySystems(this WebApplication app) => app.MapSystemsApi();
}
