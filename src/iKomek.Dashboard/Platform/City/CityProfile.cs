using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace IKomek.Dashboard.Platform.City;

/// <summary>A profile file was refused: the message names the file, the property path or feature index, and why.</summary>
public sealed class CityProfileException(string message) : Exception(message);

public sealed record CityName(string Ru, string Kk, string En);

/// <summary>The map's extent; intake and import refuse points outside it.</summary>
public sealed record CityBounds(double South, double West, double North, double East)
{
    public bool Contains(double lat, double lon) => lat >= South && lat <= North && lon >= West && lon <= East;
}

/// <summary>
/// The city's own export as an import mapping file's properties (docs/import-mapping.md): laid over the <c>custom</c>
/// preset with the profile's time zone by <c>ToImportMapping()</c> (Features/Import/CityProfileImport.cs).
/// </summary>
public sealed record CityImport(
    string? Source = null,
    string? Delimiter = null,
    string? DateFormat = null,
    string? Encoding = null,
    string? Channel = null,
    Dictionary<string, string>? Columns = null,
    Dictionary<string, string>? Categories = null,
    Dictionary<string, string>? Districts = null,
    Dictionary<string, string>? Statuses = null);

/// <summary>
/// Which city this database is (one database = one akimat = one profile): its names, time zone, map extent, district
/// outlines, holidays, the channels it uses and how its own export maps onto ours. Astana is the built-in default;
/// another city comes as a JSON file (docs/profiles/example-city.json) applied with <c>profile apply</c>.
/// </summary>
public sealed partial record CityProfile(
    string Code,
    CityName Name,
    string TimeZone,
    CityBounds Bounds,
    IReadOnlyList<DistrictOutline> Districts,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<string> Channels,
    CityImport Import)
{
    /// <summary>Our channel codes (the <c>channels</c> table of every city): a profile picks among them.</summary>
    public static readonly IReadOnlyList<string> OurChannels =
        ["call_109", "telegram", "ikomek_app", "smart_astana", "website", "social", "aitu", "email"];

    [GeneratedRegex("^[a-z0-9_-]{2,32}$")]
    internal static partial Regex CodePattern();

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The district whose outline holds the point, or null (outside every outline, or a profile without outlines).</summary>
    public DistrictOutline? DistrictAt(double lat, double lon) => Districts.FirstOrDefault(d => d.Contains(lat, lon));

    /// <summary>Astana: the demo city's five districts (centres, no outlines), Kazakhstan's holidays, Asia/Almaty, every channel.</summary>
    public static CityProfile Astana { get; } = new(
        "astana",
        new CityName("Астана", "Астана", "Astana"),
        "Asia/Almaty",
        new CityBounds(CityGeography.MinLat, CityGeography.MinLon, CityGeography.MaxLat, CityGeography.MaxLon),
        [
            new("almaty", "Алматы", "Алматы", "Almaty", 382_000, [], 51.148, 71.492),
            new("baikonyr", "Байконыр", "Байқоңыр", "Baikonyr", 262_000, [], 51.176, 71.455),
            new("yesil", "Есиль", "Есіл", "Yesil", 308_000, [], 51.106, 71.402),
            new("saryarka", "Сарыарка", "Сарыарқа", "Saryarka", 312_000, [], 51.173, 71.392),
            new("nura", "Нура", "Нұра", "Nura", 146_000, [], 51.086, 71.487),
        ],
        KazakhstanHolidays(2017, 2030),
        OurChannels,
        new CityImport());

    /// <summary>Kazakhstan's fixed-date public holidays (as migration 0005 stores them for Astana).</summary>
    public static IReadOnlyList<DateOnly> KazakhstanHolidays(int fromYear, int toYear)
    {
        (int Month, int Day)[] days = [(1, 1), (1, 2), (1, 7), (3, 8), (3, 21), (3, 22), (3, 23), (5, 1), (5, 7), (5, 9), (7, 6), (8, 30), (10, 25), (12, 16)];
        return Enumerable.Range(fromYear, toYear - fromYear + 1).SelectMany(y => days.Select(d => new DateOnly(y, d.Month, d.Day))).ToList();
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// Reads and checks a profile file and its districts' GeoJSON. <paramref name="ourCodes"/> are the service type and
    /// area codes the import's categories may map to (the database's catalogue); without them only their form is checked.
    /// </summary>
    /// <exception cref="CityProfileException">The file, the property path (or feature index) and what is wrong.</exception>
    public static CityProfile Load(string path, IReadOnlySet<string>? ourCodes = null)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path)) throw new CityProfileException($"{path}: no such file");
        ProfileFile raw;
        try
        {
            raw = JsonSerializer.Deserialize<ProfileFile>(File.ReadAllText(path), Json)
                ?? throw new CityProfileException($"{file}: the file holds null, not a profile");
        }
        catch (JsonException e) when (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            throw new CityProfileException($"{file}: {e.Path}: unknown property");
        }
        catch (JsonException e)
        {
            throw new CityProfileException($"{file}: not a valid profile at {e.Path} (line {e.LineNumber + 1}): {FirstSentence(e.Message)}");
        }

        var code = raw.Code ?? throw Missing(file, "code");
        if (!CodePattern().IsMatch(code)) throw new CityProfileException($"{file}: $.code: '{code}' is not a code ([a-z0-9_-], 2 to 32 characters)");
        var name = raw.Name ?? throw Missing(file, "name");
        if (string.IsNullOrWhiteSpace(name.Ru) || string.IsNullOrWhiteSpace(name.Kk) || string.IsNullOrWhiteSpace(name.En))
            throw new CityProfileException($"{file}: $.name: the city's name is needed in ru, kk and en");
        var zone = raw.TimeZone ?? throw Missing(file, "timeZone");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) || !found.HasIanaId)
            throw new CityProfileException($"{file}: $.timeZone: '{zone}' is not an IANA time zone (e.g. Asia/Almaty)");
        var bounds = raw.Bounds ?? throw Missing(file, "bounds");
        if (bounds.South >= bounds.North) throw new CityProfileException($"{file}: $.bounds: south {bounds.South} is not below north {bounds.North}");
        if (bounds.West >= bounds.East) throw new CityProfileException($"{file}: $.bounds: west {bounds.West} is not below east {bounds.East}");
        if (bounds.South < -90 || bounds.North > 90 || bounds.West < -180 || bounds.East > 180)
            throw new CityProfileException($"{file}: $.bounds: not latitudes (-90..90) and longitudes (-180..180)");

        var districtsFile = raw.Districts ?? throw Missing(file, "districts");
        var geoPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, districtsFile);
        if (!File.Exists(geoPath)) throw new CityProfileException($"{file}: $.districts: '{districtsFile}' is not a file beside the profile");
        var districts = DistrictOutlines.Read(File.ReadAllText(geoPath), Path.GetFileName(geoPath));
        var outside = districts.FirstOrDefault(d => !bounds.Contains(d.CenterLat, d.CenterLon));
        if (outside is not null)
            throw new CityProfileException($"{Path.GetFileName(geoPath)}: district '{outside.Code}' lies outside the profile's bounds (its centre {outside.CenterLat:F4}, {outside.CenterLon:F4})");

        var holidays = new List<DateOnly>();
        for (var i = 0; i < (raw.Holidays?.Length ?? 0); i++)
        {
            if (!DateOnly.TryParseExact(raw.Holidays![i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new CityProfileException($"{file}: $.holidays[{i}]: '{raw.Holidays[i]}' is not a date (yyyy-MM-dd)");
            holidays.Add(day);
        }

        var channels = raw.Channels ?? throw Missing(file, "channels");
        if (channels.Length == 0) throw new CityProfileException($"{file}: $.channels: a city uses at least one channel");
        for (var i = 0; i < channels.Length; i++)
            if (!OurChannels.Contains(channels[i]))
                throw new CityProfileException($"{file}: $.channels[{i}]: '{channels[i]}' is not one of our channels ({string.Join(", ", OurChannels)})");

        var import = raw.Import ?? new CityImport();
        CheckImport(file, import, districts, channels, ourCodes);

        return new CityProfile(code, name, zone, bounds, districts, holidays.Distinct().Order().ToList(), channels.Distinct().ToList(), import);
    }

    private static void CheckImport(string file, CityImport import, IReadOnlyList<DistrictOutline> districts, string[] channels, IReadOnlySet<string>? ourCodes)
    {
        if (import.Channel is { } channel && !channels.Contains(channel))
            throw new CityProfileException($"{file}: $.import.channel: '{channel}' is not one of the profile's channels ({string.Join(", ", channels)})");
        foreach (var (category, target) in import.Categories ?? [])
        {
            var known = ourCodes?.Contains(target) ?? ServiceCodePattern().IsMatch(target);
            if (!known) throw new CityProfileException($"{file}: $.import.categories['{category}']: '{target}' is not one of our service types or areas");
        }
        var codes = districts.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, target) in import.Districts ?? [])
            if (!codes.Contains(target))
                throw new CityProfileException($"{file}: $.import.districts['{name}']: '{target}' is not a district of the profile ({string.Join(", ", codes)})");
        if (import.DateFormat is { } format)
        {
            try
            {
                _ = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw new CityProfileException($"{file}: $.import.dateFormat: '{format}' is not a .NET date format");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9_]+(\\.[a-z0-9_]+)?$")]
    private static partial Regex ServiceCodePattern();

    private static CityProfileException Missing(string file, string property) => new($"{file}: $.{property}: missing");

    private static string FirstSentence(string message) => message.Split(". Path:")[0];

    /// <summary>The file's shape; every property checked by <see cref="Load"/>.</summary>
    private sealed record ProfileFile(
        string? Code,
        CityName? Name,
        string? TimeZone,
        CityBounds? Bounds,
        string? Districts,
        string[]? Holidays,
        string[]? Channels,
        CityImport? Import);
}
