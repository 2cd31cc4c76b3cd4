using Dapper;
using IKomek.Dashboard.Features.Alerts.Channels;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Notify;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.Alerts.Channels;

/// <summary>The channels' services over a test database, as the app builds them, with a person to act as.</summary>
internal static class ChannelsTestBed
{
    public static readonly IHttpClientFactory Http =
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    /// <summary>A new signed-in person of the given role (each test its own, so tests of a class share the database).</summary>
    public static async Task<Actor> PersonAsync(NpgsqlDataSource db, string role = "akim")
    {
        var login = "p" + Guid.NewGuid().ToString("N")[..10];
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("INSERT INTO users (login, display_name, role) VALUES (@login, 'Тест', @role)", new { login, role });
        return new Actor(login, role, System.Net.IPAddress.Loopback);
    }

    /// <summary>The panel's data-protection keys: one for the run, as one key ring serves every node.</summary>
    public static readonly IDataProtectionProvider Protection = new EphemeralDataProtectionProvider();

    public static VapidKeys Vapid(NpgsqlDataSource db, PushOptions? options = null, IDataProtectionProvider? protection = null) =>
        new(db, protection ?? Protection, Options.Create(options ?? new PushOptions()), TestClock.Create());

    public static TelegramBot Bot(LocalBotApi api, TimeSpan? timeout = null) => new(Http, Options.Create(new TelegramOptions
    {
        BotToken = LocalBotApi.Token, BotName = LocalBotApi.BotName, ApiBaseUrl = api.BaseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(15),
    }));

    public static OutboundMessage Message(bool critical = false) => new(
        "Авария на теплотрассе: ул. Кенесары, 40", "Без отопления 12 домов <и школа> & детсад", "https://panel.test/appeals/123",
        "https://panel.test/alerts/ack/abc", critical);
}
