using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Digests;

public static class DigestsFeature
{
    /// <summary>The scheduled digests: their contents, the person's subscriptions, the sender and its three jobs.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton(configuration.GetSection(DigestOptions.Section).Get<DigestOptions>()
            ?? new DigestOptions { PanelUrl = configuration["Urls"]?.Split(';')[0] ?? new DigestOptions().PanelUrl })
        .AddSingleton<DigestQueries>()
        .AddSingleton<DigestSubscriptions>()
        .AddSingleton<DigestSender>()
        .AddScheduledJob<DigestJob>(DigestJob.Daily, DigestJob.Weekly, DigestJob.Monthly);
}
