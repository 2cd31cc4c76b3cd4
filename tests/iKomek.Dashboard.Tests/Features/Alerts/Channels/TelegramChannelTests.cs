using Dapper;
using IKomek.Dashboard.Features.Alerts.Channels;
using IKomek.Dashboard.Platform.Notify;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace IKomek.Dashboard.Tests.Features.Alerts.Channels;

/// <summary>Telegram end to end against a local Bot API: linking a chat by its start code (getUpdates, the offset kept),
/// sending (sendMessage in HTML), and the Bot API's failures.</summary>
public sealed class TelegramChannelTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    private static NotifyEndpoint Chat(long id) => new(1, "akim", NotifyChannels.Telegram, id.ToString(System.Globalization.CultureInfo.InvariantCulture), null);

    [Fact]
    public async Task Send_ArrivesAtTheChat_AsEscapedHtmlWithTheLinks()
    {
        await using var api = await LocalBotApi.StartAsync();
        var channel = new TelegramChannel(ChannelsTestBed.Bot(api));

        var result = await channel.SendAsync(Chat(4242), ChannelsTestBed.Message(), CancellationToken.None);

        Assert.True(result.Outcome == DeliveryOutcome.Sent, result.Error);
        var sent = Assert.Single(api.Sent);
        Assert.Equal(4242, sent.ChatId);
        // The Bot API reads parse_mode without regard to case (the library writes "Html").
        Assert.Equal("html", sent.ParseMode?.ToLowerInvariant());
        Assert.Equal("<b>Авария на теплотрассе: ул. Кенесары, 40</b>\nБез отопления 12 домов &lt;и школа&gt; &amp; детсад\n\n"
                     + "<a href=\"https://panel.test/appeals/123\">Открыть</a> · <a href=\"https://panel.test/alerts/ack/abc\">Подтвердить получение</a>",
            sent.Text);
    }

    [Theory]
    [InlineData(403, "Forbidden: bot was blocked by the user", null, DeliveryOutcome.Gone)]
    [InlineData(400, "Bad Request: chat not found", null, DeliveryOutcome.Gone)]
    [InlineData(429, "Too Many Requests: retry after 7", 7, DeliveryOutcome.Retry)]
    [InlineData(502, "Bad Gateway", null, DeliveryOutcome.Retry)]
    public async Task Send_TheBotApisFailure_DecidesGoneOrRetry(int status, string description, int? retryAfter, DeliveryOutcome expected)
    {
        await using var api = await LocalBotApi.StartAsync();
        api.Fail("sendMessage", status, description, retryAfter);
        var channel = new TelegramChannel(ChannelsTestBed.Bot(api));

        var result = await channel.SendAsync(Chat(1), ChannelsTestBed.Message(), CancellationToken.None);

        Assert.Equal(expected, result.Outcome);
        Assert.Contains(description, result.Error);
        if (retryAfter is not null) Assert.Contains("retry after 7 s", result.Error);
        Assert.Empty(api.Sent);
    }

    [Fact]
    public async Task Send_ToABotApiThatIsNotThere_IsRetriedLater()
    {
        var api = await LocalBotApi.StartAsync();
        var channel = new TelegramChannel(ChannelsTestBed.Bot(api));
        await api.DisposeAsync();

        Assert.Equal(DeliveryOutcome.Retry, (await channel.SendAsync(Chat(1), ChannelsTestBed.Message(), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Send_WithoutABot_IsRetriedWithTheReason()
    {
        var channel = new TelegramChannel(new TelegramBot(ChannelsTestBed.Http, Options.Create(new TelegramOptions())));

        var result = await channel.SendAsync(Chat(1), ChannelsTestBed.Message(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retry, result.Outcome);
        Assert.Contains("Telegram:BotToken", result.Error);
    }

    [Fact]
    public async Task Link_StartWithTheCode_BindsTheChatToThePerson_AnswersIt_AndAudits()
    {
        await using var api = await LocalBotApi.StartAsync();
        var links = new TelegramLinks(db.DataSource, ChannelsTestBed.Bot(api), TestClock.Create());
        var person = await ChannelsTestBed.PersonAsync(db.DataSource);
        await links.PollAsync(); // whatever another test left

        var link = await links.CreateAsync(person);
        Assert.StartsWith($"https://t.me/{LocalBotApi.BotName}?start=", link.Url);
        var code = link.Url[(link.Url.IndexOf("start=", StringComparison.Ordinal) + 6)..];
        Assert.Matches("^[A-Za-z0-9_-]{16,64}$", code);
        api.ChatSends(777001, "/start " + code, username: "akim_astana");

        var run = await links.PollAsync();

        Assert.Equal((1, 1, 0), (run.Updates, run.Linked, run.Refused));
        var endpoint = Assert.Single(await new ChannelEndpoints(db.DataSource, TestClock.Create()).ListAsync(person.Name));
        Assert.Equal((NotifyChannels.Telegram, "777001", "@akim_astana"), (endpoint.Channel, endpoint.Address, endpoint.Label));
        Assert.True(endpoint.IsActive);
        Assert.Contains("Чат привязан", Assert.Single(api.Sent, s => s.ChatId == 777001).Text);
        var audit = Assert.Single(await AuditRows.AboutAsync(db.DataSource, "notify_endpoint", endpoint.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal((person.Name, "link"), (audit.Actor, audit.Detail("change")));

        // Read once: the next reading asks from beyond it, and the code is spent.
        api.ChatSends(777002, "/start " + code);
        var again = await links.PollAsync();
        Assert.Equal((1, 0, 1), (again.Updates, again.Linked, again.Refused));
        Assert.Contains("недействительна", Assert.Single(api.Sent, s => s.ChatId == 777002).Text);
        Assert.True(api.Offsets.Last() > api.Offsets.First());
    }

    [Fact]
    public async Task Link_AnExpiredOrUnknownCode_IsRefused()
    {
        await using var api = await LocalBotApi.StartAsync();
        var clock = new TestClock.ManualClock(TestClock.Now.ToUniversalTime());
        var links = new TelegramLinks(db.DataSource, ChannelsTestBed.Bot(api), clock);
        var person = await ChannelsTestBed.PersonAsync(db.DataSource);
        await links.PollAsync();
        var link = await links.CreateAsync(person);
        clock.Advance(TimeSpan.FromMinutes(16));
        api.ChatSends(5, "/start " + link.Url[(link.Url.IndexOf("start=", StringComparison.Ordinal) + 6)..]);
        api.ChatSends(6, "/start not-a-code");
        api.ChatSends(7, "/start " + new string('x', 500));
        api.ChatSends(8, "hello");

        var run = await links.PollAsync();

        Assert.Equal((4, 0, 3), (run.Updates, run.Linked, run.Refused));
        Assert.Empty(await new ChannelEndpoints(db.DataSource, clock).ListAsync(person.Name));
    }

    [Fact]
    public async Task Link_WhenGetUpdatesFails_KeepsTheOffset_AndTheNextReadingLinks()
    {
        await using var api = await LocalBotApi.StartAsync();
        var links = new TelegramLinks(db.DataSource, ChannelsTestBed.Bot(api), TestClock.Create());
        var person = await ChannelsTestBed.PersonAsync(db.DataSource);
        await links.PollAsync();
        var link = await links.CreateAsync(person);
        api.ChatSends(9001, "/start " + link.Url[(link.Url.IndexOf("start=", StringComparison.Ordinal) + 6)..]);
        api.Fail("getUpdates", 502, "Bad Gateway");

        await Assert.ThrowsAnyAsync<Exception>(() => links.PollAsync());
        var run = await links.PollAsync();

        Assert.Equal(1, run.Linked);
        await using var conn = await db.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM notify_endpoints WHERE login = @login AND channel = 'telegram' AND confirmed_at IS NOT NULL", new { login = person.Name }));
    }

    [Fact]
    public async Task Link_WhenTheBotApiIsDown_TheReadingFailsAsARequestOfTheBotApi()
    {
        var api = await LocalBotApi.StartAsync();
        var links = new TelegramLinks(db.DataSource, ChannelsTestBed.Bot(api), TestClock.Create());
        await api.DisposeAsync();

        var e = await Record.ExceptionAsync(() => links.PollAsync());

        Assert.True(TelegramLinks.IsUnreachable(e!), e?.ToString());
    }

    [Fact]
    public async Task Link_WithoutABot_IsRefused()
    {
        var links = new TelegramLinks(db.DataSource, new TelegramBot(ChannelsTestBed.Http, Options.Create(new TelegramOptions())), TestClock.Create());

        Assert.False(links.IsConfigured);
        var e = await Assert.ThrowsAsync<EndpointRejectedException>(async () => await links.CreateAsync(await ChannelsTestBed.PersonAsync(db.DataSource)));
        Assert.Equal("channels.err.telegramOff", e.Message);
        Assert.Equal(0, (await links.PollAsync()).Updates);
    }
}
