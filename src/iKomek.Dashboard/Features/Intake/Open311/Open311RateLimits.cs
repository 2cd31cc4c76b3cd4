using System.Globalization;
using System.Net;
using IKomek.Dashboard.Platform.RateLimits;

namespace IKomek.Dashboard.Features.Intake.Open311;

/// <summary>Settings under <c>Open311:RateLimits</c>: requests a minute (a sliding minute, over all app nodes).</summary>
public sealed class Open311RateLimitOptions
{
    public const string Section = "Open311:RateLimits";

    /// <summary>Requests of any kind from one address (reads and writes, with or without a key).</summary>
    public int PerAddressPerMinute { get; set; } = 1200;

    /// <summary>Requests with one API key (api_clients.requests_per_minute overrides it for a client).</summary>
    public int PerKeyPerMinute { get; set; } = 600;

    /// <summary>Unknown or revoked keys from one address: a key guesser is stopped after these.</summary>
    public int InvalidKeysPerAddressPerMinute { get; set; } = 10;
}

/// <summary>
/// The API's limits, counted in PostgreSQL so that they hold over all app nodes (<see cref="RateCounters"/>): every
/// request against its address; a request with a known key against its key; an unknown key against its address's
/// guesses. Over a limit the answer is 429 with Retry-After, in the API's own error form.
/// </summary>
public sealed class Open311RateLimits(Open311RateLimitOptions options, RateCounters counters)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Null while the address may go on; else how long it should wait.</summary>
    public ValueTask<TimeSpan?> AddressUseAsync(IPAddress? address, CancellationToken ct) =>
        counters.TakeAsync("open311-address:" + Name(address), options.PerAddressPerMinute, Minute, ct);

    /// <summary>Null while the client may go on; else how long it should wait. A changed limit holds from the next request.</summary>
    public ValueTask<TimeSpan?> KeyUseAsync(int clientId, int? clientPerMinute, CancellationToken ct) =>
        counters.TakeAsync("open311-key:" + clientId.ToString(CultureInfo.InvariantCulture), clientPerMinute ?? options.PerKeyPerMinute, Minute, ct);

    /// <summary>An unknown key from this address: null while the address has guesses left.</summary>
    public ValueTask<TimeSpan?> GuessAsync(IPAddress? address, CancellationToken ct) =>
        counters.TakeAsync("open311-guess:" + Name(address), options.InvalidKeysPerAddressPerMinute, Minute, ct);

    /// <summary>429 for an address over its limit.</summary>
    public IResult TooManyFromAddress(HttpContext http, string format, TimeSpan retryAfter) =>
        TooMany(http, format, retryAfter, $"more than {options.PerAddressPerMinute} a minute from this address");

    /// <summary>429 in the API's error form, with Retry-After in whole seconds.</summary>
    public static IResult TooMany(HttpContext http, string format, TimeSpan retryAfter, string what)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Open311Body.Errors(format, StatusCodes.Status429TooManyRequests, $"Too many requests: {what}. Retry after {seconds} s.");
    }

    private static string Name(IPAddress? address) => address?.ToString() ?? "unknown";
}
