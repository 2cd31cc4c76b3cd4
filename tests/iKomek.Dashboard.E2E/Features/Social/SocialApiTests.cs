using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.Features.Social.Intake;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.E2E.Features.Social;

/// <summary>The posts' intake API over real HTTP against the running app: keys, bad bodies, a mixed batch, all bad, again.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SocialApiTests(DashboardFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(fixture.App.BaseUrl) };
    private NpgsqlDataSource _db = null!;
    private string _key = "";

    public async Task InitializeAsync()
    {
        _db = await fixture.OpenDatabaseAsync();
        _key = (await SocialSources.IssueAsync(_db, "API test monitoring", Actor.Console("e2e"))).Key;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _db.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SocialApi.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add(SocialApi.KeyHeader, key);
        return await _http.SendAsync(request);
    }

    private static string Item(string id, int reactions = 10, string postedAt = "2026-03-30T10:00:00+05:00") =>
        $$"""{"network": "facebook", "external_id": "{{id}}", "author": "@api", "posted_at": "{{postedAt}}", "text": "Нет света во дворе", "reactions": {{reactions}}}""";

    private async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string contains)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement;
        Assert.Contains(contains, errors[0].GetProperty("description").GetString());
        return errors;
    }

    private async Task<(long Count, int Reactions)> StoredAsync(string id)
    {
        await using var conn = await _db.OpenConnectionAsync();
        return await conn.QuerySingleAsync<(long, int)>("SELECT count(*), coalesce(max(reactions), 0) FROM social_posts WHERE external_id = @id", new { id });
    }

    [Fact]
    public async Task NoKey_AndAnUnknownKey_Are401_AndNothingIsStored()
    {
        var body = $$"""{"items": [{{Item("api-key-1")}}]}""";
        await ErrorAsync(await PostAsync(body, null), HttpStatusCode.Unauthorized, "X-Api-Key");
        await ErrorAsync(await PostAsync(body, "soc_not-a-key"), HttpStatusCode.Unauthorized, "not a key of any active monitoring service");
        Assert.Equal(0, (await StoredAsync("api-key-1")).Count);
    }

    [Theory]
    [InlineData("{\"items\": [", "the body is not valid JSON")]
    [InlineData("[1, 2]", "{\"items\": [...]}")]
    [InlineData("{\"items\": []}", "items is empty")]
    public async Task AMalformedBody_Is400(string body, string contains) =>
        await ErrorAsync(await PostAsync(body, _key), HttpStatusCode.BadRequest, contains);

    [Fact]
    public async Task AMixedBatch_StoresTheValidPosts_AndNamesEachBadItem_AndAgainOnlyUpdatesTheReach()
    {
        var body = $$"""{"items": [{{Item("api-mixed-1")}}, {"network": "facebook"}, {{Item("api-mixed-3", postedAt: "yesterday")}}]}""";

        var response = await PostAsync(body, _key);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, json.GetProperty("added").GetInt32());
        var rejected = json.GetProperty("rejected").EnumerateArray().Select(e => $"{e.GetProperty("index").GetInt32()}:{e.GetProperty("field").GetString()}:{e.GetProperty("code").GetString()}").ToList();
        Assert.Equal(["1:external_id:required", "1:author:required", "1:text:required", "1:posted_at:required", "2:posted_at:invalid_time"], rejected);

        var again = await PostAsync($$"""{"items": [{{Item("api-mixed-1", reactions: 77)}}]}""", _key);
        var againJson = JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((0, 1), (againJson.GetProperty("added").GetInt32(), againJson.GetProperty("updated").GetInt32()));
        Assert.Equal((1L, 77), await StoredAsync("api-mixed-1"));
        Assert.Equal(0, (await StoredAsync("api-mixed-3")).Count);
    }

    [Fact]
    public async Task ABatchWithNoValidItem_Is400_WithEveryItemsErrors()
    {
        var errors = await ErrorAsync(await PostAsync("""{"items": [{"network": "myspace"}, 5]}""", _key), HttpStatusCode.BadRequest, "network 'myspace'");
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("index").GetInt32() == 1 && e.GetProperty("reason").GetString() == "not_object");
    }
}
