using IKomek.Dashboard.Live;

namespace IKomek.Dashboard.Hosting;

public static class LiveUpdatesExtensions
{
    /// <summary>The change feed: one LISTEN connection per node and the in-process bus panels subscribe to.</summary>
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services) => services
        .AddSingleton<ChangeFeed>()
        .AddHostedService<ChangeFeedListener>();
}
