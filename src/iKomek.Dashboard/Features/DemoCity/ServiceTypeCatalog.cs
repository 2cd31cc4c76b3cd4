using System.Globalization;

namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>Turns the catalog table (<see cref="Data"/>) into the 28 areas and their service types.</summary>
internal static partial class ServiceTypeCatalog
{
    public sealed record Catalog(IReadOnlyList<Area> Areas, IReadOnlyList<ServiceType> ServiceTypes, IReadOnlyList<double> AreaWeights);

    private sealed record AreaSpec(Area Area, string DepartmentCode, double Weight, string[] OrganisationKinds, bool AtHome);

    private sealed record ObjectSpec(string Code, string Ru, string Kk, string En, double Weight);

    private static readonly Lazy<Catalog> Parsed = new(Parse);

    public static Catalog Build() => Parsed.Value;

    private static Catalog Parse()
    {
        var areas = new List<AreaSpec>();
        var objects = new Dictionary<string, ObjectSpec>();
        var types = new List<ServiceType>();
        var pending = new List<ServiceType>();   // the current area's types, weights not yet normalised

        foreach (var rawLine in Data.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var f = line[2..].Split('|').Select(s => s.Trim()).ToArray();
            switch (line[0])
            {
                case 'A':
                    Flush(pending, types);
                    objects.Clear();
                    var flags = f[4].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var area = new Area((short)(areas.Count + 1), f[0], f[1], f[2], f[3], flags.Contains("ls"));
                    areas.Add(new AreaSpec(area, f[5], Number(f[6]), f[7].Split(' ', StringSplitOptions.RemoveEmptyEntries), flags.Contains("home")));
                    break;
                case 'O':
                    objects.Add(f[0], new ObjectSpec(f[0], f[1], f[2], f[3], Number(f[4])));
                    break;
                case 'P':
                    pending.AddRange(ProblemTypes(areas[^1], objects, f, types.Count + pending.Count + 1));
                    break;
                default:
                    throw new FormatException($"Catalog line not understood: {line}");
            }
        }
        Flush(pending, types);

        var codes = types.GroupBy(t => t.Code).FirstOrDefault(g => g.Count() > 1);
        var names = types.GroupBy(t => t.NameRu).FirstOrDefault(g => g.Count() > 1);
        if (codes is not null || names is not null)
        {
            throw new InvalidOperationException($"Duplicate service type: {codes?.Key ?? names?.Key}");
        }
        var totalWeight = areas.Sum(a => a.Weight);
        return new Catalog(
            areas.Select(a => a.Area).ToList(),
            types,
            areas.Select(a => a.Weight / totalWeight).ToList());
    }

    private static IEnumerable<ServiceType> ProblemTypes(AreaSpec area, Dictionary<string, ObjectSpec> objects, string[] f, int nextId)
    {
        var options = f[4].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sla = short.Parse(options[0], CultureInfo.InvariantCulture);
        var critical = options.Contains("c");
        var information = options.Contains("i");
        var hard = options.Contains("h");
        var weight = Number(Option(options, "w") ?? "1");
        var departmentCode = Option(options, "dept") ?? area.DepartmentCode;
        var organisationKinds = Option(options, "org")?.Split(',') ?? area.OrganisationKinds;
        var atHome = options.Contains("home") || (area.AtHome && !options.Contains("place"));
        var forAkimat = departmentCode == "akimat";
        var departmentId = forAkimat
            ? CityStructure.Departments.First(d => d.Kind == CityStructure.DistrictAkimatKind).Id
            : CityStructure.DepartmentId(departmentCode);

        // Typical first-contact resolution before calibration: questions are answered on the call,
        // threats to life always need a crew, complex cases need an inspection or a commission.
        var firstContact = information ? (hard ? 0.85 : 0.95) : critical ? 0.12 : hard ? 0.35 : 0.6;

        var stemRu = Variants(f[1]);
        var stemKk = Variants(f[2]);
        var stemEn = Variants(f[3]);
        var keywords = (f[6] + " " + f[7]).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
        var targets = f[5] == "-"
            ? [null]
            : f[5].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(code => objects[code]).ToArray<ObjectSpec?>();
        var objectWeightSum = targets.Sum(o => o?.Weight ?? 1);

        foreach (var target in targets)
        {
            yield return new ServiceType
            {
                Id = nextId++,
                Code = target is null ? $"{area.Area.Code}.{f[0]}" : $"{area.Area.Code}.{f[0]}_{target.Code}",
                AreaId = area.Area.Id,
                DepartmentId = departmentId,
                NameRu = target is null ? Capitalise(stemRu[0]) : $"{Capitalise(stemRu[0])} {target.Ru}",
                NameKk = target is null ? Capitalise(stemKk[0]) : $"{Capitalise(target.Kk)} {stemKk[0]}",
                NameEn = target is null ? Capitalise(stemEn[0]) : $"{Capitalise(stemEn[0])} {target.En}",
                Keywords = keywords,
                SlaWorkingDays = critical ? (short)1 : sla,
                IsCritical = critical,
                AreaCode = area.Area.Code,
                ProblemCode = $"{area.Area.Code}.{f[0]}",
                ForDistrictAkimat = forAkimat,
                OrganisationKinds = organisationKinds,
                Detail = Detail(atHome, target?.Code),
                IsInformation = information,
                WeightInArea = weight * (target?.Weight ?? 1) / objectWeightSum,
                FirstContactBase = firstContact,
                StemRu = stemRu,
                StemKk = stemKk,
                StemEn = stemEn,
                ObjectRu = target?.Ru ?? "",
                ObjectKk = target?.Kk ?? "",
                ObjectEn = target?.En ?? "",
            };
        }
    }

    // Objects that are public places even in areas that concern the resident's home, and those inside a flat.
    private static readonly HashSet<string> PlaceObjects =
    [
        "street", "sidewalk", "crossing", "stop", "bridge", "underpass", "park", "square", "boulevard", "embankment", "market", "mall",
        "vacant", "river", "lake", "industrial", "city", "site", "road_site", "school_site", "route", "night", "lrt", "suburban",
        "airport", "station", "school_route", "shop", "cafe", "pharmacy",
    ];
    private static readonly HashSet<string> FlatObjects = ["flat", "balcony", "flat_next", "hostel_room", "riser"];

    private static AddressDetail Detail(bool atHome, string? objectCode) =>
        !atHome || objectCode is not null && PlaceObjects.Contains(objectCode) ? AddressDetail.Place
        : objectCode is null || FlatObjects.Contains(objectCode) ? AddressDetail.Flat
        : AddressDetail.Building;

    /// <summary>Normalises the weights of an area's types to sum to 1 and moves them to the result.</summary>
    private static void Flush(List<ServiceType> pending, List<ServiceType> types)
    {
        var sum = pending.Sum(t => t.WeightInArea);
        foreach (var type in pending)
        {
            type.WeightInArea /= sum;
        }
        types.AddRange(pending);
        pending.Clear();
    }

    private static string? Option(string[] options, string name) =>
        options.FirstOrDefault(o => o.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string[] Variants(string field) =>
        field.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(LowerFirst).ToArray();

    /// <summary>Lower-cases the first letter unless the word is an acronym (LRT, ОСИ, ЦОН).</summary>
    public static string LowerFirst(string s) =>
        s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    public static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
