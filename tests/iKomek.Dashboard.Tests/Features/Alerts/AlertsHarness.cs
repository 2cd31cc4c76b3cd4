using Dapper;
using IKomek.Dashboard.Features.Alerts;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Notify;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.Alerts;

/// <summary>The alerts feature wired as the app wires it (AddAlerts), on a test database, a clock the test moves, and a
/// local SMTP server; extra channels stand in for services that are down.</summary>
public sealed class AlertsHarness : IAsyncDisposable
{
    public const string BaseUrl = "https://panel.test.kz";

    private readonly ServiceProvider _services;
    private static int _appeals;

    public AlertsHarness(NpgsqlDataSource db, SmtpReceiver smtp, TestClock.ManualClock clock, params IOutboundChannel[] extraChannels)
    {
        Db = db;
        Clock = clock;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:PublicBaseUrl"] = BaseUrl,
            ["Alerts:EscalateAfter"] = "00:15:00",
            ["Alerts:RetryFirst"] = "00:00:30",
            ["Alerts:RetryMax"] = "00:30:00",
            ["Alerts:MaxAttempts"] = "4",
            ["Alerts:SendTimeout"] = "00:00:05",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(db)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IMailSender>(new SmtpMailSender(Options.Create(smtp.Options)));
        services.AddAlerts();
        foreach (var channel in extraChannels) services.AddSingleton(channel);
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>A clock the test moves, a whole second past the city's now (after the appeals just registered; whole
    /// seconds, so that times read back from PostgreSQL compare equal).</summary>
    public static TestClock.ManualClock ClockAfterNow(DemoCityDatabase city)
    {
        var now = city.Clock.GetUtcNow().AddSeconds(1);
        return new TestClock.ManualClock(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
    }

    public NpgsqlDataSource Db { get; }
    public TestClock.ManualClock Clock { get; }
    public AlertRaiser Raiser => _services.GetRequiredService<AlertRaiser>();
    public AlertDelivery Delivery => _services.GetRequiredService<AlertDelivery>();
    public AlertAcks Acks => _services.GetRequiredService<AlertAcks>();
    public AlertSubscriptions Subscriptions => _services.GetRequiredService<AlertSubscriptions>();
    public AlertsQueries Queries => _services.GetRequiredService<AlertsQueries>();

    /// <summary>No alerts, deliveries, subscriptions or endpoints (the demo city's leaders have some).</summary>
    public static async Task ResetAsync(NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("DELETE FROM alert_deliveries; DELETE FROM alerts; DELETE FROM alert_subscriptions; DELETE FROM notify_endpoints;");
        // The demo city's own critical appeals of the last hours made ordinary: a test's alerts are then the only ones.
        await conn.ExecuteAsync("UPDATE appeals SET is_critical = false WHERE is_critical AND created_at > city_now() - interval '3 hours'");
    }

    /// <summary>A confirmed endpoint of <paramref name="login"/> and a subscription to it, saved as the person would.</summary>
    public async Task SubscribeAsync(string login, string[] kinds, short level = 1, string[]? channels = null,
        TimeSpan? quietFrom = null, TimeSpan? quietTo = null, short[]? areas = null)
    {
        channels ??= [NotifyChannels.Email];
        await using (var conn = await Db.OpenConnectionAsync())
        {
            foreach (var channel in channels)
                await conn.ExecuteAsync("""
                    INSERT INTO notify_endpoints (login, channel, address, keys, created_at, confirmed_at)
                    VALUES (@login, @channel, @address, @keys::jsonb, now(), now()) ON CONFLICT DO NOTHING
                    """, new
                    {
                        login, channel, address = channel == NotifyChannels.Email ? $"{login}@test.kz" : login + "-" + channel,
                        keys = channel == NotifyChannels.Push ? """{"p256dh": "k", "auth": "a"}""" : null,
                    });
        }
        var existing = (await Subscriptions.GetAsync(login)) is { Suggested: false } mine ? mine.Items : [];
        await Subscriptions.SaveAsync(login, new Actor(login, "test"),
            [.. existing, new AlertSubscription(kinds, null, areas, channels, quietFrom, quietTo, level, true)]);
    }

    /// <summary>An open critical appeal of the energy department, first of its incident, registered now.</summary>
    public static async Task<(long Id, string RegNumber)> CriticalEnergyAppealAsync(DemoCityDatabase city)
    {
        // A kilometre or more from the previous one: each is an incident of its own, not a repeat report.
        var lat = 51.05 + Interlocked.Increment(ref _appeals) * 0.012;
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var type = await conn.QueryFirstAsync<int>("""
            SELECT st.id FROM service_types st JOIN departments d ON d.id = st.department_id
            WHERE d.code = 'energy' AND st.is_critical ORDER BY st.id
            """);
        await using var intake = city.NewIntake();
        var result = await intake.RegisterAsync(new IKomek.Dashboard.Features.Intake.NewAppeal(
            "Нет электричества во всём доме, лифт остановился", type, 1, lat, 71.43));
        Assert.Null(result.DuplicateOf);
        return (result.AppealId, result.RegNumber);
    }

    public async Task<long> AlertIdAsync(string sourceKey)
    {
        await using var conn = await Db.OpenConnectionAsync();
        return await conn.QuerySingleAsync<long>("SELECT id FROM alerts WHERE source_key = @sourceKey", new { sourceKey });
    }

    /// <summary>The e-mail about one appeal (other alerts of the demo city's last hour may arrive too).</summary>
    public static async Task<MimeKit.MimeMessage> MailAboutAsync(SmtpReceiver smtp, string regNumber)
    {
        MimeKit.MimeMessage? found = null;
        await EventuallyAsync(() => Task.FromResult((found = smtp.Received.FirstOrDefault(m => m.TextBody?.Contains("/appeals/" + regNumber) == true)) is not null),
            "the e-mail about " + regNumber);
        return found!;
    }

    public async Task<IReadOnlyList<AlertDeliveryRow>> DeliveriesAsync(long alertId) => await Queries.GetDeliveriesAsync(alertId);

    /// <summary>Waits for a state the app reaches on its own (the prompt delivery after a fan-out); not a timing assertion.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what);
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
