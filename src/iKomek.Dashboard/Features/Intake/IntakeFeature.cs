using IKomek.Dashboard.Features.Intake.Open311;

namespace IKomek.Dashboard.Features.Intake;

public static class IntakeFeature
{
    /// <summary>The one intake path (classify, place, route, number, SLA, duplicates, group commit) and its Open311 API.</summary>
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(Open311RateLimitOptions.Section).Get<Open311RateLimitOptions>() ?? new Open311RateLimitOptions();
        if (limits.PerAddressPerMinute < 1 || limits.PerKeyPerMinute < 1 || limits.InvalidKeysPerAddressPerMinute < 1)
            throw new InvalidOperationException($"{Open311RateLimitOptions.Section}: every limit must be a whole number of requests a minute, 1 or more");
        return services
            .AddSingleton(limits)
            .AddSingleton<Open311RateLimits>()
            .AddSingleton<AppealIntake>()
            .AddSingleton<Open311Queries>();
    }

    public static void MapIntake(this WebApplication app) => app.MapOpen311();
}
