using System.Net;
using System.Text.RegularExpressions;

namespace IKomek.Dashboard.E2E.Infrastructure;

/// <summary>
/// The panel over plain HTTP as a browser would use it, cookies kept by hand (so a test can copy one, and so a cookie
/// marked Secure still travels to the test server): the sign-in form with its antiforgery token, sign-out, and
/// whether a request counts as signed in. Optionally as if behind a proxy (X-Forwarded-For / -Proto).
/// </summary>
public sealed partial class PanelHttpClient(string baseUrl, string? forwardedFor = null, string? forwardedProto = null, string? host = null) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };

    public Dictionary<string, string> Cookies { get; } = [];

    /// <summary>The Set-Cookie headers of the last response.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public HttpResponseMessage? LastResponse { get; private set; }

    public async Task<string> GetAsync(string path)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form with extra headers (an antiforgery header, say); returns the body.</summary>
    public async Task<string> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> form, IReadOnlyDictionary<string, string>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.Add(name, value);
        using var response = await SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The Cookie header this client sends (a SignalR client of the same reader carries it).</summary>
    public string CookieHeader => string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Posts the sign-in form; returns the page's refusal text, or null when it signed in (a redirect).</summary>
    public async Task<string?> SignInAsync(string login, string password)
    {
        var token = Token(await GetAsync("/account/signin"));
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Input.Login"] = login, ["Input.Password"] = password,
            }),
        });
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther) return null;
        var page = await response.Content.ReadAsStringAsync();
        var error = ErrorText().Match(page);
        return error.Success ? WebUtility.HtmlDecode(error.Groups[1].Value) : $"no redirect and no error ({(int)response.StatusCode})";
    }

    public async Task<HttpStatusCode> SignOutAsync()
    {
        var token = Token(await GetAsync("/account/signin"));
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/signout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/" }),
        });
        return response.StatusCode;
    }

    /// <summary>Whether the panel takes this client's cookie as a signed-in user (the sign-in page says who).</summary>
    public async Task<bool> IsSignedInAsync() => (await GetAsync("/account/signin")).Contains("data-testid=\"sign-in-current\"", StringComparison.Ordinal);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        if (host is not null) request.Headers.Host = host;
        var response = await _http.SendAsync(request);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        foreach (var cookie in LastSetCookies)
        {
            var pair = cookie.Split(';')[0];
            var eq = pair.IndexOf('=');
            var (name, value) = (pair[..eq], pair[(eq + 1)..]);
            // A cleared cookie comes back empty and expired.
            if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) Cookies.Remove(name);
            else Cookies[name] = value;
        }
        LastResponse = response;
        return response;
    }

    private static string Token(string page) =>
        TokenField().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("data-testid=\"sign-in-error\"[\\s\\S]*?<span class=\"message\"[^>]*>([^<]*)</span>")]
    private static partial Regex ErrorText();

    public void Dispose() => _http.Dispose();
}
