using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Platform.City;

/// <summary>The profile file: the example loads, and each kind of bad input is refused with where and why.</summary>
public sealed class CityProfileTests : IDisposable
{
    private static readonly string Examples = Path.Combine(FindRepo(), "docs", "profiles");
    private readonly string _folder = Directory.CreateTempSubdirectory("city-profile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ExampleProfile_Loads_WithItsDistrictsZoneHolidaysAndMapping()
    {
        var profile = CityProfile.Load(Path.Combine(Examples, "example-city.json"));

        Assert.Equal("zhaiyk", profile.Code);
        Assert.Equal("Жайық", profile.Name.Kk);
        Assert.Equal("Asia/Oral", profile.TimeZone);
        Assert.Equal(["ortalyk", "ozen_boyi", "zhagalau"], profile.Districts.Select(d => d.Code));
        Assert.Equal(2, profile.Districts[2].Polygons.Count);
        Assert.Equal(14, profile.Holidays.Count);
        Assert.Equal(["call_109", "website", "telegram"], profile.Channels);
        Assert.Equal("ortalyk", profile.DistrictAt(51.00, 51.30)?.Code);
        Assert.Equal("zhagalau", profile.DistrictAt(50.945, 51.525)?.Code);   // the second polygon
        Assert.Null(profile.DistrictAt(51.08, 51.45));                        // inside the bounds, outside every outline

        var mapping = profile.ToImportMapping();
        Assert.Equal("custom", mapping.Preset);
        Assert.Equal("zhaiyk-export", mapping.Source);
        Assert.Equal("Asia/Oral", mapping.TimeZone);
        Assert.Equal("dd.MM.yyyy HH:mm", mapping.DateFormat);
        Assert.Equal(["Номер"], mapping.Columns["id"]);
        Assert.Equal("heating.no_heat_flat", mapping.Categories["нет отопления"]);
        Assert.Equal("ortalyk", mapping.Districts["Центральный"]);
        mapping.Validate();
    }

    [Fact]
    public void Polygon_WithAHole_DoesNotHoldPointsInTheHole()
    {
        var polygon = new OutlinePolygon([
            [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)],
            [(4, 4), (6, 4), (6, 6), (4, 6), (4, 4)],
        ]);
        Assert.True(polygon.Contains(lat: 2, lon: 2));
        Assert.False(polygon.Contains(lat: 5, lon: 5));
        Assert.False(polygon.Contains(lat: 11, lon: 5));
    }

    [Fact]
    public void Astana_IsTheDemoCitysDefault()
    {
        var astana = CityProfile.Astana;
        Assert.Equal("Asia/Almaty", astana.TimeZone);
        Assert.Equal(["almaty", "baikonyr", "yesil", "saryarka", "nura"], astana.Districts.Select(d => d.Code));
        Assert.Contains(new DateOnly(2026, 3, 22), astana.Holidays);
        Assert.Equal(CityProfile.OurChannels, astana.Channels);
    }

