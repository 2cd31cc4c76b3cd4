using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.CityProfiles;

public static class CityProfilesFeature
{
    /// <summary>The city profile's verb (the profile itself is the platform's: Platform/City/CityProfile.cs).</summary>
    public static IServiceCollection AddCityProfiles(this IServiceCollection services) => services.AddVerb<ProfileVerb>();
}
