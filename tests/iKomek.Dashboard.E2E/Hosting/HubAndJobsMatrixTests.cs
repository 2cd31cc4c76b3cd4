using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.Features.DemoCity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace IKomek.Dashboard.E2E.Hosting;

/// <summary>
/// The role matrix's live hub and job triggers, over real HTTP with each role's signed-in cookie (the columns and
/// accounts of <see cref="RoleMatrixTests"/>): one table, every cell asserted.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class HubAndJobsMatrixTests(DashboardFixture fixture)
{
    // hub connect: the connection opens and the current counters arrive ("ok").
    // hub incident: a new critical appeal reaches the connection with its building only ("building"; "flat" if a flat
    // number or a phone came through, "none" if it never came).
    // hub <method>: a client's call to join a stream ("deny": the hub has no such method, so no connection picks a
    // department's or a problem's stream; "ok" would mean a call was taken).
    // job trigger: Hangfire's "trigger now" of the hourly KPI recount ("ok": taken and queued; "signin": sent to sign in
    // before Hangfire sees the request; any other status as its number). The jobs page's own "run now" sits behind
    // /admin/jobs, which RoleMatrixTests holds to administrators, and checks the role again when clicked.
    private const string Matrix = """
        | cell                    | anonymous | operator | analyst  | admin    | akim     | deputy   | head     | projects | planning | knowledge |
        | hub connect             | ok        | ok       | ok       | ok       | ok       | ok       | ok       | ok       | ok       | ok        |
        | hub incident            | building  | building | building | building | building | building | building | building | building | building  |
        | hub JoinGroup           | deny      | deny     | deny     | deny     | deny     | deny     | deny     | deny     | deny     | deny      |
        | hub SubscribeDepartment | deny      | deny     | deny     | deny     | deny     | deny     | deny     | deny     | deny     | deny      |
        | hub SubscribeProblem    | deny      | deny     | deny     | deny     | deny     | deny     | deny     | deny     | deny     | deny      |
        | job trigger             | signin    | signin   | signin   | ok       | signin   | signin   | signin   | signin   | signin   | signin    |
        """;

    private const string TriggeredJob = "kpi-recount";

    [Fact]
    public async Task EveryRole_GetsExactlyWhatTheMatrixSays_OnTheHubAndTheJobTriggers()
    {
        var rows = Matrix.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
        var roles = rows[0][1..];
        Assert.Equal(RoleMatrixTests.Logins.Keys, roles);

        var got = new Dictionary<(string Cell, string Role), string>();
        var clients = new List<PanelHttpClient>();
        var hubs = new List<(string Role, HubConnection Hub, Task<bool> Counters, ConcurrentDictionary<string, JsonElement> Incidents)>();
        try
        {
            var address = 40;
            foreach (var role in roles)
            {
                var client = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: $"192.0.2.{address++}");
                clients.Add(client);
                if (RoleMatrixTests.Logins[role] is { } login) Assert.Null(await client.SignInAsync(login, DemoAccounts.Passwords[login]));
                var (hub, counters, incidents) = await ConnectAsync(client);
                hubs.Add((role, hub, counters, incidents));
                got[("hub connect", role)] = hub.State == HubConnectionState.Connected && await counters ? "ok" : "refused";
                foreach (var method in rows.Select(r => r[0]).Where(c => c.StartsWith("hub ", StringComparison.Ordinal) && c is not "hub connect" and not "hub incident"))
                    got[(method, role)] = await InvokeAsync(hub, method["hub ".Length..]);
            }

            // One critical appeal with a phone and a flat: every connection receives it, at building level.
            using var api = new Open311Client(fixture.App.BaseUrl);
            var elevator = await api.ServiceCodeAsync("elevators", metadata: true);
            var id = await api.PostAsync(elevator, "Застряли в лифте, звоните 8 701 765 43 21", 51.171, 71.441, ("attribute[people_trapped]", "yes"),
                ("address_string", "ул. Матричная, 7, кв. 45"));
            foreach (var (role, _, _, incidents) in hubs) got[("hub incident", role)] = await IncidentAsync(incidents, id);

            foreach (var (role, client) in roles.Zip(clients)) got[("job trigger", role)] = await TriggerAsync(client);
        }
        finally
        {
            foreach (var (_, hub, _, _) in hubs) await hub.DisposeAsync();
            foreach (var client in clients) client.Dispose();
        }

        var failures = new List<string>();
        foreach (var row in rows.Skip(1))
        {
            foreach (var (role, column) in roles.Select((r, i) => (r, i + 1)))
            {
                var outcome = got.GetValueOrDefault((row[0], role), "not checked");
                if (outcome != row[column]) failures.Add($"{role} {row[0]}: expected {row[column]}, got {outcome}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>A SignalR client of /hubs/live carrying the reader's cookie, as a browser's would.</summary>
    private async Task<(HubConnection Hub, Task<bool> Counters, ConcurrentDictionary<string, JsonElement> Incidents)> ConnectAsync(PanelHttpClient reader)
    {
        var cookie = reader.CookieHeader;
        var hub = new HubConnectionBuilder()
            .WithUrl(fixture.App.BaseUrl + "/hubs/live", o =>
            {
                if (cookie.Length > 0) o.Headers["Cookie"] = cookie;
            })
            .Build();
        var counters = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var incidents = new ConcurrentDictionary<string, JsonElement>();
        hub.On<JsonElement>("counters", c => counters.TrySetResult(c.TryGetProperty("open", out var open) && open.GetInt64() >= 0));
        hub.On<JsonElement>("incident", i => incidents[i.GetProperty("regNumber").GetString()!] = i);
        await hub.StartAsync();
        return (hub, counters.Task.WaitAsync(TimeSpan.FromSeconds(60)), incidents);
    }

    private static async Task<string> InvokeAsync(HubConnection hub, string method)
    {
        try
        {
            await hub.InvokeAsync(method, "energy");
            return "ok";
        }
        catch (HubException)
        {
            return "deny";
        }
    }

    private static async Task<string> IncidentAsync(ConcurrentDictionary<string, JsonElement> incidents, string id)
    {
        for (var i = 0; i < 240 && !incidents.ContainsKey(id); i++) await Task.Delay(250);
        if (!incidents.TryGetValue(id, out var incident)) return "none";
        var text = incident.GetRawText();
        return incident.GetProperty("address").GetString() == "ул. Матричная, 7" && !text.Contains("кв.", StringComparison.Ordinal)
            && !text.Contains("701 765", StringComparison.Ordinal) ? "building" : "flat";
    }

    /// <summary>Hangfire's "trigger now" as the dashboard's own button sends it (with its antiforgery header); "ok" only
    /// when a run of the job was queued.</summary>
    private async Task<string> TriggerAsync(PanelHttpClient client)
    {
        var before = await QueuedRunsAsync();
        // A reader who may open the dashboard reads the token off its page; any other is refused before it.
        var page = await client.GetAsync("/admin/hangfire/recurring");
        var headers = new Dictionary<string, string>();
        if (CsrfHeader().Match(page) is { Success: true } header && CsrfToken().Match(page) is { Success: true } token)
            headers[header.Groups[1].Value] = WebUtility.HtmlDecode(token.Groups[1].Value);
        await client.PostAsync("/admin/hangfire/recurring/trigger", [new("jobs[]", TriggeredJob)], headers);
        var response = client.LastResponse!;
        var status = (int)response.StatusCode;
        if (status == (int)HttpStatusCode.Redirect)
        {
            var location = new Uri(new Uri("http://x"), response.Headers.Location!.OriginalString).AbsolutePath;
            return location == "/account/signin" ? "signin" : "redirect " + location;
        }
        if (status is not (200 or 204)) return status.ToString(CultureInfo.InvariantCulture);
        return await QueuedRunsAsync() > before ? "ok" : "taken, nothing queued";
    }

    /// <summary>How many runs of the job Hangfire has been asked for, by its schedule or by hand.</summary>
    private async Task<long> QueuedRunsAsync()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM hangfire.jobparameter WHERE name = 'RecurringJobId' AND value = @job", new { job = JsonSerializer.Serialize(TriggeredJob) });
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
