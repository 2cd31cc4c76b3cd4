using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;

namespace IKomek.Dashboard.E2E.Features.Intake;

/// <summary>The Open311 API's rate limits over real HTTP: key guessing per address, a key's own limit; 429 with Retry-After
/// in the API's error form.</summary>
[Collection(DashboardCollection.Name)]
public sealed class Open311RateLimitTests(DashboardFixture fixture)
{
    [Fact]
    public async Task GuessingKeys_From_OneAddress_Gets429_WhileAValidKeyKeepsWorking_EvenFromThatAddress()
    {
        using var attacker = Client("203.0.113.50");
        var code = await new Open311Client(fixture.App.BaseUrl).ServiceCodeAsync();
        HttpResponseMessage response;
        var guesses = 0;
        do
        {
            response = await attacker.PostAsync("requests.json", Form($"guessed-key-{guesses++:D8}", code));
        }
        while (response.StatusCode == HttpStatusCode.Forbidden && guesses < 50);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(guesses, 2, 11);
        Assert.True(int.Parse(Assert.Single(response.Headers.GetValues("Retry-After"))) >= 1);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0];
        Assert.Equal(429, error.GetProperty("code").GetInt32());
        Assert.Contains("invalid api_key", error.GetProperty("description").GetString());
        // In XML too, the specification's error form.
        var xml = await attacker.PostAsync("requests.xml", Form("guessed-key-xml-00000", code));
        Assert.Equal(HttpStatusCode.TooManyRequests, xml.StatusCode);
        Assert.Equal("429", XDocument.Parse(await xml.Content.ReadAsStringAsync()).Root!.Element("error")!.Element("code")!.Value);

        // Guessing on, the address is refused from the node's memory: its guesses cost the database no more writes than
        // the ten the shared count needed (each request still counts once against the address's own limit).
        for (var i = 0; i < 40; i++) Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.PostAsync("requests.json", Form($"guessed-more-{i:D8}", code))).StatusCode);
        await using (var db = await fixture.OpenDatabaseAsync())
        await using (var conn = await db.OpenConnectionAsync())
        {
            Assert.Equal(10, await conn.ExecuteScalarAsync<int>("SELECT hits FROM rate_counters WHERE bucket = 'open311-guess:203.0.113.50'"));
        }

        using var citizenApp = Client("203.0.113.51");
        Assert.Equal(HttpStatusCode.Created, (await citizenApp.PostAsync("requests.json", Form(Open311Client.DemoApiKey, code))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await attacker.PostAsync("requests.json", Form(Open311Client.DemoApiKey, code))).StatusCode);
    }

    [Fact]
    public async Task AKey_OverItsOwnLimit_Gets429_OtherKeysDoNot()
    {
        const string key = "e2e-rate-limited-client-key";
        await using (var db = await fixture.OpenDatabaseAsync())
        await using (var conn = await db.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("""
                INSERT INTO api_clients (name, api_key, channel_id, requests_per_minute)
                SELECT 'e2e limited', @key, min(id), 3 FROM channels ON CONFLICT (api_key) DO NOTHING
                """, new { key });
        }
        using var client = Client("203.0.113.60");
        // Requests without a service_code: refused (400) after the key is counted, and nothing is stored.
        // A new key is known within seconds (the API rereads its keys at most every 5 s for an unknown one).
        var first = HttpStatusCode.Forbidden;
        for (var i = 0; i < 8 && first == HttpStatusCode.Forbidden; i++)
        {
            if (i > 0) await Task.Delay(1000);
            first = (await client.PostAsync("requests.json", Form(key, null))).StatusCode;
        }
        var answers = new List<HttpStatusCode> { first };
        for (var i = 0; i < 3; i++) answers.Add((await client.PostAsync("requests.json", Form(key, null))).StatusCode);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], answers);
        var last = await client.PostAsync("requests.json", Form(key, null));
        Assert.Contains("limit of requests a minute", await last.Content.ReadAsStringAsync());
        Assert.True(last.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("requests.json", Form(Open311Client.DemoApiKey, null))).StatusCode);
    }

    private HttpClient Client(string address)
    {
        var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl + "/open311/v2/") };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return http;
    }

    private static FormUrlEncodedContent Form(string apiKey, string? serviceCode)
    {
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = apiKey, ["lat"] = "51.1282", ["long"] = "71.4304", ["description"] = "Не работает уличное освещение во дворе",
        };
        if (serviceCode is not null) fields["service_code"] = serviceCode;
        return new FormUrlEncodedContent(fields);
    }
}
