using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Live;

/// <summary>
/// The five districts as the panel draws them: each is the part of the city nearer its centre than any other centre,
/// the very rule intake uses to place an appeal by its coordinates, so what the map shows and what the counts mean
/// agree. The city's outline is schematic (a generous hull of its built-up area), not a surveyed boundary.
/// </summary>
public static class DistrictMap
{
    /// <summary>Astana's outline, clockwise from the north-west (lat, lon).</summary>
    public static readonly (double Lat, double Lon)[] CityOutline =
    [
        (51.236, 71.318), (51.252, 71.400), (51.246, 71.488), (51.222, 71.560), (51.186, 71.604), (51.134, 71.612),
        (51.082, 71.590), (51.046, 71.538), (51.036, 71.452), (51.048, 71.360), (51.082, 71.298), (51.138, 71.272), (51.196, 71.280),
    ];

    /// <summary>
    /// The districts as the panels draw them: a city profile's own outlines where every district has one (a district
    /// in several parts by its largest), else the cells of the centres inside Astana's outline. Another city's centres
    /// lie outside that outline, and their empty cells could not be drawn.
    /// </summary>
    public static IReadOnlyDictionary<int, (double Lat, double Lon)[]> Cells(CityReference.Snapshot city)
    {
        if (city.Outlines is { Count: > 0 } outlines && city.DistrictCentres.Keys.All(id => outlines.Any(o => o.Id == id && o.Polygons.Count > 0)))
            return outlines.Where(o => city.DistrictCentres.ContainsKey(o.Id))
                .ToDictionary(o => o.Id, o => o.Polygons.MaxBy(p => p.Area)!.Rings[0].Select(p => (p.Lat, p.Lon)).ToArray());
        return Cells(city.DistrictCentres);
    }

    /// <summary>Each district's polygon (lat, lon), closed (first point repeated at the end).</summary>
    public static IReadOnlyDictionary<int, (double Lat, double Lon)[]> Cells(IReadOnlyDictionary<int, (double Lat, double Lon)> centres)
    {
        // Nearest by ground distance: a degree of longitude here is cos(latitude) of a degree of latitude.
        var scale = Math.Cos(centres.Values.Average(c => c.Lat) * Math.PI / 180);
        (double X, double Y) Flat((double Lat, double Lon) p) => (p.Lon * scale, p.Lat);
        var cells = new Dictionary<int, (double Lat, double Lon)[]>();
        foreach (var (id, centre) in centres)
        {
            var polygon = CityOutline.Select(Flat).ToList();
            var c = Flat(centre);
            foreach (var (otherId, other) in centres)
            {
                if (otherId == id) continue;
                var o = Flat(other);
                // Keep the points p with |p - c| <= |p - o|, i.e. 2 p.(o - c) <= |o|^2 - |c|^2.
                var (nx, ny) = (2 * (o.X - c.X), 2 * (o.Y - c.Y));
                var limit = o.X * o.X + o.Y * o.Y - c.X * c.X - c.Y * c.Y;
                polygon = Clip(polygon, p => limit - (nx * p.X + ny * p.Y));
            }
            var points = polygon.Select(p => (Lat: p.Y, Lon: p.X / scale)).ToList();
            if (points.Count > 0) points.Add(points[0]);
            cells[id] = [.. points];
        }
        return cells;
    }

    /// <summary>Sutherland-Hodgman against one half-plane: keeps the points where <paramref name="inside"/> is at least 0.</summary>
    private static List<(double X, double Y)> Clip(List<(double X, double Y)> polygon, Func<(double X, double Y), double> inside)
    {
        var result = new List<(double X, double Y)>();
        for (var i = 0; i < polygon.Count; i++)
        {
            var (a, b) = (polygon[i], polygon[(i + 1) % polygon.Count]);
            var (da, db) = (inside(a), inside(b));
            if (da >= 0) result.Add(a);
            if (da >= 0 != db >= 0)
            {
                var t = da / (da - db);
                result.Add((a.X + t * (b.X - a.X), a.Y + t * (b.Y - a.Y)));
            }
        }
        return result;
    }

    /// <summary>The centre of a polygon's area (where its label reads best), by the shoelace formula.</summary>
    public static (double Lat, double Lon) Centroid((double Lat, double Lon)[] polygon)
    {
        double area = 0, lat = 0, lon = 0;
        for (var i = 0; i + 1 < polygon.Length; i++)
        {
            var (a, b) = (polygon[i], polygon[i + 1]);
            var cross = a.Lon * b.Lat - b.Lon * a.Lat;
            area += cross;
            lon += (a.Lon + b.Lon) * cross;
            lat += (a.Lat + b.Lat) * cross;
        }
        // A degenerate polygon has no area to weigh by: its points' mean (an infinite label position breaks the chart).
        if (Math.Abs(area) < 1e-12) return polygon.Length == 0 ? (0, 0) : (polygon.Average(p => p.Lat), polygon.Average(p => p.Lon));
        return (lat / (3 * area), lon / (3 * area));
    }

    /// <summary>Whether a point lies inside a polygon (ray casting), for checks of the drawing.</summary>
    public static bool Contains((double Lat, double Lon)[] polygon, double lat, double lon)
    {
        var inside = false;
        for (int i = 0, j = polygon.Length - 1; i < polygon.Length; j = i++)
        {
            var (a, b) = (polygon[i], polygon[j]);
            if (a.Lat > lat != b.Lat > lat && lon < (b.Lon - a.Lon) * (lat - a.Lat) / (b.Lat - a.Lat) + a.Lon) inside = !inside;
        }
        return inside;
    }
}
