namespace IKomek.Dashboard.Features.Alerts;

/// <summary>Alerts to leaders (section <c>Alerts</c>; README.md of this folder).</summary>
public sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// <summary>The panel's address as the receivers reach it (<c>https://panel.ikomek109.kz</c>): links in messages are
    /// absolute. Empty: the links are paths only, and a message says so in the log.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>An unacknowledged critical alert goes up a level after this long (level 2, then level 3 as long again).</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The first retry's wait after a failed send; each next one waits twice as long, up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryFirst { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Sends tried before a delivery is given up as 'failed'.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>A channel's send that takes longer is cut off and retried: a hung service holds nothing else.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sends at once per channel.</summary>
    public int ParallelPerChannel { get; set; } = 4;

    /// <summary>Deliveries claimed per round.</summary>
    public int Batch { get; set; } = 200;

    /// <summary>How long a claimed delivery is left to its node before another may try it (a node that died mid-send).</summary>
    public TimeSpan Lease => SendTimeout + TimeSpan.FromMinutes(1);

    /// <summary>An absolute link to a panel path.</summary>
    public string Absolute(string path) => PublicBaseUrl.TrimEnd('/') + path;

    public void Validate()
    {
        if (PublicBaseUrl.Length > 0 && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            throw new InvalidOperationException($"Alerts:PublicBaseUrl '{PublicBaseUrl}' is not an http(s) address.");
        if (EscalateAfter <= TimeSpan.Zero || RetryFirst <= TimeSpan.Zero || RetryMax < RetryFirst || MaxAttempts < 1
            || SendTimeout <= TimeSpan.Zero || ParallelPerChannel < 1 || Batch < 1)
            throw new InvalidOperationException("Alerts: EscalateAfter, RetryFirst, SendTimeout must be positive, RetryMax at least RetryFirst, MaxAttempts, ParallelPerChannel and Batch at least 1.");
    }
}

/// <summary>The kinds of alerts (alerts.kind, alert_subscriptions.kinds).</summary>
public static class AlertKinds
{
    public const string CriticalAppeal = "critical_appeal";
    public const string SystemAlert = "system_alert";
    public const string ProblemEmerging = "problem_emerging";
    public const string CityStatus = "city_status";
    public const string OverdueDepartment = "overdue_department";
    public static readonly IReadOnlyList<string> All = [CriticalAppeal, SystemAlert, ProblemEmerging, CityStatus, OverdueDepartment];
}
