using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Platform.Exports;

/// <summary>The limits of the exports (section City:Exports).</summary>
public sealed class ExportOptions
{
    public const string Section = "City:Exports";

    /// <summary>Rows one export may hold; a filter that finds more is refused with a message saying so.</summary>
    public int MaxRows { get; set; } = 100_000;

    /// <summary>Exports one login may start per minute (on one app node).</summary>
    public int PerMinute { get; set; } = 5;
}

/// <summary>
/// What every export of appeals checks before it reads a row, in one place: the rate per login (a few a minute, then
/// 429 with Retry-After), the rows per export (refused with a clear message above the maximum), and the record of the
/// export in the audit log (its filter and row count, never its rows). Sign-in is the endpoint's RequireAuthorization.
/// </summary>
public sealed class ExportGate(ExportOptions options, TimeProvider time, AuditLog audit)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly Texts T = new();
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);

    public int MaxRows => options.MaxRows;

    /// <summary>Null when the login may export now (the export is counted); otherwise how long until it may.</summary>
    public TimeSpan? Enter(string login)
    {
        var now = time.GetUtcNow();
        var recent = _recent.GetOrAdd(login, _ => new Queue<DateTimeOffset>());
        lock (recent)
        {
            while (recent.Count > 0 && now - recent.Peek() >= Window) recent.Dequeue();
            if (recent.Count >= options.PerMinute) return recent.Peek() + Window - now;
            recent.Enqueue(now);
            return null;
        }
    }

    /// <summary>
    /// The refusal of an export, if any: 429 with Retry-After beyond the rate, 400 with the reason when the filter
    /// finds more than <see cref="MaxRows"/> (<paramref name="countAsync"/> counts up to one more than that).
    /// </summary>
    public async Task<IResult?> RefuseAsync(ClaimsPrincipal user, Func<long, Task<long>> countAsync)
    {
        if (Enter(user.Login() ?? "") is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
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
