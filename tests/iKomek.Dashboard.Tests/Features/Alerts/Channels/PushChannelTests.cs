using Dapper;
using IKomek.Dashboard.Features.Alerts.Channels;
using IKomek.Dashboard.Platform.Notify;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace IKomek.Dashboard.Tests.Features.Alerts.Channels;

/// <summary>Web Push against a local push service that checks the VAPID signature and decrypts the payload with the
/// subscription's keys, as the browsers' push services do; the panel's VAPID keys kept in the database.</summary>
public sealed class PushChannelTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    private static readonly PushOptions Configured = new() { Subject = "mailto:ops@ikomek109.kz" };

    private async Task<(PushChannel Channel, LocalPushService Service)> StartAsync()
    {
        var keys = ChannelsTestBed.Vapid(db.DataSource, Configured);
        var service = await LocalPushService.StartAsync((await keys.GetAsync()).Public);
        return (new PushChannel(ChannelsTestBed.Http, keys, Options.Create(Configured)), service);
    }

    private static NotifyEndpoint Endpoint((string Endpoint, string P256dh, string Auth) s) =>
        new(1, "akim", NotifyChannels.Push, s.Endpoint, $$"""{"p256dh":"{{s.P256dh}}","auth":"{{s.Auth}}"}""");

    [Fact]
    public async Task Send_ArrivesDecryptedAtThePushService_WithTheMessagesText()
    {
        var (channel, service) = await StartAsync();
        await using var _ = service;
        var to = Endpoint(service.Subscribe());

        var result = await channel.SendAsync(to, ChannelsTestBed.Message(), CancellationToken.None);

        Assert.Empty(service.Refused);
        Assert.True(result.Outcome == DeliveryOutcome.Sent, result.Error);
        var got = Assert.Single(service.Received).Payload;
        Assert.Equal("Авария на теплотрассе: ул. Кенесары, 40", got.GetProperty("title").GetString());
        Assert.Equal("Без отопления 12 домов <и школа> & детсад", got.GetProperty("body").GetString());
        Assert.Equal("https://panel.test/appeals/123", got.GetProperty("url").GetString());
        Assert.Equal("https://panel.test/alerts/ack/abc", got.GetProperty("ack").GetString());
        Assert.False(got.GetProperty("critical").GetBoolean());
        // Normal is the protocol's default: the header may be left out.
        Assert.Contains(Assert.Single(service.Received).Urgency, new[] { "", "normal" });
        Assert.Equal("14400", Assert.Single(service.Received).Ttl);
    }

    [Fact]
    public async Task Send_Critical_GoesWithHighUrgencyAndADaysTimeToLive()
    {
        var (channel, service) = await StartAsync();
        await using var _ = service;

        Assert.Equal(DeliveryOutcome.Sent, (await channel.SendAsync(Endpoint(service.Subscribe()), ChannelsTestBed.Message(critical: true), CancellationToken.None)).Outcome);

        var got = Assert.Single(service.Received);
        Assert.True(got.Payload.GetProperty("critical").GetBoolean());
        Assert.Equal("high", got.Urgency);
        Assert.Equal("86400", got.Ttl);
    }

    [Theory]
    [InlineData(410, DeliveryOutcome.Gone)]
    [InlineData(404, DeliveryOutcome.Gone)]
    [InlineData(503, DeliveryOutcome.Retry)]
    [InlineData(429, DeliveryOutcome.Retry)]
    [InlineData(500, DeliveryOutcome.Retry)]
    public async Task Send_ThePushServicesAnswer_DecidesGoneOrRetry(int status, DeliveryOutcome expected)
    {
        var (channel, service) = await StartAsync();
        await using var _ = service;
        var subscription = service.Subscribe();
        service.Answer(subscription.Endpoint, status);

        var result = await channel.SendAsync(Endpoint(subscription), ChannelsTestBed.Message(), CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Error);
        Assert.Empty(service.Received);
    }

    [Fact]
    public async Task Send_ToAServiceThatIsNotThere_IsRetriedLater()
    {
        var (channel, service) = await StartAsync();
        var subscription = service.Subscribe();
        await service.DisposeAsync();

        var result = await channel.SendAsync(Endpoint(subscription), ChannelsTestBed.Message(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retry, result.Outcome);
    }

    [Fact]
    public async Task Send_SignedWithAnotherKey_IsRefusedByTheService()
    {
        var keys = ChannelsTestBed.Vapid(db.DataSource, Configured);
        await using var service = await LocalPushService.StartAsync(VapidKeys.Generate().Public);
        var channel = new PushChannel(ChannelsTestBed.Http, keys, Options.Create(Configured));

        var result = await channel.SendAsync(Endpoint(service.Subscribe()), ChannelsTestBed.Message(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retry, result.Outcome);
        Assert.Equal("another public key", Assert.Single(service.Refused));
    }

    [Fact]
    public async Task Send_WithoutKeys_IsGone()
    {
        var (channel, service) = await StartAsync();
        await using var _ = service;

        var result = await channel.SendAsync(new NotifyEndpoint(1, "akim", NotifyChannels.Push, service.Subscribe().Endpoint, "{}"),
            ChannelsTestBed.Message(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Gone, result.Outcome);
    }

    [Fact]
    public async Task VapidKeys_AreMadeOnce_KeptEncrypted_AndReadByEveryNode()
    {
        var first = await ChannelsTestBed.Vapid(db.DataSource).GetAsync();
        var second = await ChannelsTestBed.Vapid(db.DataSource).GetAsync();

        Assert.Equal(first, second);
        Assert.Equal(65, Convert.FromBase64String(Pad(first.Public)).Length);
        Assert.Equal(32, Convert.FromBase64String(Pad(first.Private)).Length);
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var stored = await conn.QuerySingleAsync<(string Public, string Private)>("SELECT public_key, private_key FROM notify_push_keys");
        Assert.Equal(first.Public, stored.Public);
        Assert.NotEqual(first.Private, stored.Private);
    }

    [Fact]
    public async Task Send_WhenTheStoredKeyCannotBeRead_IsRetriedWithTheReason()
    {
        await ChannelsTestBed.Vapid(db.DataSource).GetAsync();
        var keys = ChannelsTestBed.Vapid(db.DataSource, protection: new EphemeralDataProtectionProvider());
        await using var service = await LocalPushService.StartAsync(VapidKeys.Generate().Public);
        var channel = new PushChannel(ChannelsTestBed.Http, keys, Options.Create(Configured));

        var result = await channel.SendAsync(Endpoint(service.Subscribe()), ChannelsTestBed.Message(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retry, result.Outcome);
        Assert.Contains("Push:PrivateKey", result.Error);
        Assert.Empty(service.Received);
    }

    [Fact]
    public async Task VapidKeys_Configured_TakePrecedence()
    {
        var pair = VapidKeys.Generate();

        var keys = await ChannelsTestBed.Vapid(db.DataSource, new PushOptions { PublicKey = pair.Public, PrivateKey = pair.Private }).GetAsync();

        Assert.Equal(pair, keys);
    }

    private static string Pad(string b64Url)
    {
        var b = b64Url.Replace('-', '+').Replace('_', '/');
        return b.PadRight(b.Length + (4 - b.Length % 4) % 4, '=');
    }
}
