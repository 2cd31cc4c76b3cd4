using IKomek.Dashboard.Data;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Features.Intake.Open311;
using IKomek.Dashboard.Features.Jobs;
using IKomek.Dashboard.Features.Administration;
using IKomek.Dashboard.Features.Kpis;
using IKomek.Dashboard.Features.Live;
using IKomek.Dashboard.Features.Projects;
using IKomek.Dashboard.Features.Ratings;
using IKomek.Dashboard.Features.SystemicProblems;

namespace IKomek.Dashboard.Hosting;

public static class FeatureQueriesExtensions
{
    /// <summary>Each feature's services: stateless query classes over the one data source, intake, and each feature's
    /// scheduled jobs (the job beside its schedule).</summary>
    public static IServiceCollection AddFeatureQueries(this IServiceCollection services) => services
        .AddSingleton<CityReference>()
        .AddSingleton<LiveQueries>()
        .AddSingleton<AppealsQueries>()
        .AddSingleton<AppealLifecycle>()
        .AddScheduledJob<SlaSweepJob>(SlaSweepJob.Schedule)
        .AddSingleton<SystemicProblemsQueries>()
        .AddSingleton<SystemicMining>()
        .AddScheduledJob<SystemicMiningJob>(SystemicMiningJob.Incremental, SystemicMiningJob.Full)
        .AddSingleton<ProblemLifecycle>()
        .AddSingleton<RatingsQueries>()
        .AddSingleton<ProjectsQueries>()
        .AddSingleton<KpisQueries>()
        .AddSingleton<AdministrationQueries>()
        .AddSingleton<Open311Queries>()
        .AddClassification()
        .AddSingleton<RoutingTable>()
        .AddSingleton<AppealIntake>()
        .AddSingleton<AppealImporter>()
        .AddSingleton<ImportQueries>();
}
