using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.DemoCity;

public sealed class CalendarTests
{
    [Theory]
    [InlineData("2020-12-04T10:00:00", 1, "2020-12-07T10:00:00")]   // Friday + 1 working day = Monday
    [InlineData("2020-12-07T10:00:00", 5, "2020-12-14T10:00:00")]   // Monday + 5 = next Monday
    [InlineData("2020-12-05T10:00:00", 1, "2020-12-07T10:00:00")]   // Saturday + 1 = Monday
    [InlineData("2020-12-02T23:30:00", 3, "2020-12-07T23:30:00")]   // Wednesday night + 3 = Monday night
    public void AddWorkingDays_SkipsWeekendsInAstanaTime(string local, int days, string expectedLocal)
    {
        var start = DemoCalendar.ToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture));
        var due = DemoCalendar.AddWorkingDays(start, days);
        Assert.Equal(DateTime.Parse(expectedLocal, System.Globalization.CultureInfo.InvariantCulture), DemoCalendar.ToLocal(due));
    }

    [Fact]
    public void Settings_ResolveDefaultsFromTheClockInAstana()
    {
        var wall = new DateTimeOffset(2024, 5, 31, 20, 0, 0, TimeSpan.Zero);   // already 1 June in Astana
        var settings = DemoCitySettings.Resolve(new DemoCityOptions(), wall);
        Assert.Equal(new DateOnly(2024, 6, 1), settings.EndDate);
        Assert.Equal(new DateOnly(2021, 6, 2), settings.StartDate);
        Assert.Equal(wall.UtcDateTime, settings.NowUtc);

        var past = DemoCitySettings.Resolve(new DemoCityOptions(EndDate: new DateOnly(2020, 12, 31)), wall);
        Assert.Equal(DemoCalendar.ToUtc(new DateTime(2021, 1, 1)).AddMicroseconds(-1), past.NowUtc);
    }

    [Fact]
    public void Options_OutOfRange_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoCitySettings.Resolve(new DemoCityOptions(Scale: 0), TestClock.Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoCitySettings.Resolve(new DemoCityOptions(Years: 0), TestClock.Now));
    }
}
