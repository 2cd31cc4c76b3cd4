using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace IKomek.Dashboard.Features.Intake.Open311;

/// <summary>Settings under <c>Open311:RateLimits</c>: requests a minute, refilled evenly (token buckets).</summary>
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
/// The API's limits, on ASP.NET Core's rate limiter: every request counts against its address (the middleware's
/// policy on the API's group); a request with a known key against its key; an unknown key against its address's
/// guesses. Over a limit the answer is 429 with Retry-After, in the API's own error form.
/// </summary>
public sealed class Open311RateLimits : IDisposable
{
    public const string AddressPolicy = "open311-address";

    private readonly Open311RateLimitOptions _options;
    private readonly PartitionedRateLimiter<(int Client, int PerMinute)> _perKey;
    private readonly PartitionedRateLimiter<string> _guesses;

    public Open311RateLimits(Open311RateLimitOptions options)
    {
        _options = options;
        // The partition names the limit too: a client whose limit was changed gets a bucket of the new size.
        _perKey = PartitionedRateLimiter.Create<(int Client, int PerMinute), (int, int)>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key, k => Bucket(k.PerMinute)));
        _guesses = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetTokenBucketLimiter(address, _ => Bucket(options.InvalidKeysPerAddressPerMinute)));
    }

    /// <summary>A bucket of <paramref name="perMinute"/> tokens refilled evenly over the minute (in steps of at least
    /// 100 ms, the partitioned limiters' tick): a burst of the whole minute's share, then an even pace.</summary>
    public static TokenBucketRateLimiterOptions Bucket(int perMinute)
    {
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 100, TimeSpan.TicksPerMinute / perMinute));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = (int)Math.Max(1, Math.Round(perMinute * (double)period.Ticks / TimeSpan.TicksPerMinute)),
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    /// <summary>Null when the client may go on; else how long it should wait.</summary>
    public TimeSpan? KeyUse(int clientId, int? clientPerMinute) =>
        Refused(_perKey.AttemptAcquire((clientId, clientPerMinute ?? _options.PerKeyPerMinute)));

    /// <summary>An unknown key from this address: null while the address has guesses left.</summary>
    public TimeSpan? Guess(IPAddress? address) => Refused(_guesses.AttemptAcquire(address?.ToString() ?? "unknown"));

    private static TimeSpan? Refused(RateLimitLease lease)
    {
        using (lease)
        {
            if (lease.IsAcquired) return null;
            return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        }
    }

    /// <summary>429 in the API's error form, with Retry-After in whole seconds.</summary>
    public static IResult TooMany(HttpContext http, string format, TimeSpan retryAfter, string what)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Open311Body.Errors(format, StatusCodes.Status429TooManyRequests, $"Too many requests: {what}. Retry after {seconds} s.");
    }

    /// <summary>The middleware's per-address policy on the whole API.</summary>
    public static void AddPolicy(RateLimiterOptions limiter, Open311RateLimitOptions options)
    {
        limiter.AddPolicy(AddressPolicy, http => RateLimitPartition.GetTokenBucketLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => Bucket(options.PerAddressPerMinute)));
        limiter.OnRejected = async (context, ct) =>
        {
            var http = context.HttpContext;
            var after = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var a) ? a : TimeSpan.FromSeconds(1);
            var format = http.Request.Path.Value?.EndsWith(".xml", StringComparison.Ordinal) == true ? "xml" : "json";
            await TooMany(http, format, after, $"more than {options.PerAddressPerMinute} a minute from this address").ExecuteAsync(http);
        };
    }

    public void Dispose()
    {
        _perKey.Dispose();
        _guesses.Dispose();
    }
}
