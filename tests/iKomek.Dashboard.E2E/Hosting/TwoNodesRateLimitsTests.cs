using System.Globalization;
using System.Net;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.Features.Accounts;
using IKomek.Dashboard.Features.DemoCity;

namespace IKomek.Dashboard.E2E.Hosting;

/// <summary>
/// The rate limits reached through two app nodes on one database, alternating between them as a load balancer does:
/// each limit holds at its configured count, not at twice it (the nodes count in PostgreSQL, not each in its memory).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class TwoNodesRateLimitsTests(DashboardFixture fixture)
{
    private const string LimitedKey = "e2e-two-nodes-limited-key";
    private const int KeyLimit = 4, ExportLimit = 3, Guesses = 10;

    [Fact]
    public async Task LimitsReachedThroughTwoNodes_HoldAtTheConfiguredCount_NotTwice()
    {
        await using (var db = await fixture.OpenDatabaseAsync())
        await using (var conn = await db.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("""
                INSERT INTO api_clients (name, api_key, channel_id, requests_per_minute)
                SELECT 'e2e two nodes', @key, min(id), @limit FROM channels ON CONFLICT (api_key) DO NOTHING
                """, new { key = LimitedKey, limit = KeyLimit });
        }
        // Two nodes of their own, started together so that their clocks (City:FixedNow) agree; they run no jobs.
        var connection = await fixture.DatabaseConnectionStringAsync();
        string[] args =
        [
            $"--ConnectionStrings:City={connection}", "--City:KeyRingKeyFile=" + Path.Combine(fixture.DataFolder, "keyring.key"),
            DashboardFixture.FixedNowArgument, "--Network:KnownProxies:0=127.0.0.1", "--City:Scheduler:Enabled=false",
            "--Classification:TrainOnStart=false", $"--City:Exports:PerMinute={ExportLimit}",
        ];
        var starting = new[] { "b", "c" }.Select(n => AppProcess.StartAsync(
            Path.Combine(Path.GetTempPath(), $"ikomek-node-{n}-" + Guid.NewGuid().ToString("N")[..8]), args, TimeSpan.FromMinutes(2))).ToList();
        await using var nodeB = await starting[0];
        await using var nodeC = await starting[1];
        var nodes = new[] { nodeB.BaseUrl, nodeC.BaseUrl };

        // A key's own limit: requests without a service_code are counted, then refused (400) with nothing stored.
        var keyAnswers = new List<HttpStatusCode>();
        for (var i = 0; i < KeyLimit + 2; i++) keyAnswers.Add((await PostAsync(nodes[i % 2], "203.0.113.90", LimitedKey)).StatusCode);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, KeyLimit), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], keyAnswers);

        // Key guesses from one address: the configured ten over both nodes, then 429 with Retry-After from either.
        var guessAnswers = new List<HttpStatusCode>();
        HttpResponseMessage? refusal = null;
        for (var i = 0; i < Guesses + 2; i++)
        {
            var response = await PostAsync(nodes[i % 2], "203.0.113.91", $"guessed-two-nodes-{i:D4}");
            guessAnswers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refusal = response;
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Forbidden, Guesses), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], guessAnswers);
        Assert.True(int.Parse(Assert.Single(refusal!.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture) >= 1);

        // Sign-in: the free failures of one login from one address are the configured three over both nodes; the
        // right password from another address still gets through.
        using var guesserB = new PanelHttpClient(nodeB.BaseUrl, forwardedFor: "203.0.113.92");
        using var guesserC = new PanelHttpClient(nodeC.BaseUrl, forwardedFor: "203.0.113.92");
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
            Assert.Equal("Неверный логин или пароль", await (i % 2 == 0 ? guesserB : guesserC).SignInAsync("project.office", "wrong-" + i));
        var throttled = await (SignInThrottle.FreeFailures % 2 == 0 ? guesserB : guesserC).SignInAsync("project.office", DemoAccounts.Passwords["project.office"]);
        Assert.StartsWith("Слишком много неудачных попыток входа", throttled);
        using var office = new PanelHttpClient(nodeB.BaseUrl, forwardedFor: "10.20.0.15");
        Assert.Null(await office.SignInAsync("project.office", DemoAccounts.Passwords["project.office"]));

        // Exports of one login: the configured count over both nodes, then 429 with Retry-After.
        var readers = new List<PanelHttpClient>();
        foreach (var node in nodes)
        {
            var reader = new PanelHttpClient(node, forwardedFor: "10.20.0.16");
            Assert.Null(await reader.SignInAsync("analyst", DemoAccounts.Passwords["analyst"]));
            readers.Add(reader);
        }
        // The analyst's exports on the shared app in the last minutes count in the same bucket: start it afresh.
        await using (var db = await fixture.OpenDatabaseAsync())
        await using (var conn = await db.OpenConnectionAsync())
            await conn.ExecuteAsync("DELETE FROM rate_counters WHERE bucket = 'export:analyst'");
        var exportAnswers = new List<HttpStatusCode>();
        var body = "";
        for (var i = 0; i < ExportLimit + 1; i++)
        {
            body = await readers[i % 2].GetAsync("/appeals/export.csv?from=" + Uri.EscapeDataString(DashboardFixture.FixedNow.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
            exportAnswers.Add(readers[i % 2].LastResponse!.StatusCode);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, ExportLimit), HttpStatusCode.TooManyRequests], exportAnswers);
        var refused = readers[ExportLimit % 2].LastResponse!;
        // The sliding window forgets the refused attempt too, within two windows at most.
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(retryAfter, 1, 120);
        Assert.Contains($"Повторите через {retryAfter} с", body);
        Assert.Contains($"Не больше {ExportLimit} выгрузок в минуту", body);
        readers.ForEach(r => r.Dispose());
    }

    private static async Task<HttpResponseMessage> PostAsync(string node, string address, string apiKey)
    {
        using var http = new HttpClient { BaseAddress = new Uri(node + "/open311/v2/") };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return await http.PostAsync("requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = apiKey, ["lat"] = "51.1282", ["long"] = "71.4304", ["description"] = "Не работает уличное освещение во дворе",
        }));
    }
}
