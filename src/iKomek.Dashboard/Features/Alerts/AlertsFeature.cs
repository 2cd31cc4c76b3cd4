using IKomek.Dashboard.Features.Alerts.Channels;
using IKomek.Dashboard.Platform.Jobs;
using IKomek.Dashboard.Platform.Notify;

namespace IKomek.Dashboard.Features.Alerts;

public static class AlertsFeature
{
    /// <summary>Alerts to leaders (README.md of this folder): the sources raised on the change feed and swept every
    /// minute, the fan-out, the delivery job and its prompt trigger, the e-mail channel, acknowledgement, escalation, a
    /// person's subscriptions and the office log's reads.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.Section)
            .Validate(o => { o.Validate(); return true; }).ValidateOnStart();
        return services
            .AddSingleton<AlertRaiser>()
            .AddSingleton<AlertDelivery>()
            .AddSingleton<DeliveryTrigger>()
            .AddSingleton<AlertAcks>()
            .AddSingleton<AlertSubscriptions>()
            .AddSingleton<AlertsQueries>()
            .AddSingleton<IOutboundChannel, EmailChannel>()
            .AddHostedService<AlertSourcesListener>()
            .AddScheduledJob<AlertsSweepJob>(AlertsSweepJob.Schedule)
            .AddScheduledJob<AlertsDeliveryJob>(AlertsDeliveryJob.Schedule);
    }

    public static void MapAlerts(this WebApplication app) => app.MapAlertAcks();
}
