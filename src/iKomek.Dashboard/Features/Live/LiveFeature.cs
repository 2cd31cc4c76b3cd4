namespace IKomek.Dashboard.Features.Live;

public static class LiveFeature
{
    /// <summary>The live panel's read model and the SignalR hub that carries the same changes to wall screens.</summary>
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddSignalR();
        return services
            .AddSingleton<LiveQueries>()
            .AddSingleton<LiveHubClients>()
            .AddHostedService<LiveHubBroadcaster>();
    }

    public static void MapLive(this WebApplication app) => app.MapHub<LiveHub>(LiveHub.Path);
}
