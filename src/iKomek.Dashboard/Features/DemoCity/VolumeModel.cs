namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>A burst: a storm, a heating failure or a snowfall adds appeals of some types for a few days.</summary>
internal sealed record Burst(string Kind, DateOnly Start, int Days, short? DistrictId, IReadOnlyList<ServiceType> Types, double Intensity)
{
    public WeightedTable TypeTable { get; } = new(Types.Select(t => t.WeightInArea).ToList());

    /// <summary>Extra appeals on the date as a share of an ordinary day's volume: strongest on the first day.</summary>
    public double ShareOn(DateOnly date)
    {
        var k = date.DayNumber - Start.DayNumber;
        return k < 0 || k >= Days ? 0 : Intensity * Math.Pow(0.5, k);
    }
}

/// <summary>
/// How many appeals the city gets each day and about what: year-over-year growth, the weekly rhythm,
/// each area's season, and random bursts.
/// </summary>
internal sealed class VolumeModel
{
    // Appeals per year at scale 1, newest year first (DOMAIN.md: 1M+ in 2018, 1.6M in 2019, 2M+ in 2020).
    private static readonly double[] YearlyVolumes = [2_000_000, 1_600_000, 1_000_000, 700_000, 500_000, 380_000, 300_000, 240_000, 200_000, 170_000, 150_000];

    private readonly DemoCitySettings _settings;
    private readonly ReferenceData _reference;
    private readonly double[] _trend;          // ordinary appeals per day at the given scale, before rhythms
    private readonly Burst[] _bursts;

    public VolumeModel(DemoCitySettings settings, ReferenceData reference)
    {
        _settings = settings;
        _reference = reference;
        _trend = BuildTrend(settings);
        _bursts = BuildBursts(settings, reference, Rng.Stream(settings.Seed, "bursts"));
        TypeTables = reference.Areas
            .Select(a => reference.ServiceTypes.Where(t => t.AreaId == a.Id).ToArray())
            .Select(types => (types, new WeightedTable(types.Select(t => t.WeightInArea).ToList())))
            .ToArray();
    }

    public IReadOnlyList<Burst> Bursts => _bursts;

    /// <summary>The service types of each area (by area id - 1) and a table to pick one by weight.</summary>
    public (ServiceType[] Types, WeightedTable Table)[] TypeTables { get; }

    public DateOnly DateOf(int dayIndex) => _settings.StartDate.AddDays(dayIndex);

    /// <summary>0 for the newest year of the period (the 365 days ending at EndDate), 1 for the one before...</summary>
    public int PeriodYear(DateOnly date) => Math.Min(_settings.Years - 1, (_settings.EndDate.DayNumber - date.DayNumber) / 365);

    /// <summary>Expected ordinary appeals per area (by area id - 1) on the day.</summary>
    public double[] AreaVolumes(int dayIndex)
    {
        var date = DateOf(dayIndex);
        var level = _trend[dayIndex] * Seasonality.DayFactor(date);
        var volumes = new double[_reference.Areas.Count];
        for (var a = 0; a < volumes.Length; a++)
        {
            volumes[a] = level * _reference.AreaWeights[a] * Seasonality.AreaFactor(_reference.Areas[a].Code, date);
        }
        return volumes;
    }

    /// <summary>An ordinary day's volume, the yardstick of bursts (no weekly or seasonal swing).</summary>
    public double BaseVolume(int dayIndex) => _trend[dayIndex];

    private static double[] BuildTrend(DemoCitySettings settings)
    {
        // Daily levels pass through each year's average at the year's middle and are linear in between,
        // so the city grows smoothly instead of jumping on anniversaries.
        var days = settings.DayCount;
        var trend = new double[days];
        var points = Enumerable.Range(0, settings.Years + 1)
            .Select(y => (Day: days - 1 - 365 * y - 182.0, Level: YearlyVolumes[Math.Min(y, YearlyVolumes.Length - 1)] / 365 * settings.Scale))
            .Reverse()
            .ToArray();
        for (var d = 0; d < days; d++)
        {
            var i = 0;
            while (i < points.Length - 2 && d > points[i + 1].Day)
            {
                i++;
            }
            var (d0, l0) = points[i];
            var (d1, l1) = points[i + 1];
            trend[d] = Math.Max(l0 * 0.5, l0 + (d - d0) * (l1 - l0) / (d1 - d0));
        }
        return trend;
    }

    private static Burst[] BuildBursts(DemoCitySettings settings, ReferenceData reference, Random rng)
    {
        ServiceType[] Types(params string[] prefixes) =>
            reference.ServiceTypes.Where(t => prefixes.Any(p => t.Code.StartsWith(p, StringComparison.Ordinal))).ToArray();

        // (kind, months it can happen in, per year, days, city-wide?, intensity range, types)
        (string Kind, int[] Months, int PerYear, int MaxDays, bool CityWide, double Min, double Max, ServiceType[] Types)[] kinds =
        [
            ("storm", [5, 6, 7, 8], 3, 2, true, 1.2, 2.5, Types("storm_drainage.flooding", "electricity.no_power", "electricity.wires", "landscaping.trees_cut", "housing_maintenance.leak_roof")),
            ("heating_failure", [11, 12, 1, 2], 2, 3, false, 0.4, 1.0, Types("heating.no_heat", "heating.pipe_burst", "heating.weak_heat")),
            ("snowfall", [11, 12, 1, 2, 3], 4, 3, true, 0.5, 1.2, Types("snow_ice.snow_not_cleared", "snow_ice.ice", "snow_ice.snowplow", "snow_ice.snow_yard", "public_transport.interval")),
            ("water_main_break", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 2, 2, false, 0.25, 0.6, Types("water_supply.no_cold", "water_supply.main_leak")),
            ("power_outage", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 2, 1, false, 0.3, 0.7, Types("electricity.no_power", "electricity.transformer")),
            ("thaw_flood", [4], 1, 3, true, 0.4, 0.8, Types("storm_drainage.thaw_water", "storm_drainage.pumping")),
        ];
        var population = new WeightedTable(CityStructure.Districts.Select(d => (double)d.Population).ToList());
        var bursts = new List<Burst>();
        foreach (var kind in kinds)
        {
            var candidates = Enumerable.Range(0, settings.DayCount)
                .Select(settings.StartDate.AddDays)
                .Where(d => kind.Months.Contains(d.Month))
                .ToArray();
            var count = (int)Math.Round(kind.PerYear * settings.DayCount / 365.0);
            for (var i = 0; i < count && candidates.Length > 0; i++)
            {
                bursts.Add(new Burst(
                    kind.Kind,
                    candidates[rng.Next(candidates.Length)],
                    1 + rng.Next(kind.MaxDays),
                    kind.CityWide ? null : CityStructure.Districts[population.Pick(rng)].Id,
                    kind.Types,
                    rng.Between(kind.Min, kind.Max)));
            }
        }
        return bursts.OrderBy(b => b.Start).ThenBy(b => b.Kind, StringComparer.Ordinal).ToArray();
    }
}
