using IKomek.Dashboard.Features.Social.Intake;
using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.Social;

public static class SocialFeature
{
    /// <summary>Social networks' posts: their intake (API with keys, CSV import, checks, placing, writer and matcher),
    /// the analysts' reads and the verbs that issue keys and import exports.</summary>
    public static IServiceCollection AddSocial(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton(configuration.GetSection(SocialIntakeOptions.Section).Get<SocialIntakeOptions>() ?? new SocialIntakeOptions())
        .AddSingleton<SocialSources>()
        .AddSingleton<SocialPlacer>()
        .AddSingleton<SocialWriter>()
        .AddSingleton<SocialIntake>()
        .AddSingleton<SocialCsvImport>()
        .AddSingleton<SocialQueries>()
        .AddVerb<SocialKeyVerb>()
        .AddVerb<SocialImportVerb>();

    public static void MapSocial(this WebApplication app) => app.MapSocialApi();
}
