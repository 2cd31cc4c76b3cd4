using System.Text.Json;
using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E;

/// <summary>/hubs/live through the @microsoft/signalr JS client in Chromium: counters on connect, a new critical incident.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LiveHubTests(DashboardFixture fixture)
{
    [Fact]
    public async Task JsClient_ReceivesCountersAndTheNewCriticalIncident()
    {
        var page = await (await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl })).NewPageAsync();
        await page.GotoAsync("/live-client.html");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("connected");
        await page.WaitForFunctionAsync("() => window.liveEvents.some(e => e.type === 'counters')");

        using var api = new Open311Client(fixture.App.BaseUrl);
        var elevator = await api.ServiceCodeAsync("elevators", metadata: true);
        var id = await api.PostAsync(elevator, "Застряли в лифте, внутри ребёнок", 51.17, 71.44, ("attribute[people_trapped]", "yes"));

        await page.WaitForFunctionAsync("id => window.liveEvents.some(e => e.type === 'incident' && e.data.regNumber === id)", id);
        var incident = await page.EvaluateAsync<JsonElement>("id => window.liveEvents.find(e => e.type === 'incident' && e.data.regNumber === id).data", id);
        Assert.Equal(elevator, incident.GetProperty("serviceCode").GetString());
        Assert.EndsWith("+05:00", incident.GetProperty("createdAt").GetString());
        await Assertions.Expect(page.Locator("#incidents li").First).ToContainTextAsync(id);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task JsClient_AnIncidentCarriesItsBuildingOnly_NeverTheFlat()
    {
        var page = await (await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl })).NewPageAsync();
        await page.GotoAsync("/live-client.html");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("connected");

        using var api = new Open311Client(fixture.App.BaseUrl);
        var elevator = await api.ServiceCodeAsync("elevators", metadata: true);
        var id = await api.PostAsync(elevator, "Застряли в лифте, звоните 8 701 765 43 21", 51.17, 71.44, ("attribute[people_trapped]", "yes"),
            ("address_string", "ул. Проверочная, 85, кв. 16"));

        await page.WaitForFunctionAsync("id => window.liveEvents.some(e => e.type === 'incident' && e.data.regNumber === id)", id);
        var incident = await page.EvaluateAsync<JsonElement>("id => window.liveEvents.find(e => e.type === 'incident' && e.data.regNumber === id).data", id);
        Assert.Equal("ул. Проверочная, 85", incident.GetProperty("address").GetString());
        Assert.DoesNotContain("кв.", incident.GetRawText());
        await page.Context.CloseAsync();
    }
}
