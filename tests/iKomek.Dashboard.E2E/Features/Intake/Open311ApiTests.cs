using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using IKomek.Dashboard.E2E.Infrastructure;

namespace IKomek.Dashboard.E2E.Features.Intake;

/// <summary>The Open311 GeoReport v2 API over real HTTP against the running app and its demo city.</summary>
[Collection(DashboardCollection.Name)]
public sealed class Open311ApiTests(DashboardFixture fixture)
{
    private const string ApiKey = "demo-astana-ikomek-109";
    private readonly HttpClient _http = new() { BaseAddress = new Uri(fixture.App.BaseUrl + "/open311/v2/") };

    [Fact]
    public async Task Services_ListEveryTypeWithItsAreaAsGroup_InJsonAndXml()
    {
        var json = await GetJsonAsync("services.json");
        var xml = XDocument.Parse(await _http.GetStringAsync("services.xml"));

        Assert.True(json.GetArrayLength() >= 1000);
        var first = json[0];
        Assert.Equal("heating", first.GetProperty("group").GetString());
        Assert.Equal("realtime", first.GetProperty("type").GetString());
        Assert.Equal(json.GetArrayLength(), xml.Root!.Elements("service").Count());
        Assert.Equal("services", xml.Root.Name.LocalName);
        Assert.Equal("utf-8", xml.Declaration!.Encoding, ignoreCase: true);
    }

    [Fact]
    public async Task ServiceDefinition_CriticalElevatorAsksAboutPeopleTrapped_UnknownCodeIs404()
    {
        var code = await ServiceCodeAsync("elevators", metadata: true);

        var definition = await GetJsonAsync($"services/{code}.json");
        var missing = await _http.GetAsync("services/no.such.code.json");

        var attribute = definition.GetProperty("attributes")[0];
        Assert.Equal("people_trapped", attribute.GetProperty("code").GetString());
        Assert.True(attribute.GetProperty("required").GetBoolean());
        await AssertErrorAsync(missing, HttpStatusCode.NotFound, "service_code 'no.such.code' was not found");
    }

