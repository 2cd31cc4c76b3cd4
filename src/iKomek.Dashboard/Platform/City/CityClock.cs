using IKomek.Dashboard.Platform.Database;

namespace IKomek.Dashboard.Platform.City;

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

    private static readonly Dictionary<DateTimeOffset, StartingAt> Started = [];

    /// <summary>
    /// The clock for these options. One per fixed instant in a process, so that every part of the app (and the SQL
    /// sessions, <see cref="CityDatabase.WithCityClock"/>) reads the same time.
    /// </summary>
    public static TimeProvider Create(CityOptions options)
    {
        if (options.FixedNow is not { } start) return TimeProvider.System;
        lock (Started)
        {
            if (!Started.TryGetValue(start, out var clock)) Started[start] = clock = new StartingAt(start);
            return clock;
        }
    }

    /// <summary>How far the clock is from the system's: what SQL adds to now() (<c>city.offset_seconds</c>).</summary>
    public static TimeSpan OffsetOf(TimeProvider time) => time is StartingAt started ? started.Offset : TimeSpan.Zero;

    /// <summary>Reads <paramref name="start"/> when created, then runs with the system clock.</summary>
    public sealed class StartingAt(DateTimeOffset start) : TimeProvider
    {
        public TimeSpan Offset { get; } = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

        public override TimeZoneInfo LocalTimeZone => AstanaClock.Zone;
    }
}
