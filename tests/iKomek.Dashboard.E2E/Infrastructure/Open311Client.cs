using System.Net;
using System.Text.Json;

namespace IKomek.Dashboard.E2E.Infrastructure;

/// <summary>Posts appeals to a node's Open311 API with the demo city's key, as a citizen's app would.</summary>
public sealed class Open311Client(string baseUrl) : IDisposable
{
    public const string DemoApiKey = "demo-astana-ikomek-109";
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl + "/open311/v2/") };

    /// <summary>The first service code of an area (with attributes when <paramref name="metadata"/>), or of the whole list.</summary>
    public async Task<string> ServiceCodeAsync(string? area = null, bool metadata = false) =>
        JsonDocument.Parse(await _http.GetStringAsync("services.json")).RootElement.EnumerateArray()
            .First(s => (area is null || s.GetProperty("group").GetString() == area) && (!metadata || s.GetProperty("metadata").GetBoolean()))
            .GetProperty("service_code").GetString()!;

    /// <summary>Posts an appeal and returns its service_request_id; fails unless the API answers 201.</summary>
    public async Task<string> PostAsync(string serviceCode, string description, double lat, double lon, params (string Name, string Value)[] extra)
    {
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = DemoApiKey, ["service_code"] = serviceCode, ["description"] = description,
            ["lat"] = lat.ToString(System.Globalization.CultureInfo.InvariantCulture), ["long"] = lon.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in extra) fields[name] = value;
        var response = await _http.PostAsync("requests.json", new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    /// <summary>Posts an appeal and returns the status, the body and the Retry-After header, whatever the answer.</summary>
    public async Task<(HttpStatusCode Status, string Body, string? RetryAfter)> TryPostAsync(string serviceCode, string description, double lat, double lon)
    {
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = DemoApiKey, ["service_code"] = serviceCode, ["description"] = description,
            ["lat"] = lat.ToString(System.Globalization.CultureInfo.InvariantCulture), ["long"] = lon.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using var response = await _http.PostAsync("requests.json", new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter?.ToString());
    }

    /// <summary>The appeal's id if the API has it (GET requests/{id}.json answers 200), else null.</summary>
    public async Task<bool> ExistsAsync(string id) => (await _http.GetAsync($"requests/{id}.json")).StatusCode == HttpStatusCode.OK;

    public void Dispose() => _http.Dispose();
}
