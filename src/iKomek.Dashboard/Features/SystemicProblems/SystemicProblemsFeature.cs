using IKomek.Dashboard.Platform.Cli;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.SystemicProblems;

public static class SystemicProblemsFeature
{
    /// <summary>The problems' read model and lifecycle, the mining jobs (every ten minutes, and in full nightly) and the mine verb.</summary>
    public static IServiceCollection AddSystemicProblems(this IServiceCollection services) => services
        .AddSingleton<SystemicProblemsQueries>()
        .AddSingleton<SystemicMining>()
        .AddSingleton<ProblemLifecycle>()
        .AddScheduledJob<SystemicMiningJob>(SystemicMiningJob.Incremental, SystemicMiningJob.Full)
        .AddVerb<MineVerb>();

    public static void MapSystemicProblems(this WebApplication app) => app.MapProblemExport();
}
