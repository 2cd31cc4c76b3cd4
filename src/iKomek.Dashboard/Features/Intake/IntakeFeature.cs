using IKomek.Dashboard.Features.Intake.Open311;

namespace IKomek.Dashboard.Features.Intake;

public static class IntakeFeature
{
    /// <summary>The one intake path (classify, place, route, number, SLA, duplicates, group commit) and its Open311 API.</summary>
    public static IServiceCollection AddIntake(this IServiceCollection services) => services
        .AddSingleton<AppealIntake>()
        .AddSingleton<Open311Queries>();

    public static void MapIntake(this WebApplication app) => app.MapOpen311();
}
