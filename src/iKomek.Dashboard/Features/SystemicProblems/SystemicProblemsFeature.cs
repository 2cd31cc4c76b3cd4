using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.SystemicProblems;

public static class SystemicProblemsFeature
{
    /// <summary>The problems' read model and lifecycle, and the mining jobs (every ten minutes, and in full nightly).</summary>
    public static IServiceCollection AddSystemicProblems(this IServiceCollection services) => services
        .AddSingleton<SystemicProblemsQueries>()
        .AddSingleton<SystemicMining>()
        .AddSingleton<ProblemLifecycle>()
        .AddScheduledJob<SystemicMiningJob>(SystemicMiningJob.Incremental, SystemicMiningJob.Full);

    public static void MapSystemicProblems(this WebApplication app) => app.MapProblemExport();
}