    [Fact]
    public async Task PostForm_Returns201_AndTheRequestReadsBackWithCyrillicAndKazakhUntouched()
    {
        var code = await ServiceCodeAsync("heating");
        const string text = "Нет отопления в квартире, холодно! Пәтерде жылу жоқ, балалар ауырып жатыр: ә ғ қ ң ө ұ ү һ і.";

        var post = await PostFormAsync(new() { ["service_code"] = code, ["lat"] = "51.1605", ["long"] = "71.4704", ["description"] = text,
            ["attribute[flat_temperature]"] = "14", ["email"] = "resident@example.kz", ["language"] = "mixed", ["channel"] = "telegram" });

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var id = (await ReadJsonAsync(post))[0].GetProperty("service_request_id").GetString()!;
        Assert.Matches(@"^109-\d{4}-\d{7}$", id);
        var request = (await GetJsonAsync($"requests/{id}.json"))[0];
        Assert.Equal(text, request.GetProperty("description").GetString());
        Assert.Equal(code, request.GetProperty("service_code").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("telegram", request.GetProperty("channel").GetString());
        Assert.Equal("mixed", request.GetProperty("language").GetString());
        Assert.EndsWith("+05:00", request.GetProperty("requested_datetime").GetString());
        Assert.True(DateTimeOffset.Parse(request.GetProperty("expected_datetime").GetString()!) > DashboardFixture.FixedNow);
        Assert.Equal("registered", request.GetProperty("notes")[0].GetProperty("type").GetString());
        var xml = XDocument.Parse(await _http.GetStringAsync($"requests/{id}.xml"));
        Assert.Equal(text, xml.Root!.Element("request")!.Element("description")!.Value);
    }

    [Fact]
    public async Task PostJson_IsAcceptedToo()
    {
        var code = await ServiceCodeAsync("roads_sidewalks");
        var body = JsonContent.Create(new { api_key = ApiKey, service_code = code, lat = 51.09, @long = 71.41, description = "Яма на дороге" });

        var post = await _http.PostAsync("requests.json", body);

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
    }

    [Fact]
    public async Task Resubmission_WithTheSameToken_ReturnsTheFirstAppeal()
    {
        var code = await ServiceCodeAsync("street_lighting");
        var token = "e2e-" + Guid.NewGuid().ToString("N");
        var fields = new Dictionary<string, string> { ["service_code"] = code, ["lat"] = "51.15", ["long"] = "71.40", ["description"] = "Не горят фонари", ["token"] = token };

        var first = await PostFormAsync(fields);
        var again = await PostFormAsync(fields);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var id = (await ReadJsonAsync(first))[0].GetProperty("service_request_id").GetString();
        Assert.Equal(id, (await ReadJsonAsync(again))[0].GetProperty("service_request_id").GetString());
        var byToken = (await GetJsonAsync($"tokens/{token}.json"))[0];
        Assert.Equal(id, byToken.GetProperty("service_request_id").GetString());
        var listed = await GetJsonAsync($"requests.json?service_code={code}&status=open");
        Assert.Single(listed.EnumerateArray(), r => r.GetProperty("description").GetString() == "Не горят фонари" && r.GetProperty("service_request_id").GetString() == id);
    }

    [Fact]
    public async Task SameIncidentNearby_IsLinkedToTheFirstReport()
    {
        var code = await ServiceCodeAsync("water_supply");

        var first = await PostFormAsync(new() { ["service_code"] = code, ["lat"] = "51.1801", ["long"] = "71.4402", ["description"] = "Нет воды" });
        var second = await PostFormAsync(new() { ["service_code"] = code, ["lat"] = "51.1810", ["long"] = "71.4410", ["description"] = "Су жоқ" });

        var firstId = (await ReadJsonAsync(first))[0].GetProperty("service_request_id").GetString();
        var secondId = (await ReadJsonAsync(second))[0].GetProperty("service_request_id").GetString();
        var request = (await GetJsonAsync($"requests/{secondId}.json"))[0];
        Assert.Equal(firstId, request.GetProperty("duplicate_of").GetString());
    }

    [Fact]
    public async Task AddressString_FromTheRegister_PlacesTheAppeal()
    {
        // A demo city's appeal: the privacy tests' appeals name a street of their own, placed by coordinates, not in the register.
        var known = (await GetJsonAsync("requests.json?page_size=200")).EnumerateArray()
            .First(r => r.GetProperty("address").ValueKind == JsonValueKind.String && r.GetProperty("lat").ValueKind == JsonValueKind.Number
                        && !r.GetProperty("address").GetString()!.Contains("Проверочная", StringComparison.Ordinal));
        var code = await ServiceCodeAsync("sanitation");

        var post = await PostFormAsync(new() { ["service_code"] = code, ["address_string"] = known.GetProperty("address").GetString()!, ["description"] = "Мусор во дворе" });

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var id = (await ReadJsonAsync(post))[0].GetProperty("service_request_id").GetString();
        var request = (await GetJsonAsync($"requests/{id}.json"))[0];
        Assert.Equal(known.GetProperty("district").GetString(), request.GetProperty("district").GetString());
    }

    [Theory]
    [InlineData("api_key", "", 403, "api_key is required")]
    [InlineData("api_key", "wrong-key-wrong-key", 403, "Invalid api_key")]
    [InlineData("service_code", "no.such.service", 404, "service_code 'no.such.service' was not found")]
    [InlineData("service_code", "", 400, "service_code is required")]
    [InlineData("lat", "abc", 400, "lat 'abc' is not a number")]
    [InlineData("lat", "43.25", 400, "is outside the city's bounds")]
    [InlineData("long", "", 400, "lat and long must be sent together")]
    [InlineData("description", "<b>hi</b>", 400, "HTML or code is not accepted")]
    [InlineData("media_url", "javascript:alert(1)", 400, "media_url must be an absolute http or https URL")]
    [InlineData("email", "not-an-email", 400, "is not an e-mail address")]
    [InlineData("channel", "fax", 400, "channel 'fax' is not one of")]
    [InlineData("language", "de", 400, "language 'de' is not one of ru, kk, en, mixed")]
    [InlineData("district", "moscow", 400, "district 'moscow' is not one of")]
    [InlineData("address_id", "x1", 400, "address_id 'x1' is not a positive whole number")]
    [InlineData("address_id", "999999999", 404, "address_id 999999999 is not in the address register")]
    public async Task BadField_IsRejectedPrecisely_AndNothingIsStored(string field, string value, int status, string message)
    {
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        var fields = new Dictionary<string, string>
        {
            ["service_code"] = await ServiceCodeAsync("landscaping"), ["lat"] = "51.13", ["long"] = "71.43", ["description"] = "Сломана скамейка " + marker,
        };
        if (field == "address_id") { fields.Remove("lat"); fields.Remove("long"); }
        fields[field] = value;
        if (field == "description") fields["description"] += marker;

        var response = await PostFormAsync(fields, includeKey: field != "api_key");
        if (field == "api_key" && value != "") response = await _http.PostAsync("requests.json", new FormUrlEncodedContent(fields));

        await AssertErrorAsync(response, (HttpStatusCode)status, message);
        await AssertNotStoredAsync(marker);
    }

    [Fact]
    public async Task BadRequests_OversizedMissingLocationWrongAttributes_AreRejected()
    {
        var heating = await ServiceCodeAsync("heating");
        var elevator = await ServiceCodeAsync("elevators", metadata: true);

        await AssertErrorAsync(await PostFormAsync(new() { ["service_code"] = heating, ["lat"] = "51.13", ["long"] = "71.43", ["description"] = new string('а', 4001) }),
            HttpStatusCode.BadRequest, "description is 4001 characters long; at most 4000");
        await AssertErrorAsync(await PostFormAsync(new() { ["service_code"] = heating, ["description"] = "Холодно" }),
            HttpStatusCode.BadRequest, "a location is required");
        await AssertErrorAsync(await PostFormAsync(new() { ["service_code"] = elevator, ["lat"] = "51.13", ["long"] = "71.43", ["description"] = "Застрял лифт" }),
            HttpStatusCode.BadRequest, "attribute[people_trapped] is required");
        await AssertErrorAsync(await PostFormAsync(new() { ["service_code"] = elevator, ["lat"] = "51.13", ["long"] = "71.43", ["attribute[people_trapped]"] = "maybe" }),
            HttpStatusCode.BadRequest, "attribute[people_trapped] 'maybe' is not one of yes, no");
        await AssertErrorAsync(await PostFormAsync(new() { ["service_code"] = heating, ["lat"] = "51.13", ["long"] = "71.43", ["attribute[flat_temperature]"] = "warm" }),
            HttpStatusCode.BadRequest, "attribute[flat_temperature] 'warm' is not a number");
        await AssertErrorAsync(await PostFormAsync(new() { ["service_code"] = heating, ["lat"] = "51.13", ["long"] = "71.43", ["attribute[colour]"] = "red" }),
            HttpStatusCode.BadRequest, "attribute[colour] is not an attribute");
        await AssertErrorAsync(await PostFormAsync(new() { ["service_code"] = heating, ["lat"] = "51.13", ["long"] = "71.43", ["description"] = new string('x', 70_000) }),
            HttpStatusCode.BadRequest, "larger than 64 KB");
        await AssertErrorAsync(await _http.PostAsync("requests.json", new StringContent("{\"api_key\": ", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "the request body could not be read");
        await AssertErrorAsync(await _http.PostAsync("requests.json", new StringContent("<a/>", Encoding.UTF8, "text/plain")),
            HttpStatusCode.BadRequest, "application/x-www-form-urlencoded");
    }

    [Fact]
    public async Task FormBodyNotInUtf8_IsRefusedInTheErrorForm_NotStoredMangled()
    {
        var code = await ServiceCodeAsync("heating");
        var marker = "utf8-" + Guid.NewGuid().ToString("N")[..8];
        // "Холодно" in Windows-1251, percent-encoded, as a client that ignores the charset would send it.
        var body = $"api_key={ApiKey}&service_code={code}&lat=51.13&long=71.43&description={marker}+%D5%EE%EB%EE%E4%ED%EE";

        var response = await _http.PostAsync("requests.json", new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded"));
        var xml = await _http.PostAsync("requests.xml", new ByteArrayContent([.. Encoding.ASCII.GetBytes($"api_key={ApiKey}&description="), 0xC3, 0x28])
            { Headers = { ContentType = new("application/x-www-form-urlencoded") } });

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "field 'description' is not valid UTF-8 (byte 0xD5");
        Assert.Equal(HttpStatusCode.BadRequest, xml.StatusCode);
        Assert.Contains("<error><code>400</code><description>the request body could not be read: field 'description' is not valid UTF-8", await xml.Content.ReadAsStringAsync());
        await AssertNotStoredAsync(marker);
    }

    [Fact]
    public async Task Discovery_NamesTheConfiguredAddress_NotTheHostHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "discovery.json") { Headers = { Host = "evil.example" } };

        var response = await _http.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", body);
        var url = JsonDocument.Parse(body).RootElement.GetProperty("endpoints")[0].GetProperty("url").GetString();
        Assert.Equal(fixture.App.BaseUrl + "/open311/v2", url);
    }

    [Theory]
    [InlineData("/%5Cevil.example")]
    [InlineData("//evil.example")]
    [InlineData("/%5C/evil.example")]
    [InlineData("https://evil.example/")]
    public async Task CultureSwitch_ToAnotherSite_GoesHomeInstead(string redirect)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.App.BaseUrl) };

        var response = await http.GetAsync($"/culture?ui=en&redirect={redirect}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync("/culture?ui=kk&redirect=/appeals%3Fdistrict%3D3")).StatusCode);
        Assert.Equal("/appeals?district=3", (await http.GetAsync("/culture?ui=kk&redirect=/appeals%3Fdistrict%3D3")).Headers.Location?.ToString());
    }

    [Fact]
    public async Task GetRequests_ValidatesItsArguments()
    {
        await AssertErrorAsync(await _http.GetAsync("requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"),
            HttpStatusCode.BadRequest, "may not span more than 90 days");
        await AssertErrorAsync(await _http.GetAsync("requests.json?start_date=yesterday"), HttpStatusCode.BadRequest, "start_date 'yesterday' is not a w3 date-time");
        await AssertErrorAsync(await _http.GetAsync("requests.json?status=pending"), HttpStatusCode.BadRequest, "status 'pending' is not one of open, closed");
        await AssertErrorAsync(await _http.GetAsync("requests.json?page_size=5000"), HttpStatusCode.BadRequest, "page_size '5000' must be a whole number from 1 to 1000");
        await AssertErrorAsync(await _http.GetAsync("requests.csv"), HttpStatusCode.BadRequest, "format 'csv' is not supported");
        await AssertErrorAsync(await _http.GetAsync("requests/109-1999-0000001.xml"), HttpStatusCode.NotFound, "was not found");
        var xmlError = XDocument.Parse(await (await _http.GetAsync("requests/109-1999-0000001.xml")).Content.ReadAsStringAsync());
        Assert.Equal("404", xmlError.Root!.Element("error")!.Element("code")!.Value);
    }

    [Fact]
    public async Task GetRequests_PagesAndFilters()
    {
        var page1 = await GetJsonAsync("requests.json?page_size=5&page=1");
        var page2 = await GetJsonAsync("requests.json?page_size=5&page=2");
        var closed = await GetJsonAsync("requests.json?status=closed&page_size=50");

        Assert.Equal(5, page1.GetArrayLength());
        Assert.Empty(page1.EnumerateArray().Select(Id).Intersect(page2.EnumerateArray().Select(Id)));
        Assert.All(closed.EnumerateArray(), r => Assert.Equal("closed", r.GetProperty("status").GetString()));
        Assert.True(closed.GetArrayLength() > 0);
        static string Id(JsonElement r) => r.GetProperty("service_request_id").GetString()!;
    }

    private async Task<string> ServiceCodeAsync(string area, bool metadata = false) =>
        (await GetJsonAsync("services.json")).EnumerateArray()
            .First(s => s.GetProperty("group").GetString() == area && (!metadata || s.GetProperty("metadata").GetBoolean()))
            .GetProperty("service_code").GetString()!;

    private Task<HttpResponseMessage> PostFormAsync(Dictionary<string, string> fields, bool includeKey = true)
    {
        if (includeKey) fields.TryAdd("api_key", ApiKey);
        return _http.PostAsync("requests.json", new FormUrlEncodedContent(fields));
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _http.GetAsync(url);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return await ReadJsonAsync(response);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        if (response.Content.Headers.ContentType?.MediaType == "text/xml") return;
        var errors = JsonDocument.Parse(body).RootElement;
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("code").GetInt32() == (int)status && e.GetProperty("description").GetString()!.Contains(message));
    }

    private async Task AssertNotStoredAsync(string marker)
    {
        var recent = await GetJsonAsync("requests.json?page_size=1000");
        Assert.DoesNotContain(recent.EnumerateArray(), r => r.GetProperty("description").GetString()!.Contains(marker));
    }
}
