using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IKomek.Dashboard.Platform.Csv;

namespace IKomek.Dashboard.Features.DemoCity.OtherCities;

/// <summary>What to generate: same options give byte-identical files.</summary>
public sealed record ExportCityOptions(string City, int Seed = 109, double Years = 1.5, DateOnly? EndDate = null, double Size = 1);

/// <summary>A planted problem as written to planted.json: what the mining should find (decoys: what it should not).</summary>
public sealed record PlantedExportProblem(int Id, string Kind, string Category, string ServiceCode, double Lat, double Lon, int RadiusM,
    DateOnly StartsOn, DateOnly EndsOn, int Appeals)
{
    public bool IsDecoy => Kind.StartsWith("decoy_", StringComparison.Ordinal);
}

/// <summary>A row written wrong on purpose (as real exports have them), with the line it is on (the header is line 1).</summary>
public sealed record BadExportRow(int Line, string Column, string Reason);

/// <summary>The files written and what is in them.</summary>
public sealed record ExportCityFiles(string Profile, string Districts, string Export, string Planted, int Rows,
    IReadOnlyList<PlantedExportProblem> Problems, IReadOnlyList<BadExportRow> BadRows, DateOnly From, DateOnly To);

/// <summary>
/// Writes another city as an akimat would bring it: its profile (docs/profiles: name, zone, bounds, holidays,
/// channels, the import mapping of its own export), its districts' outlines (GeoJSON), its export of 1-2 years of
/// appeals in its own categories, date format, encoding and separator, and planted.json (the planted systemic
/// problems and decoys, the ground truth for the mining's recall). Deterministic by seed.
/// </summary>
public static class ExportCityGenerator
{
    private const double HouseStep = 0.0008;   // about 65 m of longitude between house numbers

    public static ExportCityFiles Write(ExportCityOptions options, string folder)
    {
        var city = ExportCities.ByName(options.City);
        if (options.Years is < 0.05 or > 3) throw new ArgumentException("--years must be from 0.05 to 3");
        if (options.Size is <= 0 or > 50) throw new ArgumentException("--size must be above 0 and at most 50");
        Directory.CreateDirectory(folder);
        var to = options.EndDate ?? new DateOnly(2026, 11, 30);
        var from = to.AddDays(-(int)Math.Round(options.Years * 365.25) + 1);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(city.TimeZone);
        var map = new StreetMap(city);
        var rng = Rng.Stream(options.Seed, "export-" + city.Code);
        var planted = Plant(city, map, from, to, rng);

        var rows = new List<Row>();
        var categoryWeights = city.Categories.Select(c => c.Weight).ToArray();
        var districtWeights = new WeightedTable(city.Districts.Select(d => (double)d.Population).ToList());
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var season = 1 + 0.25 * Math.Cos((day.DayOfYear - 15) / 365.25 * 2 * Math.PI);   // more in winter
            var weekday = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.6 : 1.1;
            var count = Poisson(rng, city.DailyAppeals * options.Size * season * weekday);
            for (var i = 0; i < count; i++)
            {
                var category = PickCategory(city, categoryWeights, day, rng);
                var district = city.Districts[districtWeights.Pick(rng)];
                var (street, house) = map.RandomIn(district, rng);
                rows.Add(new Row(Time(day, rng), category, street, house, null));
            }
            foreach (var p in planted)
            {
                var n = Poisson(rng, p.RateOn(day) * weekday);
                for (var i = 0; i < n; i++)
                {
                    var (street, house) = p.Places[rng.Next(p.Places.Length)];
                    rows.Add(new Row(Time(day, rng), p.Category, street, house, p));
                }
            }
        }
        // An export lists appeals as they were registered.
        rows.Sort((a, b) => a.LocalTime.CompareTo(b.LocalTime));

        var endLocal = to.ToDateTime(new TimeOnly(23, 59));
        var exportPath = Path.Combine(folder, city.Code + "-export.csv");
        var badRows = new List<BadExportRow>();
        var encoding = city.Encoding == "utf-8" ? new UTF8Encoding(false) : CsvEncoding.Strict(city.Encoding);
        using (var text = new StreamWriter(exportPath, false, encoding))
        using (var csv = CsvRowWriter.CreatePlain(text, city.Delimiter))
        {
            csv.Write(city.Header);
            var line = 1;
            var bad = new Queue<int>(Enumerable.Range(1, 6).Select(k => rows.Count * k / 7));
            for (var n = 0; n < rows.Count; n++)
            {
                var r = rows[n];
                var fields = Fields(city, map, r, n + 1, endLocal, rng);
                line++;
                if (bad.Count > 0 && bad.Peek() == n)
                {
                    bad.Dequeue();
                    badRows.Add(Spoil(city, fields, line, badRows.Count));
                }
                csv.Write(fields);
            }
        }
        foreach (var p in planted) p.Appeals = rows.Count(r => r.Planted == p);

