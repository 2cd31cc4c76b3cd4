using IKomek.Dashboard.Features.CitySystems.Intake;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.CitySystems.Demo;

/// <summary>What the demo city's systems are made from: its seed, scale, period and clock, and its district centres.</summary>
public sealed record SystemsDemoSettings(int Seed, double Scale, DateOnly StartDate, DateTime NowUtc, IReadOnlyList<(int Id, double Lat, double Lon)> Districts);

/// <summary>An object of a system as the demo city has it (values keyed by field name, as the API sends them).</summary>
public sealed record DemoObject(string System, string SourceId, string? Name, int DistrictId, double Lat, double Lon, Dictionary<string, object> Attrs);

/// <summary>A reading of a feed's object (a place only for moving objects).</summary>
public sealed record DemoReading(string System, string SourceId, DateTime AtUtc, double? Lat, double? Lon, int? DistrictId, Dictionary<string, object> Vals);

/// <summary>The demo city's systems: every object, and every reading of the feeds' history, oldest first per object.</summary>
public sealed record SystemsDemo(IReadOnlyList<DemoObject> Objects, IReadOnlyList<DemoReading> Readings);

/// <summary>
/// Generates the 13 systems of the demo city, reproducibly (one random stream per system from the seed) and scaled with
/// the city (16,000 cameras at scale 1). Rhythms: coal burnt by the outdoor temperature (cold Januaries, no heating in
/// summer) with deliveries that sometimes come late; GPS tracks along the street grid during the working shift; freight
/// by weekday and hour; Covid-19 waves of 2020-2021 as history (cases and their contacts, with names and phones);
/// manhole covers rarely opened or tilted; medicines now and then below their minimum; emergency buildings, some past
/// their resettlement date. Frequent feeds keep a recent window of history (a month of covers, a week of GPS), the rest
/// the whole period; each feed's objects end with a reading minutes before now, so the panel opens fresh.
/// </summary>
public static class SystemsDemoGenerator
{
    private static readonly TimeSpan Astana = TimeSpan.FromHours(5);

    public static SystemsDemo Generate(SystemsDemoSettings s)
    {
        var objects = new List<DemoObject>();
        var readings = new List<DemoReading>();
        var ctx = new Context(s, objects, readings);
        Cameras(ctx);
        Construction(ctx);
        EmergencyHousing(ctx);
        Assets(ctx);
        SocialMap(ctx);
        Covid(ctx);
        Manholes(ctx);
        Fuel(ctx);
        Medicines(ctx);
        Freight(ctx);
        Gps(ctx);
        StreetLighting(ctx);
        Eksk(ctx);
        return new SystemsDemo(objects, readings);
    }

    private sealed class Context(SystemsDemoSettings s, List<DemoObject> objects, List<DemoReading> readings)
    {
        public SystemsDemoSettings S => s;
        public List<DemoReading> Readings => readings;
        public DateTime StartUtc { get; } = DateTime.SpecifyKind(s.StartDate.ToDateTime(TimeOnly.MinValue) - Astana, DateTimeKind.Utc);

        public int Count(double full, int least) => Math.Max(least, (int)Math.Round(full * s.Scale));

        public Random Stream(string system) => Rng.Stream(s.Seed, "systems." + system);

        /// <summary>A point inside the city's outline, around a district's centre.</summary>
        public (double Lat, double Lon, int District) Point(Random rng)
        {
            while (true)
            {
                var centre = rng.Pick(s.Districts);
                var (lat, lon) = (centre.Lat + rng.Normal() * 0.02, centre.Lon + rng.Normal() * 0.03);
                if (SystemItemValidator.InCity(lat, lon)) return (lat, lon, CityGeography.NearestDistrict(s.Districts, lat, lon));
            }
        }

        public void AddExisting(DemoObject o) => objects.Add(o);

