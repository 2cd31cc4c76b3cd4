namespace IKomek.Dashboard.Platform.Changes;

public static class ChangeFeedExtensions
{
    /// <summary>One LISTEN connection per node and the in-process bus that live panels and the hub subscribe to.</summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services) => services
        .AddSingleton<ChangeFeed>()
        .AddHostedService<ChangeFeedListener>();
}