    public static TheoryData<string, string, string> BadProfiles => new()
    {
        { "bad JSON", """{ "code": "x1", """, "example.json: not a valid profile at" },
        { "unknown property", Profile(bounds: """{ "south": 50.9, "west": 51.2, "north": 51.1, "east": 51.55, "top": 1 }"""), "example.json: $.bounds.top: unknown property" },
        { "bad zone", Profile(zone: "Asia/Astana"), "example.json: $.timeZone: 'Asia/Astana' is not an IANA time zone" },
        { "bounds inverted", Profile(bounds: """{ "south": 51.1, "west": 51.2, "north": 50.9, "east": 51.55 }"""), "example.json: $.bounds: south 51.1 is not below north 50.9" },
        { "holiday not a date", Profile(holidays: """["2026-01-01", "2026-02-30"]"""), "example.json: $.holidays[1]: '2026-02-30' is not a date (yyyy-MM-dd)" },
        { "unknown channel", Profile(channels: """["call_109", "fax"]"""), "example.json: $.channels[1]: 'fax' is not one of our channels" },
        { "bad code", Profile(code: "Zhaiyk City"), "example.json: $.code: 'Zhaiyk City' is not a code" },
        { "district map to unknown code", Profile(import: """{ "districts": { "Центральный": "centre" } }"""), "example.json: $.import.districts['Центральный']: 'centre' is not a district of the profile" },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public void BadProfile_IsRefused_WithWhereAndWhy(string _, string json, string expected)
    {
        File.WriteAllText(Path.Combine(_folder, "example.geojson"), Geo(Square("ortalyk", 51.25)));
        var e = Assert.Throws<CityProfileException>(() => Load(json));
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void CategoryMappedToAnUnknownServiceType_IsRefused()
    {
        File.WriteAllText(Path.Combine(_folder, "example.geojson"), Geo(Square("ortalyk", 51.25)));
        var json = Profile(import: """{ "categories": { "Ямы": "roads_sidewalks", "Кошки": "cats.lost" } }""");
        var e = Assert.Throws<CityProfileException>(() => Load(json, new HashSet<string> { "roads_sidewalks", "heating.no_heat_flat" }));
        Assert.Equal("example.json: $.import.categories['Кошки']: 'cats.lost' is not one of our service types or areas", e.Message);
    }

    public static TheoryData<string, string, string> BadOutlines => new()
    {
        { "not a FeatureCollection", """{ "type": "Feature", "features": [] }""", "example.geojson: not a GeoJSON FeatureCollection" },
        { "polygon not closed", Geo(Feature("ortalyk", "[[[51.25, 50.95], [51.3, 50.95], [51.3, 51.0], [51.25, 51.0]]]")),
            "example.geojson: features[0].geometry.coordinates[0]: the ring is not closed: its last point [51.25, 51] is not its first [51.25, 50.95]" },
        { "district without code", Geo(Square("ortalyk", 51.25), Square(null, 51.3)), "example.geojson: features[1].properties.code: missing" },
        { "duplicate codes", Geo(Square("ortalyk", 51.25), Square("ortalyk", 51.3)), "example.geojson: features[1].properties.code: 'ortalyk' is already the code of features[0]" },
        { "not a polygon", Geo("""{ "type": "Feature", "properties": { "code": "a1", "name_ru": "А", "name_kk": "А", "name_en": "A", "population": 5 }, "geometry": { "type": "Point", "coordinates": [51.3, 51] } }"""),
            "example.geojson: features[0].geometry.type: 'Point' is not Polygon or MultiPolygon" },
        { "outside the bounds", Geo(Square("ortalyk", 60.0)), "example.geojson: district 'ortalyk' lies outside the profile's bounds" },
    };

    [Theory]
    [MemberData(nameof(BadOutlines))]
    public void BadOutlines_AreRefused_WithTheFeatureAndWhy(string _, string geojson, string expected)
    {
        File.WriteAllText(Path.Combine(_folder, "example.geojson"), geojson);
        var e = Assert.Throws<CityProfileException>(() => Load(Profile()));
        Assert.StartsWith(expected, e.Message);
    }

    private CityProfile Load(string json, IReadOnlySet<string>? codes = null)
    {
        var path = Path.Combine(_folder, "example.json");
        File.WriteAllText(path, json);
        return CityProfile.Load(path, codes);
    }

    private static string Profile(string code = "zhaiyk", string zone = "Asia/Oral",
        string bounds = """{ "south": 50.9, "west": 51.2, "north": 51.1, "east": 51.55 }""",
        string holidays = """["2026-01-01"]""", string channels = """["call_109"]""", string import = "{}") => $$"""
        {
          // comments are allowed
          "code": "{{code}}",
          "name": { "ru": "Жайык", "kk": "Жайық", "en": "Zhaiyk" },
          "timeZone": "{{zone}}",
          "bounds": {{bounds}},
          "districts": "example.geojson",
          "holidays": {{holidays}},
          "channels": {{channels}},
          "import": {{import}}
        }
        """;

    private static string Geo(params string[] features) => $$"""{ "type": "FeatureCollection", "features": [{{string.Join(",", features)}}] }""";

    private static string Square(string? code, double west) =>
        Feature(code, $"[[[{west}, 50.95], [{west + 0.05}, 50.95], [{west + 0.05}, 51.0], [{west}, 51.0], [{west}, 50.95]]]");

    private static string Feature(string? code, string coordinates) => $$"""
        { "type": "Feature",
          "properties": { {{(code is null ? "" : $"\"code\": \"{code}\", ")}}"name_ru": "Р", "name_kk": "Қ", "name_en": "E", "population": 1000 },
          "geometry": { "type": "Polygon", "coordinates": {{coordinates}} } }
        """;

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "iKomek.Dashboard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository's root was not found");
    }
}