        public DemoObject Add(string system, string id, string? name, Random rng, Dictionary<string, object> attrs)
        {
            var (lat, lon, district) = Point(rng);
            var o = new DemoObject(system, id, name, district, lat, lon, attrs);
            objects.Add(o);
            return o;
        }

        public void Read(DemoObject o, DateTime atUtc, Dictionary<string, object> vals, double? lat = null, double? lon = null) =>
            readings.Add(new DemoReading(o.System, o.SourceId, atUtc, lat, lon, lat is { } la && lon is { } lo ? CityGeography.NearestDistrict(s.Districts, la, lo) : null, vals));

        /// <summary>Times from <paramref name="from"/> to now every <paramref name="step"/>, then one a few minutes ago.</summary>
        public IEnumerable<DateTime> Times(Random rng, DateTime from, TimeSpan step)
        {
            var start = from < StartUtc ? StartUtc : from;
            var last = s.NowUtc - TimeSpan.FromMinutes(rng.Between(1, 10));
            var t = start.AddMinutes(rng.Next((int)Math.Max(1, step.TotalMinutes)));
            for (; t < last - step / 2; t += step) yield return new DateTime(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
            yield return new DateTime(last.Ticks - last.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        }
    }

    private static double Round(double value, int digits = 1) => Math.Round(value, digits);

    private static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(utc + Astana);

    private static void Cameras(Context c)
    {
        var rng = c.Stream("cameras");
        string[] near = ["kindergarten", "school", "clinic", "mall", "mosque", "bus_stop", "station", "street"];
        var weights = new WeightedTable([8, 14, 6, 8, 3, 22, 4, 35]);
        for (var i = 1; i <= c.Count(16_000, 40); i++)
        {
            var status = rng.NextDouble() switch { < 0.93 => "online", < 0.98 => "offline", _ => "maintenance" };
            c.Add("cameras", $"CAM-{i:D5}", $"Камера {i}", rng, new()
            {
                ["camera_kind"] = rng.Pick(["fixed", "fixed", "ptz", "dome"]), ["near"] = near[weights.Pick(rng)], ["status"] = status,
            });
        }
    }

    private static readonly string[] Developers = ["BI Group", "Bazis-A", "Sensata Group", "Kazakhstan Kurylys", "Verum Group", "Capital Projects", "Arman Kurylys"];
    private static readonly string[] Streets = ["пр. Мангилик Ел", "пр. Кабанбай батыра", "ул. Сыганак", "пр. Туран", "ул. Кенесары", "пр. Абая", "ул. Бейбитшилик", "пр. Республики", "ул. Сарайшык", "ул. Жубанова", "пр. Богенбай батыра", "ул. Акмешит"];

    private static void Construction(Context c)
    {
        var rng = c.Stream("construction");
        var today = LocalDate(c.S.NowUtc);
        for (var i = 1; i <= c.Count(400, 12); i++)
        {
            var status = rng.NextDouble() switch { < 0.1 => "planned", < 0.65 => "active", < 0.72 => "suspended", < 0.8 => "problem", _ => "completed" };
            var progress = status switch { "planned" => 0, "completed" => 100, _ => Round(rng.Between(5, 95)) };
            var attrs = new Dictionary<string, object>
            {
                ["permit_no"] = $"KZ{rng.Next(10, 99)}VUA{rng.Next(100000, 999999)}", ["developer"] = rng.Pick(Developers),
                ["shared_equity"] = rng.Chance(0.3), ["storeys"] = rng.Next(3, 25), ["progress_pct"] = progress, ["status"] = status,
                ["planned_end"] = today.AddDays(rng.Next(-200, 900)).ToString("yyyy-MM-dd"),
            };
            if (status == "problem") attrs["problems"] = rng.Pick(["Отставание от графика более 6 месяцев", "Нет финансирования дольщиков", "Нарушения при проверке ГАСК"]);
            c.Add("construction", $"BLD-{i:D4}", $"ЖК «{rng.Pick(["Нұрлы", "Астана", "Есіл", "Сарыарқа", "Байтерек", "Көктем", "Шаңырақ"])} {i}»", rng, attrs);
        }
    }

    private static void EmergencyHousing(Context c)
    {
        var rng = c.Stream("emergency_housing");
        var today = LocalDate(c.S.NowUtc);
        for (var i = 1; i <= c.Count(250, 10); i++)
        {
            var due = today.AddDays(rng.Next(-500, 1500));
            var status = due < today ? rng.Pick(["waiting", "resettling", "resettled", "demolished"]) : rng.Pick(["waiting", "waiting", "resettling"]);
            var flats = rng.Next(8, 120);
            c.Add("emergency_housing", $"EH-{i:D4}", null, rng, new()
            {
                ["address"] = $"{rng.Pick(Streets)}, {rng.Next(1, 120)}", ["flats"] = flats,
                ["residents"] = status is "resettled" or "demolished" ? 0 : (int)(flats * rng.Between(1.5, 3.2)),
                ["resettle_by"] = due.ToString("yyyy-MM-dd"), ["status"] = status,
            });
        }
    }

    private static void Assets(Context c)
    {
        var rng = c.Stream("assets");
        for (var i = 1; i <= c.Count(600, 10); i++)
        {
            var type = rng.Pick(["building", "building", "land", "vehicle", "equipment"]);
            var attrs = new Dictionary<string, object>
            {
                ["asset_type"] = type, ["holder"] = rng.Pick(["ГУ «Аппарат акима»", "ГКП «Астана Су Арнасы»", "ГКП «Елорда Тазалык»", "ГУ «Управление образования»"]),
                ["book_value_kzt"] = Math.Round(rng.Between(2, 900) * 1_000_000), ["condition"] = rng.Pick(["good", "good", "fair", "poor"]),
            };
            if (type is "building" or "land") attrs["area_m2"] = Round(rng.Between(80, 12_000), 0);
            c.Add("assets", $"AS-{i:D5}", null, rng, attrs);
        }
    }

    private static string Phone(Random rng) => $"+7 7{rng.Pick(["01", "02", "05", "07", "47", "71", "75", "77", "78"])} {rng.Next(100, 999)} {rng.Next(10, 99)} {rng.Next(10, 99)}";

    private static void SocialMap(Context c)
    {
        var rng = c.Stream("social_map");
        var people = new People(c.Stream("social_map.people"));
        for (var i = 1; i <= c.Count(3000, 20); i++)
        {
            var category = rng.Pick(["disabled", "large_family", "low_income", "elderly_alone", "orphan"]);
            c.Add("social_map", $"SM-{i:D5}", null, rng, new()
            {
                ["category"] = category, ["members"] = category switch { "large_family" => rng.Next(5, 12), "elderly_alone" => 1, _ => rng.Next(1, 6) },
                ["full_name"] = people.FullName(), ["phone"] = Phone(rng), ["address"] = $"{rng.Pick(Streets)}, {rng.Next(1, 120)}, кв. {rng.Next(1, 300)}",
            });
        }
    }

    /// <summary>Astana's Covid-19 waves: summer 2020, winter 2020/21, summer 2021 (the largest), autumn 2021.</summary>
    private static double CovidIntensity(DateOnly day)
    {
        var d = day.DayNumber;
        double Wave(DateOnly peak, double height, double width) => height * Math.Exp(-Math.Pow((d - peak.DayNumber) / width, 2));
        return Wave(new(2020, 7, 5), 1.0, 18) + Wave(new(2021, 1, 20), 0.35, 25) + Wave(new(2021, 7, 25), 1.6, 20) + Wave(new(2021, 10, 20), 0.7, 20) + 0.02;
    }

    private static void Covid(Context c)
    {
        var rng = c.Stream("covid");
        var people = new People(c.Stream("covid.people"));
        var days = Enumerable.Range(0, 670).Select(k => new DateOnly(2020, 3, 13).AddDays(k)).ToList();
        var table = new WeightedTable(days.Select(CovidIntensity).ToList());
        var cases = c.Count(40_000, 60);
        for (var i = 1; i <= cases; i++)
        {
            var reported = days[table.Pick(rng)];
            var age = Math.Clamp((int)(38 + rng.Normal() * 17), 0, 100);
            var status = rng.NextDouble() < (age > 65 ? 0.04 : 0.005) ? "died" : rng.NextDouble() < (age > 60 ? 0.3 : 0.08) ? "hospitalized" : "recovered";
            var home = c.Add("covid", $"CV-{i:D6}", null, rng, Person(people, rng, reported, "case", age, status));
            for (var k = rng.Poisson(1.6); k > 0; k--)
            {
                var (lat, lon) = (home.Lat + rng.Normal() * 0.002, home.Lon + rng.Normal() * 0.003);
                if (!SystemItemValidator.InCity(lat, lon)) (lat, lon) = (home.Lat, home.Lon);
                c.AddExisting(new DemoObject("covid", $"CV-{i:D6}-K{k}", null, CityGeography.NearestDistrict(c.S.Districts, lat, lon), lat, lon, Person(people, rng, reported.AddDays(rng.Next(0, 3)), "contact", Math.Clamp((int)(35 + rng.Normal() * 20), 0, 100), rng.Chance(0.9) ? "recovered" : "isolated")));
            }
        }
    }

    private static Dictionary<string, object> Person(People people, Random rng, DateOnly reported, string kind, int age, string status) => new()
    {
        ["reported_on"] = reported.ToString("yyyy-MM-dd"), ["case_kind"] = kind, ["age"] = age, ["status"] = status,
        ["full_name"] = people.FullName(), ["phone"] = Phone(rng), ["address"] = $"{rng.Pick(Streets)}, {rng.Next(1, 120)}, кв. {rng.Next(1, 300)}",
    };

    private static void Manholes(Context c)
    {
        var rng = c.Stream("manholes");
        for (var i = 1; i <= c.Count(5000, 25); i++)
        {
            var o = c.Add("manholes", $"MH-{i:D5}", null, rng, new() { ["network"] = rng.Pick(["sewer", "sewer", "water", "storm", "heating", "telecom"]) });
            var battery = rng.Between(60, 100);
            foreach (var t in c.Times(rng, c.S.NowUtc.AddDays(-30), TimeSpan.FromHours(6)))
            {
                battery = Math.Max(3, battery - rng.Between(0, 0.15));
                var open = rng.Chance(0.002);
                var tilt = open ? rng.Between(20, 80) : rng.Chance(0.004) ? rng.Between(12, 30) : Math.Abs(rng.Normal() * 1.5);
                c.Read(o, t, new() { ["state"] = open ? "open" : "closed", ["tilt_deg"] = Round(tilt), ["battery_pct"] = Round(battery) });
            }
        }
    }

    /// <summary>Astana's air by day of year: about -15 °C in mid-January, +21 °C in mid-July.</summary>
    public static double OutdoorTemperature(DateOnly day, Random rng) =>
        3 - 18 * Math.Cos(2 * Math.PI * (day.DayOfYear - 15) / 365.25) + rng.Normal() * 5;

    private static void Fuel(Context c)
    {
        var rng = c.Stream("fuel");
        var weather = c.Stream("fuel.weather");
        var temperatures = new Dictionary<DateOnly, double>();
        for (var i = 1; i <= c.Count(60, 8); i++)
        {
            var capacity = Round(rng.Between(20, 400), 0);
            var o = c.Add("fuel", $"BH-{i:D3}", $"Котельная {i}", rng, new() { ["capacity_gcal_h"] = capacity });
            var perDegree = capacity * 0.012;                 // tonnes of coal a day per degree below +18 °C
            var stock = perDegree * 20 * 30;
            var fuelNorm = Round(capacity * 0.2);
            var fuel = fuelNorm * 1.5;
            foreach (var t in c.Times(rng, c.StartUtc, TimeSpan.FromDays(1)))
            {
                var day = LocalDate(t);
                if (!temperatures.TryGetValue(day, out var temp)) temperatures[day] = temp = Round(OutdoorTemperature(day, weather));
                var heating = day.Month is >= 10 or <= 4 && temp < 12;
                var burn = heating ? Math.Max(0, perDegree * (18 - temp)) : perDegree * 0.3;      // hot water all year
                stock = Math.Max(0, stock - burn);
                // A delivery when under three weeks of burn; one in eight is late, and the stock runs low meanwhile.
                if (stock < burn * 21 && !rng.Chance(0.125)) stock += perDegree * 20 * 30 * rng.Between(0.6, 1.0);
                fuel = Math.Max(0, fuel - fuelNorm * 0.02);
                if (fuel < fuelNorm && rng.Chance(0.3)) fuel += fuelNorm;
                c.Read(o, t, new()
                {
                    ["coal_t"] = Round(stock), ["coal_burn_t_day"] = Round(burn), ["fuel_t"] = Round(fuel), ["fuel_norm_t"] = fuelNorm, ["outdoor_temp_c"] = temp,
                });
            }
        }
    }

    private static void Medicines(Context c)
    {
        var rng = c.Stream("medicines");
        for (var i = 1; i <= c.Count(300, 10); i++)
        {
            var kind = rng.Pick(["pharmacy", "pharmacy", "pharmacy", "clinic", "hospital"]);
            var o = c.Add("medicines", $"MED-{i:D4}", kind == "pharmacy" ? $"Аптека №{i}" : null, rng, new() { ["facility_kind"] = kind });
            var size = kind == "hospital" ? 10 : 1;
            var (minL, minPcs) = (Round(40.0 * size, 0), 500 * size);
            var (litres, pcs) = (minL * 2.5, minPcs * 2.5);
            foreach (var t in c.Times(rng, c.S.NowUtc.AddDays(-90), TimeSpan.FromDays(1)))
            {
                litres = Math.Max(0, litres - minL * rng.Between(0.02, 0.12));
                pcs = Math.Max(0, pcs - minPcs * rng.Between(0.02, 0.12));
                // Restocked when low, but now and then a supply is late and the stock stays under its minimum for days.
                if (litres < minL * 1.2 && rng.Chance(0.6)) litres += minL * 2;
                if (pcs < minPcs * 1.2 && rng.Chance(0.6)) pcs += minPcs * 2;
                c.Read(o, t, new() { ["antiseptic_l"] = Round(litres), ["antiseptic_min_l"] = minL, ["medicines_pcs"] = (int)pcs, ["medicines_min_pcs"] = minPcs });
            }
        }
    }

    private static void Freight(Context c)
    {
        var rng = c.Stream("freight");
        string[] roads = ["М-36 Алматы", "Р-4 Караганда", "А-343 Кокшетау", "Р-2 Павлодар", "Р-6 Шортанды", "Р-1 Щучинск", "Р-3 Ерейментау", "Р-8 Кабанбай батыр"];
        for (var i = 0; i < roads.Length; i++)
        {
            var o = c.Add("freight", $"KPP-{i + 1:D2}", $"КПП {roads[i]}", rng, new() { ["road"] = roads[i] });
            var size = rng.Between(8, 40);
            foreach (var t in c.Times(rng, c.S.NowUtc.AddDays(-60), TimeSpan.FromHours(1)))
            {
                var local = t + Astana;
                var weekday = local.DayOfWeek switch { DayOfWeek.Saturday => 0.55, DayOfWeek.Sunday => 0.35, DayOfWeek.Monday => 1.15, _ => 1.0 };
                var hour = local.Hour is >= 6 and <= 21 ? 1 + Math.Sin(Math.PI * (local.Hour - 6) / 15) : 0.25;
                c.Read(o, t, new() { ["trucks_in"] = rng.Poisson(size * weekday * hour), ["trucks_out"] = rng.Poisson(size * weekday * hour * 0.95) });
            }
        }
    }

    private static void Gps(Context c)
    {
        var rng = c.Stream("gps");
        for (var i = 1; i <= c.Count(400, 8); i++)
        {
            var kind = rng.Pick(["sweeper", "snowplow", "garbage_truck", "water_truck", "loader"]);
            var o = c.Add("gps", $"GPS-{i:D4}", null, rng, new()
            {
                ["vehicle_kind"] = kind, ["plate"] = $"{rng.Next(100, 999)} {rng.Pick(["AB", "AC", "AD", "AK", "BM"])} 01", ["contractor"] = rng.Pick(["ТОО «Елорда Тазалык»", "ТОО «Астана Тазалык»", "ГКП «Тазарту»"]),
            });
            var (lat, lon) = (o.Lat, o.Lon);
            var heading = rng.Next(4);                         // along the street grid: north, east, south, west
            foreach (var t in c.Times(rng, c.S.NowUtc.AddDays(-7), TimeSpan.FromMinutes(5)))
            {
                var hour = (t + Astana).Hour;
                if (hour is < 8 or >= 20) continue;            // the working shift
                var speed = rng.Chance(0.15) ? 0 : Round(rng.Between(8, kind == "sweeper" ? 15 : 40));
                var km = speed * 5 / 60;
                if (rng.Chance(0.1)) heading = (heading + (rng.Chance(0.5) ? 1 : 3)) % 4;
                var (nLat, nLon) = heading switch { 0 => (lat + km / 111, lon), 2 => (lat - km / 111, lon), 1 => (lat, lon + km / 70), _ => (lat, lon - km / 70) };
                if (!SystemItemValidator.InCity(nLat, nLon)) { heading = (heading + 2) % 4; (nLat, nLon) = (lat, lon); }
                (lat, lon) = (nLat, nLon);
                c.Read(o, t, new() { ["speed_kmh"] = speed, ["is_working"] = speed > 0 }, Math.Round(lat, 6), Math.Round(lon, 6));
            }
        }
    }

    private static void StreetLighting(Context c)
    {
        var rng = c.Stream("street_lighting");
        for (var i = 1; i <= c.Count(2000, 20); i++)
        {
            var o = c.Add("street_lighting", $"LMP-{i:D5}", null, rng, new() { ["street"] = rng.Pick(Streets) });
            var power = rng.Pick([100.0, 150.0, 250.0]);
            var fault = false;
            foreach (var t in c.Times(rng, c.S.NowUtc.AddDays(-14), TimeSpan.FromHours(12)))
            {
                var hour = (t + Astana).Hour;
                var dark = hour is >= 18 or < 7;
                fault = fault ? !rng.Chance(0.3) : rng.Chance(0.01);
                c.Read(o, t, new() { ["is_on"] = dark && !fault, ["fault"] = fault, ["power_w"] = dark && !fault ? power : 0.0 });
            }
        }
    }

    private static void Eksk(Context c)
    {
        var rng = c.Stream("eksk");
        for (var i = 1; i <= c.Count(600, 10); i++)
        {
            var o = c.Add("eksk", $"KSK-{i:D4}", null, rng, new() { ["address"] = $"{rng.Pick(Streets)}, {rng.Next(1, 120)}" });
            var size = rng.Between(1, 8);
            foreach (var t in c.Times(rng, c.S.NowUtc.AddDays(-90), TimeSpan.FromDays(1)))
            {
                var open = rng.Poisson(size * (LocalDate(t).Month is >= 10 or <= 3 ? 1.5 : 1));
                c.Read(o, t, new() { ["open_requests"] = open, ["overdue_requests"] = rng.Poisson(open * 0.15) });
            }
        }
    }
}
