using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace IKomek.Dashboard.Platform.Audit;

/// <summary>
/// The address a page's reader connects from, for the audit log's "from where". Read once, when the page's circuit
/// opens: that happens inside the connection's own request, and an interactive page has no request of its own later.
/// Registered as a circuit handler so that it is made at that moment, not at its first use.
/// </summary>
public sealed class ReaderAddress(IHttpContextAccessor? http = null) : CircuitHandler
{
    public IPAddress? Value { get; } = http?.HttpContext?.Connection.RemoteIpAddress;
}

public static class ReaderAddressExtensions
{
    public static IServiceCollection AddReaderAddress(this IServiceCollection services) => services
        .AddHttpContextAccessor()
        .AddScoped<ReaderAddress>()
        .AddScoped<CircuitHandler>(sp => sp.GetRequiredService<ReaderAddress>());
}
