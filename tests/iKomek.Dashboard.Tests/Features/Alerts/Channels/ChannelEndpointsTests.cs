using IKomek.Dashboard.Features.Alerts.Channels;
using IKomek.Dashboard.Platform.Notify;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace IKomek.Dashboard.Tests.Features.Alerts.Channels;

/// <summary>A person's push subscriptions stored as theirs (checked), removed, disabled when gone, and the test message
/// through the endpoint's own channel.</summary>
public sealed class ChannelEndpointsTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    private ChannelEndpoints Endpoints => new(db.DataSource, TestClock.Create());

    private async Task<(TestMessages Tests, LocalPushService Service)> PushAsync()
    {
        var keys = ChannelsTestBed.Vapid(db.DataSource);
        var service = await LocalPushService.StartAsync((await keys.GetAsync()).Public);
        var channel = new PushChannel(ChannelsTestBed.Http, keys, Options.Create(new PushOptions()));
        return (new TestMessages(Endpoints, [channel]), service);
    }

    [Fact]
    public async Task SavePush_StoresTheSubscriptionAsThePersons_OnceForOneBrowser_AndAudits()
    {
        await using var service = await LocalPushService.StartAsync(VapidKeys.Generate().Public);
        var (endpoint, p256dh, auth) = service.Subscribe();
        var person = await ChannelsTestBed.PersonAsync(db.DataSource);

        var id = await Endpoints.SavePushAsync(person, new PushSubscriptionInput(endpoint, p256dh, auth, "Chrome · Windows"));
        var again = await Endpoints.SavePushAsync(person, new PushSubscriptionInput(endpoint, p256dh, auth, "Chrome · Windows"));

        Assert.Equal(id, again);
        var saved = Assert.Single(await Endpoints.ListAsync(person.Name));
        Assert.Equal(("Chrome · Windows", true), (saved.Label, saved.IsActive));
        var stored = await Endpoints.GetAsync(person.Name, id);
        Assert.Contains(p256dh, stored!.KeysJson);
        Assert.Null(await Endpoints.GetAsync("someone-else", id));
        var audit = await AuditRows.AboutAsync(db.DataSource, "notify_endpoint", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(audit, a => Assert.Equal((person.Name, "akim", "add", "push"), (a.Actor, a.Role, a.Detail("change"), a.Detail("channel"))));
        Assert.DoesNotContain(audit, a => a.Details.Contains(endpoint, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://push.example.com/abc", "ok", "ok", "channels.err.pushEndpoint")]
    [InlineData("javascript:alert(1)", "ok", "ok", "channels.err.pushEndpoint")]
    [InlineData("not a url", "ok", "ok", "channels.err.pushEndpoint")]
    [InlineData("https://push.example.com/abc", "short", "ok", "channels.err.pushKeys")]
    [InlineData("https://push.example.com/abc", "ok", "!!!", "channels.err.pushKeys")]
    [InlineData("https://push.example.com/abc", "ok", "", "channels.err.pushKeys")]
    public async Task SavePush_ABadSubscription_IsRefused(string endpoint, string p256dh, string auth, string error)
    {
        await using var service = await LocalPushService.StartAsync(VapidKeys.Generate().Public);
        var good = service.Subscribe();
        var person = await ChannelsTestBed.PersonAsync(db.DataSource);

        var e = await Assert.ThrowsAsync<EndpointRejectedException>(() => Endpoints.SavePushAsync(person,
            new PushSubscriptionInput(endpoint, p256dh == "ok" ? good.P256dh : p256dh, auth == "ok" ? good.Auth : auth, null)));

        Assert.Equal(error, e.Message);
        Assert.Empty(await Endpoints.ListAsync(person.Name));
    }

    [Fact]
    public async Task Remove_OnlyThePersonsOwn_AndTheRemovedOneLeavesTheList()
    {
        await using var service = await LocalPushService.StartAsync(VapidKeys.Generate().Public);
        var s = service.Subscribe();
        var person = await ChannelsTestBed.PersonAsync(db.DataSource);
        var other = await ChannelsTestBed.PersonAsync(db.DataSource);
        var id = await Endpoints.SavePushAsync(person, new PushSubscriptionInput(s.Endpoint, s.P256dh, s.Auth, null));

        var refused = await Assert.ThrowsAsync<EndpointRejectedException>(() => Endpoints.RemoveAsync(other, id));
        Assert.Equal("channels.err.notYours", refused.Message);
        await Endpoints.RemoveAsync(person, id);

        Assert.Empty(await Endpoints.ListAsync(person.Name));
        await Assert.ThrowsAsync<EndpointRejectedException>(() => Endpoints.RemoveAsync(person, id));
        var audit = await AuditRows.AboutAsync(db.DataSource, "notify_endpoint", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["add", "remove"], audit.Select(a => a.Detail("change")));
    }

    [Fact]
    public async Task TestMessage_GoesThroughTheChannel_AndAGoneAnswerDisablesTheEndpointWithWhy()
    {
        var (tests, service) = await PushAsync();
        await using var _ = service;
        var s = service.Subscribe();
        var person = await ChannelsTestBed.PersonAsync(db.DataSource);
        var id = await Endpoints.SavePushAsync(person, new PushSubscriptionInput(s.Endpoint, s.P256dh, s.Auth, null));

        var sent = await tests.SendAsync(person, id, "https://panel.test/");

        Assert.Equal(DeliveryOutcome.Sent, sent.Outcome);
        var got = Assert.Single(service.Received).Payload;
        Assert.Equal("Проверка канала iKomek 109", got.GetProperty("title").GetString());
        Assert.Equal("https://panel.test/me/channels", got.GetProperty("url").GetString());

        service.Answer(s.Endpoint, 410);
        var gone = await tests.SendAsync(person, id, "https://panel.test/");

        Assert.Equal(DeliveryOutcome.Gone, gone.Outcome);
        var disabled = Assert.Single(await Endpoints.ListAsync(person.Name));
        Assert.False(disabled.IsActive);
        Assert.StartsWith("gone: push: 410", disabled.DisabledReason);
        var refused = await Assert.ThrowsAsync<EndpointRejectedException>(() => tests.SendAsync(person, id, "https://panel.test/"));
        Assert.Equal("channels.err.notActive", refused.Message);
        var audit = await AuditRows.AboutAsync(db.DataSource, "notify_endpoint", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["sent", "gone"], audit.Where(a => a.Detail("change") == "test").Select(a => a.Detail("outcome")));
    }

    [Fact]
    public async Task TestMessage_ToAnotherPersonsEndpoint_IsRefused()
    {
        var (tests, service) = await PushAsync();
        await using var _ = service;
        var s = service.Subscribe();
        var id = await Endpoints.SavePushAsync(await ChannelsTestBed.PersonAsync(db.DataSource), new PushSubscriptionInput(s.Endpoint, s.P256dh, s.Auth, null));

        var e = await Assert.ThrowsAsync<EndpointRejectedException>(async () => await tests.SendAsync(await ChannelsTestBed.PersonAsync(db.DataSource), id, "https://panel.test/"));

        Assert.Equal("channels.err.notYours", e.Message);
        Assert.Empty(service.Received);
    }
}
