using System.Net;
using IKomek.Dashboard.Platform.Jobs;
using IKomek.Dashboard.Platform.Notify;
using Microsoft.AspNetCore.Mvc;

namespace IKomek.Dashboard.Features.Alerts.Channels;

public static class ChannelsFeature
{
    public const string ConfirmRoute = "/" + EmailEndpoints.ConfirmPath + "{code}";

    /// <summary>The Web Push and Telegram channels (the alerts' delivery calls them as <see cref="IOutboundChannel"/>s),
    /// a person's endpoints and their page, the e-mail addresses' confirmation, and the Telegram links' job.</summary>
    public static IServiceCollection AddAlertChannels(this IServiceCollection services)
    {
        services.AddOptions<PushOptions>().BindConfiguration(PushOptions.Section);
        // A token as @BotFather gives it ("123456789:AA..."): a mistyped one stops the app, not every minute's job.
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.BotToken) || System.Text.RegularExpressions.Regex.IsMatch(o.BotToken, @"^\d+:[A-Za-z0-9_-]+$"),
                "Telegram:BotToken is not a bot token (digits, a colon, then letters, digits, _ and -): see docs/notifications.md")
            .ValidateOnStart();
        // Own clients: a push service or the Bot API that hangs holds neither the other nor the app's other calls.
        services.AddHttpClient(PushChannel.HttpClientName);
        services.AddHttpClient(TelegramBot.HttpClientName);
        return services
            .AddSingleton<VapidKeys>()
            .AddSingleton<TelegramBot>()
            .AddSingleton<IOutboundChannel, PushChannel>()
            .AddSingleton<IOutboundChannel, TelegramChannel>()
            .AddSingleton<ChannelEndpoints>()
            .AddSingleton<EmailEndpoints>()
            .AddSingleton<TelegramLinks>()
            .AddSingleton<TestMessages>()
            .AddScheduledJob<TelegramPollJob>(TelegramPollJob.Schedule);
    }

    /// <summary>POST of an e-mail address's confirmation (the form on its link's page, with its antiforgery token): the
    /// page then says whether it worked.</summary>
    public static void MapAlertChannels(this WebApplication app) =>
        app.MapPost(ConfirmRoute, async (string code, [FromForm] string? confirm, HttpContext http, EmailEndpoints emails) =>
        {
            var done = await emails.ConfirmAsync(code, http.Connection.RemoteIpAddress, http.RequestAborted);
            return Results.LocalRedirect($"/{EmailEndpoints.ConfirmPath}{WebUtility.UrlEncode(code)}?result={(done ? "done" : "invalid")}");
        });
}
