using System.Text.Json;

namespace IKomek.Dashboard.Platform.City;

/// <summary>A polygon as GeoJSON writes it: rings of [lon, lat] points, the first the outline, the others holes.</summary>
public sealed record OutlinePolygon(IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Rings)
{
    /// <summary>Inside the outline and in none of its holes (even-odd rule; a point on an edge may fall either way).</summary>
    public bool Contains(double lat, double lon) =>
        Rings.Count > 0 && InRing(Rings[0], lat, lon) && !Rings.Skip(1).Any(hole => InRing(hole, lat, lon));

    /// <summary>Area of the outline (holes taken off) in square degrees: only to weigh centroids.</summary>
    public double Area => Math.Abs(Signed(Rings[0])) - Rings.Skip(1).Sum(r => Math.Abs(Signed(r)));

    private static bool InRing(IReadOnlyList<(double Lon, double Lat)> ring, double lat, double lon)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (xi, yi) = ring[i];
            var (xj, yj) = ring[j];
            if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) inside = !inside;
        }
        return inside;
    }

    internal static double Signed(IReadOnlyList<(double Lon, double Lat)> ring)
    {
        double sum = 0;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++) sum += ring[j].Lon * ring[i].Lat - ring[i].Lon * ring[j].Lat;
        return sum / 2;
    }
}

/// <summary>One district of a profile: its names, population and outline (or, for the built-in Astana, a centre alone).</summary>
public sealed record DistrictOutline(
    string Code, string NameRu, string NameKk, string NameEn, int Population, IReadOnlyList<OutlinePolygon> Polygons, double CenterLat, double CenterLon)
{
    public bool Contains(double lat, double lon) => Polygons.Any(p => p.Contains(lat, lon));

    /// <summary>The outline as a GeoJSON MultiPolygon geometry (what <c>districts.outline</c> stores), or null without one.</summary>
    public string? GeometryJson() => Polygons.Count == 0 ? null : JsonSerializer.Serialize(new
    {
        type = "MultiPolygon",
        coordinates = Polygons.Select(p => p.Rings.Select(r => r.Select(pt => new[] { pt.Lon, pt.Lat }))),
    });

    /// <summary>The area-weighted centroid of the outer rings: where the map puts the name and nearest-centre falls back.</summary>
    internal static (double Lat, double Lon) Centroid(IReadOnlyList<OutlinePolygon> polygons)
    {
        double a = 0, x = 0, y = 0;
        foreach (var ring in polygons.Select(p => p.Rings[0]))
        {
            for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            {
                var cross = ring[j].Lon * ring[i].Lat - ring[i].Lon * ring[j].Lat;
                a += cross;
                x += (ring[j].Lon + ring[i].Lon) * cross;
                y += (ring[j].Lat + ring[i].Lat) * cross;
            }
        }
        if (Math.Abs(a) < 1e-12) return (polygons[0].Rings[0][0].Lat, polygons[0].Rings[0][0].Lon);
        return (y / (3 * a), x / (3 * a));
    }
}

