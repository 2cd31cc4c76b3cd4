using IKomek.Dashboard.Features.Projects.Card;

namespace IKomek.Dashboard.Features.Projects;

public static class ProjectsFeature
{
    public static IServiceCollection AddProjects(this IServiceCollection services) => services
        .AddSingleton<ProjectsQueries>()
        .AddSingleton<ProjectCardQueries>();

    public static void MapProjects(this WebApplication app) => app.MapProjectPhotos();
}
