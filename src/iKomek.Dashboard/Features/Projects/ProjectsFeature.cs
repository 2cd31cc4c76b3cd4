using IKomek.Dashboard.Platform.Cli;
using IKomek.Dashboard.Features.Projects.Card;
using IKomek.Dashboard.Features.Projects.Editing;
using IKomek.Dashboard.Features.Projects.OpenData;
using IKomek.Dashboard.Features.Projects.Risks;

namespace IKomek.Dashboard.Features.Projects;

public static class ProjectsFeature
{
    public static IServiceCollection AddProjects(this IServiceCollection services) => services
        .AddSingleton<PortfolioQueries>()
        .AddSingleton<ProjectCardQueries>()
        .AddSingleton<RiskRegisterQueries>()
        .AddSingleton<AkimatMeetings>()
        .AddSingleton<OpenDataQueries>()
        // Editing by the project office: forms, photos, CSV import and export.
        .AddSingleton<ProjectEditor>()
        .AddSingleton<ProjectParts>()
        .AddSingleton<ProjectImporter>()
        .AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(PhotoOptions.Section).Get<PhotoOptions>() ?? new PhotoOptions())
        .AddSingleton<PhotoUploads>()
        .AddVerb<ProjectServicesVerb>();

    public static void MapProjects(this WebApplication app)
    {
        app.MapProjectPhotos();
        app.MapOpenData();
        app.MapProjectEditing();
    }
}
