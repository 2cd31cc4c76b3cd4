using IKomek.Dashboard.Features.Live;

namespace IKomek.Dashboard.Features.CitySystems.Panels;

/// <summary>
/// Where a place falls on the systems' SVG maps: the city's outline (<see cref="DistrictMap.CityOutline"/>) fills a
/// 1000-unit-wide box, north up, a degree of longitude shortened by cos(latitude) as the live panel's map does. Over a
/// city this is Web Mercator to within a pixel, so a tile server's tiles (City:Map:TileUrl) line up under it.
/// </summary>
public sealed class MapProjection
{
    public const double Width = 1000;
    private const double Margin = 0.01;

    private readonly double _north, _west, _scale, _unitsPerDegree;

    public static readonly MapProjection City = new();

    private MapProjection()
    {
        var outline = DistrictMap.CityOutline;
        _north = outline.Max(p => p.Lat) + Margin;
        var south = outline.Min(p => p.Lat) - Margin;
        _west = outline.Min(p => p.Lon) - Margin;
        var east = outline.Max(p => p.Lon) + Margin;
        _scale = Math.Cos((_north + south) / 2 * Math.PI / 180);
        _unitsPerDegree = Width / ((east - _west) * _scale);
        Height = Math.Ceiling((_north - south) * _unitsPerDegree);
        (North, South, West, East) = (_north, south, _west, east);
    }

    public double Height { get; }

    public double North { get; }
    public double South { get; }
    public double West { get; }
    public double East { get; }

    public (double X, double Y) Project(double lat, double lon) =>
        (Math.Round((lon - _west) * _scale * _unitsPerDegree, 1), Math.Round((_north - lat) * _unitsPerDegree, 1));

    /// <summary>Units per degree of latitude: the size of a grid cell on the map.</summary>
    public double UnitsPerDegree => _unitsPerDegree;

    public string Path(IEnumerable<(double Lat, double Lon)> polygon) =>
        "M" + string.Join(" L", polygon.Select(p => Project(p.Lat, p.Lon)).Select(p => FormattableString.Invariant($"{p.X},{p.Y}"))) + " Z";

    /// <summary>The slippy-map tiles (x, y at <paramref name="zoom"/>) that cover the map, with the box each fills.</summary>
    public IEnumerable<(int X, int Y, double Left, double Top, double Size)> Tiles(int zoom)
    {
        int TileX(double lon) => (int)Math.Floor((lon + 180) / 360 * (1 << zoom));
        int TileY(double lat)
        {
            var r = lat * Math.PI / 180;
            return (int)Math.Floor((1 - Math.Log(Math.Tan(r) + 1 / Math.Cos(r)) / Math.PI) / 2 * (1 << zoom));
        }
        double Lon(int x) => x / (double)(1 << zoom) * 360 - 180;
        double Lat(int y) => Math.Atan(Math.Sinh(Math.PI * (1 - 2 * y / (double)(1 << zoom)))) * 180 / Math.PI;
        for (var x = TileX(West); x <= TileX(East); x++)
        for (var y = TileY(North); y <= TileY(South); y++)
        {
            var (left, top) = Project(Lat(y), Lon(x));
            var (right, bottom) = Project(Lat(y + 1), Lon(x + 1));
            yield return (x, y, left, top, Math.Max(right - left, bottom - top));
        }
    }
}

/// <summary>City:Map: a deployment's own tile server, drawn under the maps when set (no external tiles otherwise).</summary>
public sealed class MapOptions
{
    public const string Section = "City:Map";

    /// <summary>A tile URL template with {z}, {x} and {y}, e.g. https://tiles.example.kz/{z}/{x}/{y}.png; empty: none.</summary>
    public string? TileUrl { get; set; }

    /// <summary>The zoom of the tiles drawn under a whole-city map.</summary>
    public int TileZoom { get; set; } = 12;
}
