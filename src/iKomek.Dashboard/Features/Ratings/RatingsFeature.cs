namespace IKomek.Dashboard.Features.Ratings;

public static class RatingsFeature
{
    public static IServiceCollection AddRatings(this IServiceCollection services) => services.AddSingleton<RatingsQueries>();
}
