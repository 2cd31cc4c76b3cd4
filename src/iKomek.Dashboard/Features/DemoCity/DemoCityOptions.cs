namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>Parameters of the demo city. The same Seed, Scale, Years and EndDate (and Now) give byte-identical data.</summary>
/// <param name="Seed">Seed of every random stream of the generator.</param>
/// <param name="Scale">1 = the real volume (4.6M appeals over three years); reference data does not scale.</param>
/// <param name="Years">Length of the generated period, ending at <paramref name="EndDate"/>.</param>
/// <param name="EndDate">Last day of the period; defaults to today in Astana.</param>
/// <param name="Now">The clock the city is seen at: appeals of EndDate stop here and open appeals are open as of it.
/// Defaults to the current time, or to the end of EndDate when EndDate is in the past.</param>
public sealed record DemoCityOptions(int Seed = 109, double Scale = 0.05, int Years = 3, DateOnly? EndDate = null, DateTimeOffset? Now = null);

/// <summary>What <see cref="DemoCityGenerator.SeedAsync"/> wrote.</summary>
public sealed record DemoCityResult(long Appeals, long Events, TimeSpan Elapsed);

/// <summary>The options with every default resolved: the generator never reads the wall clock past this point.</summary>
internal sealed record DemoCitySettings(int Seed, double Scale, int Years, DateOnly StartDate, DateOnly EndDate, DateTime NowUtc)
{
    public int DayCount => EndDate.DayNumber - StartDate.DayNumber + 1;

    public static DemoCitySettings Resolve(DemoCityOptions options, DateTimeOffset wallClock)
    {
        if (!(options.Scale > 0 && options.Scale <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Scale, "Scale must be in (0, 10].");
        }
        if (options.Years is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Years, "Years must be between 1 and 10.");
        }

        var endDate = options.EndDate ?? DemoCalendar.LocalDate((options.Now ?? wallClock).UtcDateTime);
        var endOfDay = DemoCalendar.ToUtc(endDate.AddDays(1).ToDateTime(TimeOnly.MinValue)).AddTicks(-10);
        // A past EndDate without Now is seen at the end of that day, so that it stays reproducible.
        var now = options.Now?.UtcDateTime ?? (wallClock.UtcDateTime < endOfDay ? wallClock.UtcDateTime : endOfDay);
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
        var startDate = endDate.AddYears(-options.Years).AddDays(1);
        return new DemoCitySettings(options.Seed, options.Scale, options.Years, startDate, endDate, now);
    }
}
