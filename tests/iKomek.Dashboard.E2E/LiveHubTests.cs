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

        using var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl + "/open311/v2/") };
        var services = JsonDocument.Parse(await http.GetStringAsync("services.json")).RootElement;
        var elevator = services.EnumerateArray().First(s => s.GetProperty("group").GetString() == "elevators" && s.GetProperty("metadata").GetBoolean())
            .GetProperty("service_code").GetString()!;
        var post = await http.PostAsync("requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = "demo-astana-ikomek-109", ["service_code"] = elevator, ["lat"] = "51.17", ["long"] = "71.44",
            ["description"] = "Застряли в лифте, внутри ребёнок", ["attribute[people_trapped]"] = "yes",
        }));
        var id = JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString();

        await page.WaitForFunctionAsync("id => window.liveEvents.some(e => e.type === 'incident' && e.data.regNumber === id)", id);
        var incident = await page.EvaluateAsync<JsonElement>("id => window.liveEvents.find(e => e.type === 'incident' && e.data.regNumber === id).data", id);
        Assert.Equal(elevator, incident.GetProperty("serviceCode").GetString());
        Assert.EndsWith("+05:00", incident.GetProperty("createdAt").GetString());
        await Assertions.Expect(page.Locator("#incidents li").First).ToContainTextAsync(id!);
        await page.Context.CloseAsync();
    }
}
