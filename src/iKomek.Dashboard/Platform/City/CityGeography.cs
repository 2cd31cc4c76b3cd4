
namespace IKomek.Dashboard.Platform.City;

/// <summary>Where the city is: its bounding box (Astana's, or the applied profile's) and the nearest-district rule for coordinates.</summary>
public static class CityGeography
{
    // Astana with its suburbs, generously: points outside are not the city's to handle.
    public const double MinLat = 50.95, MaxLat = 51.35, MinLon = 71.15, MaxLon = 71.75;

    private static CityBounds? _bounds;

    /// <summary>The applied profile's bounds for the whole process: called once by the web app's start (as <see cref="AstanaClock.UseCityZone"/>).</summary>
    public static void UseBounds(CityBounds bounds) => _bounds = bounds;

    /// <summary>The city's bounds: the applied profile's, else Astana's.</summary>
    public static CityBounds Bounds => _bounds ?? new CityBounds(MinLat, MinLon, MaxLat, MaxLon);

    public static bool IsInCity(double lat, double lon) => Bounds.Contains(lat, lon);

    /// <summary>The district whose centre is nearest (longitude shrunk by the cosine of the latitude): how intake and
    /// import place an appeal that came with coordinates but no district.</summary>
    public static int NearestDistrict(IEnumerable<(int Id, double Lat, double Lon)> centres, double lat, double lon)
    {
        var cos = Math.Cos(lat * Math.PI / 180);
        return centres.MinBy(d => Math.Pow(d.Lat - lat, 2) + Math.Pow((d.Lon - lon) * cos, 2)).Id;
    }

    /// <summary>Great-circle distance in metres.</summary>
    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        const double earthRadius = 6_371_000;
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * earthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
