using System.Globalization;

namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>One row of <c>planted_problems</c>: the ground truth the systemic-problem mining is checked against.</summary>
internal sealed record PlantedProblem(
    int Id, string Kind, int ServiceTypeId, short DistrictId, string Address, double Lat, double Lon, int RadiusM,
    DateOnly StartsOn, DateOnly EndsOn, decimal AppealsPerWeek, string Description)
{
    public bool IsDecoy => Kind.StartsWith("decoy_", StringComparison.Ordinal);
}

/// <summary>A planted problem and what its appeals look like: where they come from, who writes them, and when.</summary>
internal sealed class PlantedSource
{
    public required PlantedProblem Row { get; init; }
    public required ServiceType Type { get; init; }
    public required Location[] Places { get; init; }
    public required long[] Residents { get; init; }
    public required int[]? SeasonMonths { get; init; }
    public required bool Emerging { get; init; }

    /// <summary>Expected appeals on the date.</summary>
    public double RateOn(DateOnly date)
    {
        if (date < Row.StartsOn || date > Row.EndsOn || SeasonMonths is not null && !SeasonMonths.Contains(date.Month))
        {
            return 0;
        }
        // Residents write on working days more than at weekends, as with any appeal.
        var perDay = (double)Row.AppealsPerWeek / 7 * Seasonality.DayFactor(date);
        if (Row.IsDecoy)
        {
            // A one-off burst over two days, most of it on the first.
            return date == Row.StartsOn ? perDay * 1.2 : perDay * 0.8;
        }
        if (Emerging)
        {
            // Growing from a trickle to well above the average rate.
            var progress = (date.DayNumber - Row.StartsOn.DayNumber) / (double)Math.Max(1, Row.EndsOn.DayNumber - Row.StartsOn.DayNumber);
            return perDay * (0.3 + 1.4 * progress);
        }
        return perDay;
    }
}

/// <summary>
/// Plants ~40 systemic problems (a building, a street segment or a small cell with one recurring type of
/// trouble over many weeks: steady, every winter, or growing lately) and a few decoys (one-off bursts at one
/// address) on top of the background appeals.
/// </summary>
internal static class PlantedProblems
{
    private static readonly int[] Winter = [11, 12, 1, 2, 3];
    private static readonly int[] DeepWinter = [12, 1, 2];
    private static readonly int[] Thaw = [3, 4];
    private static readonly int[] Rain = [5, 6, 7, 8];

    private enum Shape { Building, Street, Cell }

    private sealed record Template(string Kind, Shape Shape, string TypeCode, int[]? Season, double WeeklyAtScale1);

    private static readonly Template[] Templates =
    [
        new("recurring_building", Shape.Building, "elevators.stopped_res", null, 6),
        new("recurring_building", Shape.Building, "elevators.stopped_highrise", null, 8),
        new("recurring_building", Shape.Building, "elevators.doors_res", null, 4),
        new("recurring_building", Shape.Building, "sewerage.blockage_riser", null, 5),
        new("recurring_building", Shape.Building, "sewerage.smell_basement", null, 4),
        new("recurring_building", Shape.Building, "water_supply.low_pressure_house", null, 6),
        new("recurring_building", Shape.Building, "water_supply.dirty_flat", null, 5),
        new("recurring_building", Shape.Building, "electricity.voltage_house", null, 4),
        new("recurring_building", Shape.Building, "housing_maintenance.leak_roof_flat", null, 5),
        new("recurring_building", Shape.Building, "housing_maintenance.light_entrance_entrance", null, 4),
        new("recurring_building", Shape.Building, "housing_maintenance.doors_entrance_entrance", null, 4),
        new("recurring_building", Shape.Building, "water_supply.no_hot_house", null, 7),
        new("recurring_street", Shape.Street, "roads_sidewalks.potholes_street", null, 9),
        new("recurring_street", Shape.Street, "street_lighting.lights_off_street", null, 7),
        new("recurring_street", Shape.Street, "sanitation.litter_street", null, 6),
        new("recurring_street", Shape.Street, "traffic_parking.parking_lot_street", null, 6),
        new("recurring_street", Shape.Street, "roads_sidewalks.sidewalk_broken_sidewalk", null, 6),
        new("recurring_street", Shape.Street, "sewerage.manhole_street", null, 5),
        new("recurring_street", Shape.Street, "storm_drainage.drain_blocked_street", null, 5),
        new("recurring_cell", Shape.Cell, "stray_animals.dogs_yard", null, 7),
        new("recurring_cell", Shape.Cell, "ecology.dump_vacant", null, 5),
        new("recurring_cell", Shape.Cell, "public_order.noise_yard", null, 6),
        new("recurring_cell", Shape.Cell, "landscaping.playground_yard", null, 4),
        new("recurring_cell", Shape.Cell, "waste_collection.not_collected_private", null, 6),
        new("seasonal_building", Shape.Building, "heating.no_heat_house", Winter, 12),
        new("seasonal_building", Shape.Building, "heating.weak_heat_flat", Winter, 10),
        new("seasonal_building", Shape.Building, "heating.weak_heat_entrance", Winter, 8),
        new("seasonal_building", Shape.Building, "heating.airlock_flat", Winter, 7),
        new("seasonal_building", Shape.Building, "snow_ice.icicles_yard", Winter, 6),
        new("seasonal_building", Shape.Building, "housing_maintenance.snow_roof_clear", DeepWinter, 6),
        new("seasonal_cell", Shape.Cell, "storm_drainage.thaw_water_yard", Thaw, 12),
        new("seasonal_cell", Shape.Cell, "storm_drainage.flooding_yard", Rain, 8),
        new("seasonal_cell", Shape.Cell, "ecology.smoke_private", Winter, 9),
        new("seasonal_cell", Shape.Cell, "snow_ice.snow_not_cleared_yard", DeepWinter, 10),
        new("emerging_building", Shape.Building, "construction.defects_newbuild", null, 8),
        new("emerging_building", Shape.Building, "elevators.stuck_highrise", null, 6),
        new("emerging_building", Shape.Building, "water_supply.dirty_house", null, 8),
        new("emerging_street", Shape.Street, "roads_sidewalks.potholes_street", null, 10),
        new("emerging_street", Shape.Street, "street_lighting.lights_off_street", null, 8),
        new("emerging_cell", Shape.Cell, "construction.noise_night_site", null, 9),
        new("decoy_burst", Shape.Building, "water_supply.main_leak_yard", null, 40),
        new("decoy_burst", Shape.Building, "heating.pipe_burst_yard", null, 40),
        new("decoy_burst", Shape.Building, "sewerage.overflow_basement", null, 30),
        new("decoy_burst", Shape.Building, "electricity.no_power_house", null, 35),
        new("decoy_burst", Shape.Building, "elevators.stuck_res", null, 20),
    ];