/// <summary>
/// Reads a GeoJSON FeatureCollection of district outlines (Polygon or MultiPolygon features with properties code,
/// name_ru, name_kk, name_en, population), refusing the file with the feature's index and what is wrong.
/// </summary>
public static class DistrictOutlines
{
    public static IReadOnlyList<DistrictOutline> Read(string json, string file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new CityProfileException($"{file}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                throw new CityProfileException($"{file}: not a GeoJSON FeatureCollection (an object with \"type\": \"FeatureCollection\" and a \"features\" array)");
            var districts = new List<DistrictOutline>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var at = $"{file}: features[{index}]";
                var district = ReadFeature(feature, at);
                if (seen.TryGetValue(district.Code, out var first))
                    throw new CityProfileException($"{at}.properties.code: '{district.Code}' is already the code of features[{first}]");
                seen[district.Code] = index;
                districts.Add(district);
                index++;
            }
            if (districts.Count == 0) throw new CityProfileException($"{file}: the FeatureCollection has no features: a city needs at least one district");
            return districts;
        }
    }

    private static DistrictOutline ReadFeature(JsonElement feature, string at)
    {
        if (feature.ValueKind != JsonValueKind.Object || Text(feature, "type") != "Feature")
            throw new CityProfileException($"{at}: not a GeoJSON Feature");
        if (!feature.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
            throw new CityProfileException($"{at}.properties: missing (a district needs code, name_ru, name_kk, name_en, population)");
        var code = Required(props, "code", at);
        if (!CityProfile.CodePattern().IsMatch(code))
            throw new CityProfileException($"{at}.properties.code: '{code}' is not a code ([a-z0-9_-], 2 to 32 characters)");
        var population = props.TryGetProperty("population", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n) && n > 0
            ? n : throw new CityProfileException($"{at}.properties.population: missing or not a positive whole number");
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
            throw new CityProfileException($"{at}.geometry: missing");
        var polygons = Text(geometry, "type") switch
        {
            "Polygon" => [Polygon(Coordinates(geometry, at), $"{at}.geometry.coordinates")],
            "MultiPolygon" => Coordinates(geometry, at).EnumerateArray()
                .Select((poly, i) => Polygon(poly, $"{at}.geometry.coordinates[{i}]")).ToList(),
            var other => throw new CityProfileException($"{at}.geometry.type: '{other}' is not Polygon or MultiPolygon"),
        };
        if (polygons.Count == 0) throw new CityProfileException($"{at}.geometry.coordinates: no polygon");
        var (lat, lon) = DistrictOutline.Centroid(polygons);
        return new DistrictOutline(code, Required(props, "name_ru", at), Required(props, "name_kk", at), Required(props, "name_en", at),
            population, polygons, lat, lon);
    }

    /// <summary>A stored outline (<c>districts.outline</c>, a GeoJSON MultiPolygon or Polygon geometry) back as polygons.</summary>
    public static IReadOnlyList<OutlinePolygon> ReadGeometry(string json, string at)
    {
        using var doc = JsonDocument.Parse(json);
        var geometry = doc.RootElement;
        return Text(geometry, "type") switch
        {
            "Polygon" => [Polygon(Coordinates(geometry, at), $"{at}.coordinates")],
            "MultiPolygon" => Coordinates(geometry, at).EnumerateArray().Select((poly, i) => Polygon(poly, $"{at}.coordinates[{i}]")).ToList(),
            var other => throw new CityProfileException($"{at}.type: '{other}' is not Polygon or MultiPolygon"),
        };
    }

    private static JsonElement Coordinates(JsonElement geometry, string at) =>
        geometry.TryGetProperty("coordinates", out var c) && c.ValueKind == JsonValueKind.Array
            ? c : throw new CityProfileException($"{at}.geometry.coordinates: missing or not an array");

    private static OutlinePolygon Polygon(JsonElement rings, string at)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0) throw new CityProfileException($"{at}: a polygon needs at least its outer ring");
        var result = new List<IReadOnlyList<(double, double)>>();
        var r = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            var ringAt = $"{at}[{r++}]";
            if (ring.ValueKind != JsonValueKind.Array) throw new CityProfileException($"{ringAt}: a ring is an array of [lon, lat] points");
            var points = new List<(double Lon, double Lat)>();
            var i = 0;
            foreach (var point in ring.EnumerateArray())
            {
                if (point.ValueKind != JsonValueKind.Array || point.GetArrayLength() < 2
                    || point[0].ValueKind != JsonValueKind.Number || point[1].ValueKind != JsonValueKind.Number)
                    throw new CityProfileException($"{ringAt}[{i}]: a point is [lon, lat] in numbers");
                var (lon, lat) = (point[0].GetDouble(), point[1].GetDouble());
                if (lon is < -180 or > 180 || lat is < -90 or > 90)
                    throw new CityProfileException($"{ringAt}[{i}]: [{lon}, {lat}] is not a longitude and latitude");
                points.Add((lon, lat));
                i++;
            }
            if (points.Count < 4) throw new CityProfileException($"{ringAt}: a ring needs at least 4 points (the first repeated last), it has {points.Count}");
            if (points[0] != points[^1])
                throw new CityProfileException($"{ringAt}: the ring is not closed: its last point [{points[^1].Lon}, {points[^1].Lat}] is not its first [{points[0].Lon}, {points[0].Lat}]");
            result.Add(points);
        }
        return new OutlinePolygon(result);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Required(JsonElement props, string name, string at) =>
        Text(props, name) is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s) ? s.Trim()
            : throw new CityProfileException($"{at}.properties.{name}: missing (a district needs code, name_ru, name_kk, name_en, population)");
}
