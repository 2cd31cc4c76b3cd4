
namespace IKomek.Dashboard.Platform.City;

/// <summary>
/// The city's one clock: its local time over an injectable <see cref="TimeProvider"/>. Astana's (Asia/Almaty, UTC+5)
/// unless the app started on a database holding another city's profile (<see cref="UseCityZone"/>).
/// </summary>
public sealed class AstanaClock(TimeProvider time)
{
    public static TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    /// <summary>
    /// The applied profile's zone for the whole process: called once by the web app's start, never by a verb or a test
    /// fixture (a process serves one city; the tests' cities are Astana).
    /// </summary>
    public static void UseCityZone(TimeZoneInfo zone) => Zone = zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateTimeOffset ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    /// <summary>Start of a local day as an instant, for timestamptz comparisons.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
