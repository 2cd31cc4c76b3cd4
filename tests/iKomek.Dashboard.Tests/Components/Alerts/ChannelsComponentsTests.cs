using Bunit;
using IKomek.Dashboard.Features.Alerts.Channels;
using IKomek.Dashboard.Platform.Notify;

namespace IKomek.Dashboard.Tests.Components.Alerts;

/// <summary>The channels page's parts: each endpoint's state and what can be done with it, and the links between the
/// person's three pages.</summary>
public sealed class ChannelsComponentsTests : MudContext
{
    private static readonly DateTime At = new(2026, 3, 30, 20, 0, 0, DateTimeKind.Utc);

    private static MyEndpoint Endpoint(string channel, string address, DateTime? confirmed, DateTime? disabled = null, string? reason = null, string? label = null) =>
        new(1, channel, address, label, At, confirmed, disabled, reason);

    [Fact]
    public void EndpointList_ShowsEachState_AndOffersOnlyWhatFitsIt()
    {
        var list = Ctx.Render<EndpointList>(p => p
            .Add(x => x.Items, [
                Endpoint(NotifyChannels.Email, "a@astana.kz", At),
                Endpoint(NotifyChannels.Email, "b@astana.kz", null),
                Endpoint(NotifyChannels.Push, "https://fcm.googleapis.com/fcm/send/x", At, At, "gone: push: 410 Gone", "Chrome · Android"),
            ])
            .Add(x => x.Empty, "Нет адресов"));

        var rows = list.FindAll("[data-testid=endpoint]");
        Assert.Equal(["active", "pending", "disabled"], rows.Select(r => r.GetAttribute("data-state")));
        // Confirmed on the Astana date: 20:00 UTC on the 30th is the 31st in Astana.
        Assert.Contains("Подтверждён с 31.03.2026", rows[0].TextContent);
        Assert.Single(rows[0].QuerySelectorAll("[data-testid=endpoint-test]"));
        Assert.Contains("Ждёт подтверждения", rows[1].TextContent);
        Assert.Empty(rows[1].QuerySelectorAll("[data-testid=endpoint-test]"));
        Assert.Single(rows[1].QuerySelectorAll("[data-testid=endpoint-resend]"));
        Assert.Contains("Chrome · Android", rows[2].TextContent);
        Assert.DoesNotContain("fcm.googleapis.com", rows[2].TextContent);
        Assert.Contains("Отключён: gone: push: 410 Gone", rows[2].TextContent);
        Assert.Empty(rows[2].QuerySelectorAll("[data-testid=endpoint-test]"));
        Assert.All(rows, r => Assert.Single(r.QuerySelectorAll("[data-testid=endpoint-remove]")));
    }

    [Fact]
    public void EndpointList_Buttons_CallBackWithTheirEndpoint()
    {
        MyEndpoint? tested = null, removed = null;
        var endpoint = Endpoint(NotifyChannels.Telegram, "777", At, label: "@akim");
        var list = Ctx.Render<EndpointList>(p => p
            .Add(x => x.Items, [endpoint]).Add(x => x.Empty, "")
            .Add(x => x.OnTest, e => tested = e).Add(x => x.OnRemove, e => removed = e));

        list.Find("[data-testid=endpoint-test]").Click();
        list.Find("[data-testid=endpoint-remove]").Click();

        Assert.Equal(endpoint, tested);
        Assert.Equal(endpoint, removed);
        Assert.Contains("@akim (777)", list.Markup);
    }

    [Fact]
    public void EndpointList_Empty_SaysSo()
    {
        var list = Ctx.Render<EndpointList>(p => p.Add(x => x.Items, []).Add(x => x.Empty, "Нет привязанных чатов"));

        Assert.Equal("Нет привязанных чатов", list.Find(".none").TextContent);
        Assert.Empty(list.FindAll("[data-testid=endpoint]"));
    }

    [Fact]
    public void PersonalLinks_LinkTheOtherTwoPages_AndMarkThisOne()
    {
        var links = Ctx.Render<IKomek.Dashboard.Features.Alerts.PersonalLinks>(p => p.Add(x => x.Current, "channels"));

        Assert.Equal(["me/alerts", "me/digests"], links.FindAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Каналы", links.Find("[aria-current=page]").TextContent);
    }
}
