namespace IKomek.Dashboard.Platform.RateLimits;

/// <summary>
/// A bucket's attempts in a sliding window, kept as two fixed windows: the current one's hits, and the previous one's
/// weighed by the share of it the sliding window still covers (the estimate Cloudflare and nginx-style limiters use:
/// exact when attempts come evenly, never more than the previous window's hits off).
/// </summary>
public readonly record struct WindowCount(DateTimeOffset Start, TimeSpan Window, int Hits, int PreviousHits)
{
    /// <summary>Attempts within the window that ends at <paramref name="now"/>.</summary>
    public double Estimate(DateTimeOffset now) => PreviousHits * (1 - Elapsed(now)) + Hits;

    /// <summary>How long until the estimate is down to <paramref name="target"/> (zero when it already is).</summary>
    public TimeSpan UntilAtMost(double target, DateTimeOffset now)
    {
        if (Estimate(now) <= target) return TimeSpan.Zero;
        target = Math.Max(0, target);
        // Within this window the previous one's hits fade linearly; past it, this window's hits fade the same way.
        var windows = Hits <= target && PreviousHits > 0 ? 1 - (target - Hits) / PreviousHits : 2 - target / Hits;
        // Whole milliseconds: the fraction's rounding error never shows in a Retry-After.
        var wait = TimeSpan.FromMilliseconds(Math.Round((Start - now + Window * windows).TotalMilliseconds));
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private double Elapsed(DateTimeOffset now) => Math.Clamp((now - Start) / Window, 0, 1);

    /// <summary>The start of the fixed window <paramref name="now"/> is in (windows counted from the Unix epoch, as the SQL's date_bin).</summary>
    public static DateTimeOffset WindowOf(DateTimeOffset now, TimeSpan window) =>
        DateTimeOffset.UnixEpoch + TimeSpan.FromTicks((now - DateTimeOffset.UnixEpoch).Ticks / window.Ticks * window.Ticks);
}

/// <summary>A bucket's attempts that followed each other without a pause of a whole window, and when the last came.</summary>
public readonly record struct Streak(int Hits, DateTimeOffset Last);
