using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.Features.CitySystems.Intake;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.E2E.Features.CitySystems;

/// <summary>The systems' intake API over real HTTP against the running app: keys, every kind of bad request, a mixed
/// batch's report, idempotency.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SystemsApiTests(DashboardFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(fixture.App.BaseUrl + "/api/systems/") };
    private NpgsqlDataSource _db = null!;
    private string _manholesKey = "", _camerasKey = "";

    public async Task InitializeAsync()
    {
        _db = NpgsqlDataSource.Create(await AppPostgres.ConnectionStringAsync(fixture.DataFolder));
        _manholesKey = (await SystemSources.IssueAsync(_db, "manholes", "API test sensors", Actor.Console("e2e"))).Key;
        _camerasKey = (await SystemSources.IssueAsync(_db, "cameras", "API test cameras", Actor.Console("e2e"))).Key;
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add(SystemsApi.KeyHeader, key);
        return await _http.SendAsync(request);
    }

    private static string Reading(string id, string at, string state = "closed", double tilt = 1) =>
        $$$"""{"source_id": "{{{id}}}", "observed_at": "{{{at}}}", "lat": 51.15, "lon": 71.44, "values": {"state": "{{{state}}}", "tilt_deg": {{{tilt.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}}, "units": {"tilt_deg": "deg"}}""";

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string contains)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement;
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.Equal((int)status, errors[0].GetProperty("code").GetInt32());
        Assert.Contains(contains, errors[0].GetProperty("description").GetString());
        return errors;
    }

    [Fact]
    public async Task UnknownSystem_Is404_NoKey401_UnknownKey401_AnotherSystemsKey403_InTheOpen311ErrorForm()
    {
        var body = $$$"""{"items": [{{{Reading("k-1", "2026-03-31T13:00:00+05:00")}}}]}""";

        await ErrorAsync(await PostAsync("sewers/readings", body, _manholesKey), HttpStatusCode.NotFound, "system 'sewers' was not found");
        await ErrorAsync(await PostAsync("manholes/readings", body, null), HttpStatusCode.Unauthorized, "X-Api-Key");
        await ErrorAsync(await PostAsync("manholes/readings", body, "sys_not-a-key"), HttpStatusCode.Unauthorized, "not a key of any active source");
        await ErrorAsync(await PostAsync("manholes/readings", body, _camerasKey), HttpStatusCode.Forbidden, "this key is for the system 'cameras', not 'manholes'");
        Assert.Equal(0, await CountAsync("k-1"));
    }

    [Theory]
    [InlineData("{\"items\": [", "the body is not valid JSON")]
    [InlineData("[1, 2]", "{\"items\": [...]}")]
    [InlineData("{\"items\": []}", "items is empty")]
    public async Task AMalformedBody_Is400(string body, string contains)
    {
        await ErrorAsync(await PostAsync("manholes/readings", body, _manholesKey), HttpStatusCode.BadRequest, contains);
    }

    [Fact]
    public async Task MoreItemsThanABatchMayHold_Are400_AndNothingIsStored()
    {
        var items = string.Join(",", Enumerable.Range(0, SystemsIntakeOptions.Default.MaxBatch + 1).Select(i => Reading($"big-{i}", "2026-03-31T13:00:00+05:00")));

        await ErrorAsync(await PostAsync("manholes/readings", $"{{\"items\": [{items}]}}", _manholesKey), HttpStatusCode.BadRequest, "at most 10000: send smaller batches");
        Assert.Equal(0, await CountAsync("big-0"));
    }

    [Fact]
    public async Task ReadingsToARegister_Are400()
    {
        await ErrorAsync(await PostAsync("cameras/readings", """{"items": [{"source_id": "x"}]}""", _camerasKey), HttpStatusCode.BadRequest, "cameras is a register");
    }

    [Fact]
    public async Task ABatchWithNothingValid_Is400_WithEachItemsProblems_AndStoresNothing()
    {
        var body = $$$"""{"items": [{{{Reading("n-1", "2026-03-31T15:00:00+05:00")}}}, {{{Reading("n-2", "2026-03-31T13:00:00+05:00", "ajar")}}}]}""";

        var errors = await ErrorAsync(await PostAsync("manholes/readings", body, _manholesKey), HttpStatusCode.BadRequest, "ahead of the panel's clock");

        Assert.Equal(new[] { (0, "observed_at", "future"), (1, "state", "choice") },
            errors.EnumerateArray().Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString()!, e.GetProperty("reason").GetString()!)).ToArray());
        Assert.Equal(0, await CountAsync("n-1") + await CountAsync("n-2"));
    }

    [Fact]
    public async Task AMixedBatch_Is200_StoresTheValidItems_ReportsTheOthers_AndAgainCountsDuplicates()
    {
        var body = $$$"""
            {"items": [{{{Reading("m-1", "2026-03-31T13:00:00+05:00")}}}, {{{Reading("m-1", "2026-03-31T13:10:00+05:00", "open", 35)}}},
                       {"source_id": "m-2", "observed_at": "2026-03-31T13:00:00+05:00", "lat": 43.2, "lon": 76.9, "values": {"state": "open", "tilt_deg": 1}},
                       {"source_id": "m-3", "observed_at": "2026-03-31T13:00:00+05:00", "values": {"state": "open", "tilt_deg": 1, "depth_m": 2}}]}
            """;

        var first = JsonDocument.Parse(await (await PostAsync("manholes/readings", body, _manholesKey)).Content.ReadAsStringAsync()).RootElement;
        var again = JsonDocument.Parse(await (await PostAsync("manholes/readings", body, _manholesKey)).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(2, first.GetProperty("accepted").GetInt32());
        Assert.Equal(0, first.GetProperty("duplicates").GetInt32());
        Assert.Equal(new[] { (2, "lat", "outside_city"), (3, "depth_m", "unknown_field") },
            first.GetProperty("rejected").EnumerateArray().Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString()!, e.GetProperty("code").GetString()!)).ToArray());
        Assert.Equal((0, 2), (again.GetProperty("accepted").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(2, await CountAsync("m-1"));
        await using var conn = await _db.OpenConnectionAsync();
        var (vals, by) = await conn.QuerySingleAsync<(string, string)>("SELECT last_vals->>'state', updated_by FROM city_objects WHERE system_code = 'manholes' AND source_id = 'm-1'");
        Assert.Equal(("open", "api:API test sensors"), (vals, by));
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM city_objects WHERE source_id IN ('m-2', 'm-3')"));
    }

    [Fact]
    public async Task ARegistersObjects_GoInByTheObjectsPath()
    {
        var response = await PostAsync("cameras/objects", """
            {"items": [{"source_id": "api-cam-1", "name": "Школа №12", "lat": 51.14, "lon": 71.41, "values": {"camera_kind": "dome", "near": "school", "status": "online"}}]}
            """, _camerasKey);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        await using var conn = await _db.OpenConnectionAsync();
        Assert.Equal("Школа №12", await conn.ExecuteScalarAsync<string>("SELECT name FROM city_objects WHERE system_code = 'cameras' AND source_id = 'api-cam-1'"));
    }

    private async Task<int> CountAsync(string sourceId)
    {
        await using var conn = await _db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>("""
            SELECT count(*)::int FROM city_readings r JOIN city_objects o ON o.id = r.object_id WHERE o.system_code = 'manholes' AND o.source_id = @sourceId
            """, new { sourceId });
    }
}
