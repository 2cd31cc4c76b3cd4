using IKomek.Dashboard.Features.Projects.Editing;

namespace IKomek.Dashboard.Features.Projects;

public static class ProjectsFeature
{
    public static IServiceCollection AddProjects(this IServiceCollection services) => services
        .AddSingleton<ProjectsQueries>()
        // Editing by the project office: forms, photos, CSV import and export.
        .AddSingleton<ProjectEditor>()
        .AddSingleton<ProjectParts>()
        .AddSingleton<ProjectImporter>()
        .AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(PhotoOptions.Section).Get<PhotoOptions>() ?? new PhotoOptions())
        .AddSingleton<PhotoUploads>();
}
