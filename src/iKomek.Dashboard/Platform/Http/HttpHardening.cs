using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace IKomek.Dashboard.Platform.Http;

/// <summary>Settings under <c>Network</c>: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed.</summary>
public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>Addresses of the proxies in front of the panel, e.g. <c>10.0.0.5</c>. None by default: the headers are ignored.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// What every response carries and how a request's real address and scheme are read: forwarded headers only from
/// configured proxies (anyone else could claim any address and escape the sign-in throttle), HSTS on HTTPS, and the
/// browser's guards (Content-Security-Policy, nosniff, referrer policy, no framing).
/// </summary>
public static class HttpHardening
{
    /// <summary>
    /// Scripts only from the panel itself (blazor.web.js, MudBlazor, plotly.js: none needs eval); styles also inline
    /// (MudBlazor and Plotly set style attributes and elements); the circuit's websocket is 'self'; no framing.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void AddHttpHardening(this WebApplicationBuilder builder)
    {
        var network = builder.Configuration.GetSection(NetworkOptions.Section).Get<NetworkOptions>() ?? new NetworkOptions();
        var proxies = network.KnownProxies.Select(p => IPAddress.TryParse(p.Trim(), out var a) ? a
            : throw new InvalidOperationException($"Network:KnownProxies: '{p}' is not an IP address")).ToList();
        var networks = network.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var net) ? net
            : throw new InvalidOperationException($"Network:KnownNetworks: '{n}' is not a network in CIDR form (e.g. 10.0.0.0/24)")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; the panel trusts only what is configured.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies) o.KnownProxies.Add(p);
            foreach (var n in networks) o.KnownIPNetworks.Add(n);
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme.</summary>
    public static void UseHttpHardening(this WebApplication app)
    {
        // With no known proxy the framework would believe the headers from anyone: then it is not used at all.
        var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (forwarded.KnownProxies.Count > 0 || forwarded.KnownIPNetworks.Count > 0) app.UseForwardedHeaders();
        // Only on HTTPS (also behind a TLS-terminating proxy), never on plain-HTTP or localhost development.
        app.UseHsts();
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return next(http);
        });
    }
}
