using System.Text.Json;
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

    [Fact]
    public async Task SixHundredCriticalAppeals_FromEightWriters_WithStatusChangesMeanwhile_AllReachTheHubClient()
    {
        var page = await (await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl })).NewPageAsync();
        await page.GotoAsync("/live-client.html");
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("connected");

        using var api = new Open311Client(fixture.App.BaseUrl);
        var elevator = await api.ServiceCodeAsync("elevators", metadata: true);
        await using var db = await fixture.OpenDatabaseAsync();
        using var done = new CancellationTokenSource();
        // Status changes whose transactions stay open a moment after taking their change id: commits come out of
        // the order of the ids, as they do in production.
        var changer = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                await using var conn = await db.OpenConnectionAsync();
                await using var tx = await conn.BeginTransactionAsync();
                await Dapper.SqlMapper.ExecuteAsync(conn, "UPDATE appeals SET status = 'in_progress' WHERE id IN (SELECT id FROM appeals WHERE status = 'registered' ORDER BY id DESC LIMIT 3)", transaction: tx);
                await Dapper.SqlMapper.ExecuteAsync(conn, "SELECT pg_sleep(0.03)", transaction: tx);
                await tx.CommitAsync();
            }
        });
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 75; i++)
            {
                ids.Add(await api.PostAsync(elevator, $"Застряли в лифте, подъезд {w + 1}, этаж {i + 1}", 51.10 + w * 0.012, 71.38 + i * 0.0015,
                    ("attribute[people_trapped]", "yes")));
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await done.CancelAsync();
        await changer;

        Assert.Equal(600, ids.Distinct().Count());
        await page.WaitForFunctionAsync("""
            ids => { const got = new Set(window.liveEvents.filter(e => e.type === 'incident').map(e => e.data.regNumber)); return ids.every(id => got.has(id)); }
            """, ids.ToArray(), new() { Timeout = 120_000, PollingInterval = 500 });
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
