using IKomek.Dashboard.Features.Projects.OpenData;
using IKomek.Dashboard.Features.Projects.Risks;

namespace IKomek.Dashboard.Features.Projects;

public static class ProjectsFeature
{
    public static IServiceCollection AddProjects(this IServiceCollection services) => services
        .AddSingleton<ProjectsQueries>()
        .AddSingleton<RiskRegisterQueries>()
        .AddSingleton<AkimatMeetings>()
        .AddSingleton<OpenDataQueries>();

    public static void MapProjects(this WebApplication app) => app.MapOpenData();
}
