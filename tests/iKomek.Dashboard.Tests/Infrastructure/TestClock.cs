using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Database;

namespace IKomek.Dashboard.Tests.Infrastructure;

/// <summary>
/// The one "now" of the tests that read the clock, so that no test depends on the day or hour it runs: a Tuesday
/// afternoon in Astana, far from midnight, so a run does not cross a day. The E2E app runs on the same instant
/// (City:FixedNow).
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Now = new(2026, 3, 31, 14, 0, 0, TimeSpan.FromHours(5));

    public static DateTime UtcNow => Now.UtcDateTime;

    /// <summary>
    /// The tests' clock: it read <see cref="Now"/> when the tests started and runs on, as the app's does on City:FixedNow.
    /// One for the whole run, so that every part of a test (and SQL's city_now(), <see cref="DemoCityDatabase"/>) agrees.
    /// </summary>
    public static TimeProvider Create() => CityClock.Create(new CityOptions { FixedNow = Now });

    /// <summary>A clock that stands still until a test moves it (for ages and expiries, never for timing).</summary>
    public sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
