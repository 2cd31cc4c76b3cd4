using System.Text.Json;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>
/// Page object of /live-client.html, the smallest client of /hubs/live (@microsoft/signalr in the browser): not a Blazor
/// page; it keeps every event it receives in window.liveEvents.
/// </summary>
public sealed class LiveClientPage(IPage page)
{
    public const string Path = "/live-client.html";

    public IPage Page { get; } = page;

    public ILocator State => Page.Locator("#state");

    public ILocator Incidents => Page.Locator("#incidents li");

    public static async Task<LiveClientPage> GotoAsync(IPage page)
    {
        await page.GotoAsync(Path);
        return new LiveClientPage(page);
    }

    /// <summary>Ready: connected, and the counters sent on connecting have arrived.</summary>
    public async Task WaitForReadyAsync()
    {
        await Assertions.Expect(State).ToHaveTextAsync("connected");
        await Page.WaitForFunctionAsync("() => window.liveEvents.some(e => e.type === 'counters')");
    }

    /// <summary>Waits for the incident of appeal <paramref name="regNumber"/> and returns what the hub sent of it.</summary>
    public async Task<JsonElement> IncidentAsync(string regNumber)
    {
        await Page.WaitForFunctionAsync("id => window.liveEvents.some(e => e.type === 'incident' && e.data.regNumber === id)", regNumber);
        return await Page.EvaluateAsync<JsonElement>("id => window.liveEvents.find(e => e.type === 'incident' && e.data.regNumber === id).data", regNumber);
    }
}
