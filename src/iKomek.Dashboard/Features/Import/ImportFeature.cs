using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.Import;

public static class ImportFeature
{
    /// <summary>CSV import of historical appeals (the page and the import verb share the importer), and the verb.</summary>
    public static IServiceCollection AddImport(this IServiceCollection services) => services
        .AddSingleton<AppealImporter>()
        .AddSingleton<ImportQueries>()
        .AddSingleton<ImportRuns>()
        .AddHostedService(sp => sp.GetRequiredService<ImportRuns>())
        .AddVerb<ImportVerb>();
}
