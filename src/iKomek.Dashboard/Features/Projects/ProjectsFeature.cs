using IKomek.Dashboard.Features.Projects.Card;
using IKomek.Dashboard.Features.Projects.OpenData;
using IKomek.Dashboard.Features.Projects.Risks;

namespace IKomek.Dashboard.Features.Projects;

public static class ProjectsFeature
{
    public static IServiceCollection AddProjects(this IServiceCollection services) => services
        .AddSingleton<ProjectsQueries>()
        .AddSingleton<ProjectCardQueries>()
        .AddSingleton<RiskRegisterQueries>()
        .AddSingleton<AkimatMeetings>()
        .AddSingleton<OpenDataQueries>();

    public static void MapProjects(this WebApplication app)
    {
        app.MapProjectPhotos();
        app.MapOpenData();
    }
}
