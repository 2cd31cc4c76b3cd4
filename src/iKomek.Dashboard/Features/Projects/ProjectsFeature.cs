namespace IKomek.Dashboard.Features.Projects;

public static class ProjectsFeature
{
    public static IServiceCollection AddProjects(this IServiceCollection services) => services.AddSingleton<ProjectsQueries>().AddSingleton<PortfolioQueries>();
}