        var geojsonName = city.Code + "-districts.geojson";
        File.WriteAllText(Path.Combine(folder, geojsonName), Outlines(city).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var profilePath = Path.Combine(folder, city.Code + ".json");
        File.WriteAllText(profilePath, Profile(city, geojsonName).ToJsonString(new JsonSerializerOptions
            { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        var problems = planted.Select(p => new PlantedExportProblem(p.Id, p.Template.Kind, p.Template.Category, p.ServiceCode,
            p.Lat, p.Lon, p.RadiusM, p.StartsOn, p.EndsOn, p.Appeals)).ToList();
        var plantedPath = Path.Combine(folder, "planted.json");
        File.WriteAllText(plantedPath, JsonSerializer.Serialize(new { problems, badRows }, new JsonSerializerOptions
            { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return new ExportCityFiles(profilePath, Path.Combine(folder, geojsonName), exportPath, plantedPath, rows.Count, problems, badRows, from, to);
    }

    /// <summary>Reads planted.json back (the bench and the tests measure the mining against it).</summary>
    public static IReadOnlyList<PlantedExportProblem> ReadPlanted(string path) =>
        JsonSerializer.Deserialize<PlantedFile>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase })!.Problems;

    private sealed record PlantedFile(List<PlantedExportProblem> Problems);

    private sealed record Row(DateTime LocalTime, ExportCategory Category, int Street, int House, Planted? Planted);

    private sealed class Planted
    {
        public required int Id { get; init; }
        public required PlantedTemplate Template { get; init; }
        public required ExportCategory Category { get; init; }
        public required string ServiceCode { get; init; }
        public required (int Street, int House)[] Places { get; init; }
        public required double Lat { get; init; }
        public required double Lon { get; init; }
        public required int RadiusM { get; init; }
        public required DateOnly StartsOn { get; init; }
        public required DateOnly EndsOn { get; init; }
        public int Appeals { get; set; }

        public double RateOn(DateOnly day)
        {
            if (day < StartsOn || day > EndsOn || Template.Months is { } m && !m.Contains(day.Month)) return 0;
            if (Template.Kind.StartsWith("decoy_", StringComparison.Ordinal)) return day == StartsOn ? Template.Weekly / 7 * 6 : Template.Weekly / 7 * 3;
            return Template.Weekly / 7;
        }
    }

    private static List<Planted> Plant(ExportCity city, StreetMap map, DateOnly from, DateOnly to, Random rng)
    {
        var list = new List<Planted>();
        var usedStreets = new HashSet<int>();
        var days = to.DayNumber - from.DayNumber;
        foreach (var t in city.Planted)
        {
            var category = city.Categories.Single(c => c.Name == t.Category);
            // One problem a street, so that two planted problems never share a place.
            int street;
            do street = rng.Next(map.Streets); while (!usedStreets.Add(street) && usedStreets.Count < map.Streets);
            var house = map.RandomHouseOn(street, rng);
            var places = t.Shape switch
            {
                "building" => [(street, house)],
                // A segment of about 300 m.
                "street" => Enumerable.Range(0, 5).Select(k => (street, map.Clamp(street, house + k))).ToArray(),
                // A yard cluster of about 450 m: the houses around (the streets lie 500 m and more apart).
                _ => Enumerable.Range(-3, 7).Select(k => (street, map.Clamp(street, house + k))).ToArray(),
            };
            var lat = places.Average(p => map.Point(p).Lat);
            var lon = places.Average(p => map.Point(p).Lon);
            DateOnly starts, ends;
            if (t.Kind.StartsWith("decoy_", StringComparison.Ordinal))
            {
                starts = from.AddDays(rng.Next(days - 2));
                ends = starts.AddDays(1);
            }
            else if (t.Months is not null) (starts, ends) = (from, to);
            else
            {
                // Half a year or more, starting in the first half of the history.
                starts = from.AddDays(rng.Next(Math.Max(1, days / 2 - 30)));
                ends = DateOnly.FromDayNumber(Math.Min(to.DayNumber, starts.DayNumber + Math.Max(182, days / 2 + rng.Next(Math.Max(1, days / 3)))));
            }
            list.Add(new Planted
            {
                Id = list.Count + 1, Template = t, Category = category, ServiceCode = category.Code, Places = places, Lat = lat, Lon = lon,
                RadiusM = t.Shape switch { "building" => 50, "street" => 200, _ => 300 }, StartsOn = starts, EndsOn = ends,
            });
        }
        return list;
    }

    private static string?[] Fields(ExportCity city, StreetMap map, Row r, int number, DateTime endLocal, Random rng)
    {
        var (lat, lon) = map.Point((r.Street, r.House));
        var district = map.DistrictOf(lat, lon)!;
        var closed = r.LocalTime < endLocal.AddDays(-10) || rng.Chance(0.5)
            ? r.LocalTime.AddHours(4 + rng.Exponential(60))
            : (DateTime?)null;
        if (closed > endLocal) closed = null;
        var text = r.Category.Texts[rng.Next(r.Category.Texts.Length)];
        if (rng.Chance(0.3)) text += city.Code == "chicago" ? ". Please fix ASAP." : ", примите меры!";
        return
        [
            city.RowId(number),
            r.LocalTime.ToString(city.DateFormat, CultureInfo.InvariantCulture),
            r.Category.Name,
            rng.Chance(city.NoDistrictShare) ? "" : district.ExportName,
            city.Address(city.Streets[r.Street], r.House + 1),
            Coordinate(city, lat),
            Coordinate(city, lon),
            text,
            closed is null ? city.OpenStatuses[rng.Next(city.OpenStatuses.Length)] : city.ClosedStatus,
            closed?.ToString(city.DateFormat, CultureInfo.InvariantCulture) ?? "",
        ];
    }

    private static string Coordinate(ExportCity city, double value)
    {
        var s = value.ToString("0.000000", CultureInfo.InvariantCulture);
        return city.DecimalComma ? s.Replace('.', ',') : s;
    }

    /// <summary>Spoils one field of a row the way exports go wrong; the import must report it by line and column.</summary>
    private static BadExportRow Spoil(ExportCity city, string?[] fields, int line, int which)
    {
        switch (which)
        {
            case 0:
                fields[1] = "31.02.2025 10:00";
                return new BadExportRow(line, city.Header[1], "date");
            case 1:
                fields[2] = city.Code == "chicago" ? "Alien Sighting" : "Неизвестная категория";
                return new BadExportRow(line, city.Header[2], "unknownServiceCode");
            case 2:
                fields[5] = Coordinate(city, city.Bounds.North + 1);
                return new BadExportRow(line, city.Header[5], "outOfCity");
            case 3:
                fields[7] = "";
                return new BadExportRow(line, city.Header[7], "missing");
            case 4:
                fields[3] = city.Code == "chicago" ? "99" : "Несуществующий р-н";
                return new BadExportRow(line, city.Header[3], "unknownDistrict");
            default:
                fields[8] = city.ClosedStatus;
                fields[9] = "";
                return new BadExportRow(line, city.Header[9], "closedWithoutDate");
        }
    }

    private static ExportCategory PickCategory(ExportCity city, double[] weights, DateOnly day, Random rng)
    {
        double total = 0;
        for (var i = 0; i < weights.Length; i++) total += Weight(i);
        var x = rng.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= Weight(i);
            if (x < 0) return city.Categories[i];
        }
        return city.Categories[^1];

        // Out of season a seasonal category is rare, not absent: someone always writes about heating in May.
        double Weight(int i) => city.Categories[i].Months is { } m && !m.Contains(day.Month) ? weights[i] * 0.05 : weights[i];
    }

    private static DateTime Time(DateOnly day, Random rng)
    {
        // Most appeals come between 8:00 and 22:00.
        var minutes = rng.Chance(0.9) ? 480 + rng.Next(840) : rng.Next(1440);
        return day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes);
    }

    private static int Poisson(Random rng, double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 50) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * rng.Normal()));
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }
        return k;
    }

    private static JsonObject Outlines(ExportCity city)
    {
        static JsonArray Ring(Box b) =>
        [
            new JsonArray(b.West, b.South), new JsonArray(b.East, b.South), new JsonArray(b.East, b.North),
            new JsonArray(b.West, b.North), new JsonArray(b.West, b.South),
        ];
        var features = new JsonArray();
        foreach (var d in city.Districts)
        {
            JsonObject geometry = d.SecondPart is { } second
                ? new JsonObject { ["type"] = "MultiPolygon", ["coordinates"] = new JsonArray(new JsonArray(Ring(d.Outline)), new JsonArray(Ring(second))) }
                : new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray(Ring(d.Outline)) };
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject
                {
                    ["code"] = d.Code, ["name_ru"] = d.NameRu, ["name_kk"] = d.NameKk, ["name_en"] = d.NameEn, ["population"] = d.Population,
                },
                ["geometry"] = geometry,
            });
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    private static JsonObject Profile(ExportCity city, string geojson)
    {
        var h = city.Header;
        return new JsonObject
        {
            ["code"] = city.Code,
            ["name"] = new JsonObject { ["ru"] = city.NameRu, ["kk"] = city.NameKk, ["en"] = city.NameEn },
            ["timeZone"] = city.TimeZone,
            ["bounds"] = new JsonObject { ["south"] = city.Bounds.South, ["west"] = city.Bounds.West, ["north"] = city.Bounds.North, ["east"] = city.Bounds.East },
            ["districts"] = geojson,
            ["holidays"] = new JsonArray(city.Holidays.Select(x => (JsonNode)x!).ToArray()),
            ["channels"] = new JsonArray(city.Channels.Select(x => (JsonNode)x!).ToArray()),
            ["import"] = new JsonObject
            {
                ["source"] = city.Code + "-export",
                ["dateFormat"] = city.DateFormat,
                ["encoding"] = city.Encoding,
                ["delimiter"] = city.Delimiter.ToString(),
                ["columns"] = new JsonObject
                {
                    ["id"] = h[0], ["created_at"] = h[1], ["service_code"] = h[2], ["district"] = h[3], ["address"] = h[4],
                    ["lat"] = h[5], ["long"] = h[6], ["description"] = h[7], ["status"] = h[8], ["closed_at"] = h[9],
                },
                ["categories"] = new JsonObject(city.Categories.Select(c => KeyValuePair.Create(c.Name, (JsonNode?)c.Code))),
                ["districts"] = new JsonObject(city.Districts.Select(d => KeyValuePair.Create(d.ExportName, (JsonNode?)d.Code))),
                ["statuses"] = new JsonObject(city.StatusMap.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
            },
        };
    }

    /// <summary>East-west streets evenly across the bounds, houses every <see cref="HouseStep"/> along them; only the
    /// houses inside a district exist.</summary>
    private sealed class StreetMap(ExportCity city)
    {
        public int Streets => city.Streets.Count;
        private int Houses => (int)((city.Bounds.East - city.Bounds.West) / HouseStep);

        public (double Lat, double Lon) Point((int Street, int House) p) =>
            (city.Bounds.South + (p.Street + 0.5) * (city.Bounds.North - city.Bounds.South) / Streets,
             city.Bounds.West + (p.House + 0.5) * HouseStep);

        public ExportDistrict? DistrictOf(double lat, double lon) => city.Districts.FirstOrDefault(d => d.Parts.Any(b => b.Contains(lat, lon)));

        public (int Street, int House) RandomIn(ExportDistrict district, Random rng)
        {
            for (var tries = 0; ; tries++)
            {
                var p = (rng.Next(Streets), rng.Next(Houses));
                var (lat, lon) = Point(p);
                if (DistrictOf(lat, lon) == district || tries > 200 && DistrictOf(lat, lon) is not null) return p;
            }
        }

        public int RandomHouseOn(int street, Random rng)
        {
            for (var tries = 0; ; tries++)
            {
                var house = 3 + rng.Next(Houses - 6);
                if (DistrictOf(Point((street, house)).Lat, Point((street, house)).Lon) is not null || tries > 200) return house;
            }
        }

        public int Clamp(int street, int house)
        {
            house = Math.Clamp(house, 0, Houses - 1);
            // A house outside every district (a gap between the outlines) is moved back along the street.
            while (DistrictOf(Point((street, house)).Lat, Point((street, house)).Lon) is null && house > 0) house--;
            return house;
        }
    }
}
