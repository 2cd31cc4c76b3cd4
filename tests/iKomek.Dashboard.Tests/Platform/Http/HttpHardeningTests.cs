using System.Net;
using IKomek.Dashboard.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IKomek.Dashboard.Tests.Platform.Http;

/// <summary>The panel's pipeline head on a real Kestrel over real HTTP: whose forwarded headers are believed, HSTS, the guards.</summary>
public sealed class HttpHardeningTests
{
    [Fact]
    public async Task ForwardedHeaders_WithoutKnownProxies_AreIgnored()
    {
        await using var app = await StartAsync([]);

        var seen = await WhoAsync(app, forwardedFor: "203.0.113.7", forwardedProto: "https");

        Assert.Equal("127.0.0.1 http", seen);
    }

    [Fact]
    public async Task ForwardedHeaders_FromAConfiguredProxy_GiveTheClientsAddressAndScheme()
    {
        await using var app = await StartAsync(new() { ["Network:KnownProxies:0"] = "127.0.0.1" });

        Assert.Equal("203.0.113.7 https", await WhoAsync(app, forwardedFor: "203.0.113.7", forwardedProto: "https"));
    }

    [Fact]
    public async Task ForwardedHeaders_FromAConfiguredNetwork_AreUsed_FromAnotherAreNot()
    {
        await using (var trusted = await StartAsync(new() { ["Network:KnownNetworks:0"] = "127.0.0.0/8" }))
        {
            Assert.Equal("198.51.100.4 http", await WhoAsync(trusted, forwardedFor: "198.51.100.4", forwardedProto: null));
        }
        await using var other = await StartAsync(new() { ["Network:KnownNetworks:0"] = "10.0.0.0/8" });
        Assert.Equal("127.0.0.1 http", await WhoAsync(other, forwardedFor: "198.51.100.4", forwardedProto: null));
    }

    [Theory]
    [InlineData("Network:KnownProxies:0", "10.0.0.x", "'10.0.0.x' is not an IP address")]
    [InlineData("Network:KnownNetworks:0", "10.0.0.0", "'10.0.0.0' is not a network in CIDR form")]
    public async Task BadProxySetting_StopsTheStartWithWhatIsWrong(string key, string value, string message)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(new() { [key] = value }));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task Hsts_OnlyOnHttpsFromAKnownProxy_GuardsOnEveryResponse()
    {
        await using var app = await StartAsync(new() { ["Network:KnownProxies:0"] = "127.0.0.1" });
        using var http = new HttpClient();

        using var plain = await http.SendAsync(Request(app, "panel.example.kz", null, null));
        using var tls = await http.SendAsync(Request(app, "panel.example.kz", null, "https"));

        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.StartsWith("max-age=31536000", Assert.Single(tls.Headers.GetValues("Strict-Transport-Security")));
        foreach (var response in new[] { plain, tls })
        {
            Assert.Equal(HttpHardening.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    private sealed class App(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;
        public ValueTask DisposeAsync() => app.DisposeAsync();
    }

    private static async Task<App> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddHttpHardening();
        var app = builder.Build();
        app.UseHttpHardening();
        app.MapGet("/who", (HttpContext h) => $"{h.Connection.RemoteIpAddress} {h.Request.Scheme}");
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new App(app, url);
    }

    private static HttpRequestMessage Request(App app, string? host, string? forwardedFor, string? forwardedProto)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, app.Url + "/who");
        if (host is not null) request.Headers.Host = host;
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return request;
    }

    private static async Task<string> WhoAsync(App app, string? forwardedFor, string? forwardedProto)
    {
        using var http = new HttpClient();
        using var response = await http.SendAsync(Request(app, null, forwardedFor, forwardedProto));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