    public static IReadOnlyList<PlantedSource> Plant(DemoCitySettings settings, ReferenceData reference, AddressBook addresses, Random rng)
    {
        var types = reference.ServiceTypes.ToDictionary(t => t.Code, StringComparer.Ordinal);
        var population = new WeightedTable(CityStructure.Districts.Select(d => (double)d.Population).ToList());
        var usedStreets = new HashSet<int>();
        var sources = new List<PlantedSource>();
        foreach (var template in Templates)
        {
            var type = types.TryGetValue(template.TypeCode, out var t)
                ? t
                : throw new InvalidOperationException($"Planted problem type '{template.TypeCode}' is not in the catalog.");
            var district = CityStructure.Districts[population.Pick(rng)].Id;
            var (places, address, lat, lon, radius) = template.Shape switch
            {
                Shape.Building => Building(addresses, district, usedStreets, rng),
                Shape.Street => Segment(addresses, district, usedStreets, rng),
                _ => Cell(addresses, district, usedStreets, rng),
            };
            var (starts, ends) = Window(settings, template, rng);
            var decoy = template.Kind.StartsWith("decoy_", StringComparison.Ordinal);
            // Enough appeals to be detectable even at a small scale, and the real rate at full scale.
            // A decoy's rate is that of its two days: N appeals in 2 days = 3.5 N a week.
            var weekly = decoy
                ? Math.Max(12, template.WeeklyAtScale1 * settings.Scale) * 3.5
                : Math.Max(2.5 + 1.5 * rng.NextDouble(), template.WeeklyAtScale1 * settings.Scale * rng.Between(0.8, 1.2));
            var id = sources.Count + 1;
            sources.Add(new PlantedSource
            {
                Row = new PlantedProblem(id, template.Kind, type.Id, district, address, lat, lon, radius, starts, ends,
                    Math.Round((decimal)weekly, 2), Describe(template, type, address, starts, ends, weekly)),
                Type = type,
                Places = places,
                // A handful of neighbours keep writing about it.
                Residents = Enumerable.Range(0, 4 + rng.Next(14))
                    .Select(k => (long)(Rng.Hash(Rng.Hash((ulong)(uint)settings.Seed, (ulong)id), (ulong)k) >> 24))
                    .ToArray(),
                SeasonMonths = template.Season,
                Emerging = template.Kind.StartsWith("emerging_", StringComparison.Ordinal),
            });
        }
        return sources;
    }

