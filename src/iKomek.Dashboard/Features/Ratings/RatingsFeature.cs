using IKomek.Dashboard.Platform.Cli;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Ratings;

public static class RatingsFeature
{
    /// <summary>The stored rating's reads (the pages' too), its engine, its jobs (every minute, and in full nightly) and
    /// the weights' writer and verb.</summary>
    public static IServiceCollection AddRatings(this IServiceCollection services) => services
        .AddSingleton<RatingQueries>()
        .AddSingleton<Pages.RatingPageQueries>()
        .AddSingleton<RatingEngine>()
        .AddSingleton<RatingWeightsWriter>()
        .AddScheduledJob<RatingJob>(RatingJob.Update, RatingJob.Full)
        .AddVerb<RatingWeightsVerb>();

    public static void MapRatings(this WebApplication app) => app.MapLostPointLinks();
}
