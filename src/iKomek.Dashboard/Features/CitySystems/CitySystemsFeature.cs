using IKomek.Dashboard.Features.CitySystems.Panels;

namespace IKomek.Dashboard.Features.CitySystems;

public static class CitySystemsFeature
{
    /// <summary>The city's other systems: the panels' reads and the personal-data rule of their pages.</summary>
    public static IServiceCollection AddCitySystems(this IServiceCollection services) => services
        .AddSingleton<PanelsQueries>()
        .AddSingleton<PersonalView>()
        .AddOptions<MapOptions>().BindConfiguration(MapOptions.Section).Services;
}