    private static (DateOnly Starts, DateOnly Ends) Window(DemoCitySettings settings, Template template, Random rng)
    {
        var start = settings.StartDate;
        var end = settings.EndDate;
        var span = settings.DayCount;
        if (template.Kind.StartsWith("decoy_", StringComparison.Ordinal))
        {
            var day = start.AddDays(rng.Next(Math.Max(1, span - 2)));
            return (day, day.AddDays(1));
        }
        if (template.Kind.StartsWith("emerging_", StringComparison.Ordinal))
        {
            return (end.AddDays(-7 * rng.Next(8, 21)), end);
        }
        if (template.Season is { } season)
        {
            var first = start;
            while (!season.Contains(first.Month))
            {
                first = first.AddDays(1);
            }
            var last = end;
            while (!season.Contains(last.Month))
            {
                last = last.AddDays(-1);
            }
            return (first, last);
        }
        // Steady problems run for 4 to 14 months somewhere in the period.
        var weeks = Math.Min(rng.Next(17, 61), span / 7);
        var startOffset = rng.Next(Math.Max(1, span - weeks * 7));
        var starts = start.AddDays(startOffset);
        return (starts, Min(end, starts.AddDays(weeks * 7 - 1)));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static (Location[], string, double, double, int) Building(AddressBook book, short district, HashSet<int> used, Random rng)
    {
        var street = PickStreet(book, district, used, rng, s => s.HighRise && s.Houses >= 10);
        var place = new Location(district, street.Index, 1 + rng.Next(street.Houses), 0);
        var (lat, lon) = book.Coordinates(place);
        return ([place], book.BuildingAddress(place), lat, lon, 30);
    }

    private static (Location[], string, double, double, int) Segment(AddressBook book, short district, HashSet<int> used, Random rng)
    {
        var street = PickStreet(book, district, used, rng, s => s.Houses >= 30);
        var first = 1 + rng.Next(street.Houses - 12);
        var places = Enumerable.Range(first, 12).Select(h => new Location(district, street.Index, h, 0)).ToArray();
        var (lat1, lon1) = book.Coordinates(places[0]);
        var (lat2, lon2) = book.Coordinates(places[^1]);
        var radius = (int)Math.Round(AddressBook.DistanceMetres(lat1, lon1, lat2, lon2) / 2 + 60);
        var address = string.Create(CultureInfo.InvariantCulture, $"{street.Name}, {first}–{first + 11}");
        return (places, address, Math.Round((lat1 + lat2) / 2, 6), Math.Round((lon1 + lon2) / 2, 6), radius);
    }

    private static (Location[], string, double, double, int) Cell(AddressBook book, short district, HashSet<int> used, Random rng)
    {
        const int radius = 250;
        var street = PickStreet(book, district, used, rng, s => s.Houses >= 10);
        var centre = new Location(district, street.Index, 1 + rng.Next(street.Houses), 0);
        var (lat, lon) = book.Coordinates(centre);
        // Every building of the district within the radius, on whichever street.
        var places = book.StreetsOf(district)
            .SelectMany(s => Enumerable.Range(1, book.Streets[s].Houses).Select(h => new Location(district, s, h, 0)))
            .Where(p =>
            {
                var (plat, plon) = book.Coordinates(p);
                return AddressBook.DistanceMetres(lat, lon, plat, plon) <= radius - 20;
            })
            .ToArray();
        return (places, $"окрестности {book.BuildingAddress(centre)} (радиус {radius} м)", lat, lon, radius);
    }

    private static Street PickStreet(AddressBook book, short district, HashSet<int> used, Random rng, Func<Street, bool> fits)
    {
        var candidates = book.StreetsOf(district).Select(i => book.Streets[i]).Where(s => fits(s)).ToArray();
        var fresh = candidates.Where(s => !used.Contains(s.Index)).ToArray();
        var street = fresh.Length > 0 ? rng.Pick(fresh) : rng.Pick(candidates);
        used.Add(street.Index);
        return street;
    }

    private static string Describe(Template template, ServiceType type, string address, DateOnly starts, DateOnly ends, double weekly)
    {
        var period = string.Create(CultureInfo.InvariantCulture, $"{starts:dd.MM.yyyy}–{ends:dd.MM.yyyy}");
        var rate = weekly.ToString("0.#", CultureInfo.InvariantCulture);
        return template.Kind switch
        {
            "decoy_burst" => $"Разовый всплеск «{type.NameRu}» ({address}) за два дня, {period}: авария, не системная проблема.",
            _ when template.Season is not null => $"Каждый сезон повторяются обращения «{type.NameRu}» ({address}), около {rate} в неделю в сезон; {period}.",
            _ when template.Kind.StartsWith("emerging_", StringComparison.Ordinal) => $"Нарастающая проблема «{type.NameRu}» ({address}): число обращений растёт, в среднем {rate} в неделю; {period}.",
            _ => $"Систематические обращения «{type.NameRu}» ({address}), около {rate} в неделю; {period}.",
        };
    }
}
