using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Appeals;

public static class AppealsFeature
{
    /// <summary>The explorer, an appeal's lifecycle, and the SLA sweep that marks appeals overdue.</summary>
    public static IServiceCollection AddAppeals(this IServiceCollection services) => services
        .AddSingleton<AppealsQueries>()
        .AddSingleton<AppealLifecycle>()
        .AddScheduledJob<SlaSweepJob>(SlaSweepJob.Schedule);

    public static void MapAppeals(this WebApplication app) => app.MapAppealsExport();
}
