using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Live;

/// <summary>/hubs/live through the @microsoft/signalr JS client in Chromium: counters on connect, a new critical incident.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LiveHubTests(DashboardFixture fixture)
{
    [Fact]
    public async Task JsClient_ReceivesCountersAndTheNewCriticalIncident()
    {
        var client = await LiveClientPage.GotoAsync(await (await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl })).NewPageAsync());
        await client.WaitForReadyAsync();

        using var api = new Open311Client(fixture.App.BaseUrl);
        var elevator = await api.ServiceCodeAsync("elevators", metadata: true);
        var id = await api.PostAsync(elevator, "Застряли в лифте, внутри ребёнок", 51.17, 71.44, ("attribute[people_trapped]", "yes"));

        var incident = await client.IncidentAsync(id);
        Assert.Equal(elevator, incident.GetProperty("serviceCode").GetString());
        Assert.EndsWith("+05:00", incident.GetProperty("createdAt").GetString());
        await Assertions.Expect(client.Incidents.First).ToContainTextAsync(id);
        await client.Page.Context.CloseAsync();
    }
}
