using IKomek.Dashboard.Live;

namespace IKomek.Dashboard.Hosting;

public static class LiveUpdatesExtensions
{
    /// <summary>
    /// The change feed (one LISTEN connection per node and the in-process bus panels subscribe to) and the SignalR
    /// hub that carries it to wall screens and other clients.
    /// </summary>
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services)
    {
        services.AddSignalR();
        return services
            .AddSingleton<ChangeFeed>()
            .AddSingleton<LiveHubClients>()
            .AddHostedService<ChangeFeedListener>()
            .AddHostedService<LiveHubBroadcaster>();
    }

    public static void MapLiveHub(this WebApplication app) => app.MapHub<LiveHub>(LiveHub.Path);
}
