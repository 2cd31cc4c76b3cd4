using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Features.Live;
using IKomek.Dashboard.Tests.Features;

namespace IKomek.Dashboard.Tests.Features.Live;

public sealed class DistrictMapTests
{
    private static readonly IReadOnlyDictionary<int, (double Lat, double Lon)> Centres =
        CityStructure.Districts.ToDictionary(d => (int)d.Id, d => (d.CenterLat, d.CenterLon));

    [Fact]
    public void EveryPointOfTheCity_IsDrawnInTheDistrictOfItsNearestCentre()
    {
        var cells = DistrictMap.Cells(Centres);
        var checkedPoints = 0;
        for (var lat = 51.03; lat < 51.26; lat += 0.004)
        {
            for (var lon = 71.27; lon < 71.62; lon += 0.004)
            {
                if (!DistrictMap.Contains(DistrictMap.CityOutline, lat, lon)) continue;
                var distances = Centres.Select(c => (c.Key, D: Distance(lat, lon, c.Value))).OrderBy(x => x.D).ToList();
                if (distances[1].D - distances[0].D < 0.0015) continue;   // on a border: either drawing is right
                var drawnIn = cells.Where(c => DistrictMap.Contains(c.Value, lat, lon)).Select(c => c.Key).ToList();
                Assert.Equal([distances[0].Key], drawnIn);
                checkedPoints++;
            }
        }
        Assert.True(checkedPoints > 1000);
    }

    [Fact]
    public void EachDistrict_IsAClosedPolygonAroundItsCentre()
    {
        foreach (var (id, cell) in DistrictMap.Cells(Centres))
        {
            Assert.True(cell.Length >= 4);
            Assert.Equal(cell[0], cell[^1]);
            Assert.True(DistrictMap.Contains(cell, Centres[id].Lat, Centres[id].Lon));
            var centroid = DistrictMap.Centroid(cell);
            Assert.True(DistrictMap.Contains(cell, centroid.Lat, centroid.Lon), $"label of district {id} inside it");
        }
    }

    // Intake's rule: squared degrees with longitude shrunk by the cosine of the latitude.
    private static double Distance(double lat, double lon, (double Lat, double Lon) c) =>
        Math.Sqrt(Math.Pow(c.Lat - lat, 2) + Math.Pow((c.Lon - lon) * Math.Cos(lat * Math.PI / 180), 2));
}
