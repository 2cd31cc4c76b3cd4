namespace IKomek.Dashboard.Features.Administration;

public static class AdministrationFeature
{
    public static IServiceCollection AddAdministration(this IServiceCollection services) => services.AddSingleton<AdministrationQueries>();
}
