using System.Globalization;
using System.Security.Claims;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;
using IKomek.Dashboard.Platform.RateLimits;

namespace IKomek.Dashboard.Platform.Exports;

/// <summary>The limits of the exports (section City:Exports).</summary>
public sealed class ExportOptions
{
    public const string Section = "City:Exports";

    /// <summary>Rows one export may hold; a filter that finds more is refused with a message saying so.</summary>
    public int MaxRows { get; set; } = 100_000;

    /// <summary>Exports one login may start per minute, over all app nodes.</summary>
    public int PerMinute { get; set; } = 5;
}

/// <summary>
/// What every export of appeals checks before it reads a row, in one place: the rate per login (a few a minute, then
/// 429 with Retry-After), the rows per export (refused with a clear message above the maximum), and the record of the
/// export in the audit log (its filter and row count, never its rows). Sign-in is the endpoint's RequireAuthorization.
/// </summary>
public sealed class ExportGate(ExportOptions options, RateCounters counters, AuditLog audit)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly Texts T = new();

    public int MaxRows => options.MaxRows;

    /// <summary>Null when the login may export now (the export is counted on every node); otherwise how long until it may.</summary>
    public ValueTask<TimeSpan?> EnterAsync(string login, CancellationToken ct) => counters.TakeAsync("export:" + login, options.PerMinute, Window, ct);

    /// <summary>
    /// The refusal of an export, if any: 429 with Retry-After beyond the rate, 400 with the reason when the filter
    /// finds more than <see cref="MaxRows"/> (<paramref name="countAsync"/> counts up to one more than that).
    /// </summary>
    public async Task<IResult?> RefuseAsync(ClaimsPrincipal user, Func<long, Task<long>> countAsync, CancellationToken ct = default)
    {
        if (await EnterAsync(user.Login() ?? "", ct) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return new TooOften(seconds, T.Format("exports.tooOften", options.PerMinute, seconds));
        }
        var rows = await countAsync(options.MaxRows + 1L);
        return rows > options.MaxRows
            ? Results.Text(T.Format("exports.tooMany", options.MaxRows), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest)
            : null;
    }

    /// <summary>Records a finished export: who, from where, which filter, how many rows, whether personal data was redacted.</summary>
    public Task RecordAsync(HttpContext http, string action, string subject, string format, string filter, int rows, bool redacted) =>
        audit.RecordAsync(Actor.Of(http.User, http.Connection.RemoteIpAddress), action, "export", subject,
            new { format, filter, rows, redacted }, CancellationToken.None);

    private sealed class TooOften(int seconds, string message) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            http.Response.ContentType = "text/plain; charset=utf-8";
            return http.Response.WriteAsync(message);
        }
    }
}
