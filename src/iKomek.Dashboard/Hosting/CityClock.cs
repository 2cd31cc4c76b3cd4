using System.Diagnostics;

namespace IKomek.Dashboard.Hosting;

/// <summary>
/// The app's <see cref="TimeProvider"/>: the system clock, or, when <c>City:FixedNow</c> is set (tests, demos, screenshots),
/// a clock that reads that instant when the app starts and runs on from it at the real pace, so that "today", the hour
/// and the demo city's last day are the same on every run while timers, delays and elapsed times behave as usual.
/// Without the setting nothing changes.
/// </summary>
public static class CityClock
{
    public static TimeProvider FromConfiguration(IConfiguration configuration) =>
        Create(configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions());

    public static TimeProvider Create(CityOptions options) =>
        options.FixedNow is { } start ? new StartingAt(start) : TimeProvider.System;

    /// <summary>Reads <paramref name="start"/> when created, then moves with the system's monotonic clock.</summary>
    public sealed class StartingAt(DateTimeOffset start) : TimeProvider
    {
        private readonly long _created = Stopwatch.GetTimestamp();

        public DateTimeOffset Start => start;

        public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + Stopwatch.GetElapsedTime(_created);

        public override TimeZoneInfo LocalTimeZone => AstanaClock.Zone;
    }
}
