using System.Globalization;
using System.Text.Json;

namespace IKomek.Dashboard.Features.Projects.Card;

/// <summary>
/// A project's site drawn without a map service: its outline (GeoJSON Point, LineString or Polygon) and the circle in
/// which the card counts appeals, projected around the project's point onto a square of <see cref="Size"/> pixels.
/// </summary>
public sealed record SiteSketch(string Kind, IReadOnlyList<(double X, double Y)> Points, double RadiusPx)
{
    public const double Size = 240;
    private const double MetresPerDegree = 111195;

    public static double Centre => Size / 2;

    /// <summary>The outline's points as an SVG points attribute.</summary>
    public string SvgPoints => string.Join(' ', Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")));

    /// <summary>The sketch of a site at (lat, lon) with its outline (null: the point alone), the circle of radius metres kept in view.</summary>
    public static SiteSketch Of(double lat, double lon, string? outline, double radiusM)
    {
        var (kind, coordinates) = Parse(outline);
        var metres = coordinates.Select(c => ((c.Lon - lon) * MetresPerDegree * Math.Cos(lat * Math.PI / 180), (c.Lat - lat) * MetresPerDegree)).ToList();
        // The circle and the whole outline fit, with a margin.
        var extent = metres.Select(m => Math.Max(Math.Abs(m.Item1), Math.Abs(m.Item2))).Append(radiusM).Max() * 1.15;
        var scale = Centre / extent;
        return new SiteSketch(kind, metres.Select(m => (Centre + m.Item1 * scale, Centre - m.Item2 * scale)).ToList(), radiusM * scale);
    }

    /// <summary>The geometry's kind (point, line, polygon) and its coordinates; a point for anything else.</summary>
    public static (string Kind, IReadOnlyList<(double Lat, double Lon)> Coordinates) Parse(string? geoJson)
    {
        if (string.IsNullOrWhiteSpace(geoJson)) return ("point", []);
        try
        {
            using var doc = JsonDocument.Parse(geoJson);
            var root = doc.RootElement;
            var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (!root.TryGetProperty("coordinates", out var c)) return ("point", []);
            return type switch
            {
                "LineString" => ("line", Positions(c)),
                "Polygon" when c.GetArrayLength() > 0 => ("polygon", Positions(c[0])),
                _ => ("point", []),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // A malformed outline still leaves the point to draw.
            return ("point", []);
        }
    }

    private static List<(double Lat, double Lon)> Positions(JsonElement array) =>
        [.. array.EnumerateArray().Select(p => (p[1].GetDouble(), p[0].GetDouble()))];
}
