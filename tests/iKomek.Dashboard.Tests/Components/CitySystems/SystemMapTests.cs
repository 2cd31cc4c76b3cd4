using Bunit;
using IKomek.Dashboard.Features.CitySystems.Panels;
using IKomek.Dashboard.Features.Live;

namespace IKomek.Dashboard.Tests.Components.CitySystems;

/// <summary>The systems' SVG map: district outlines always; points by state, grid cells, or district totals only.</summary>
public sealed class SystemMapTests : MudContext
{
    private static readonly Dictionary<int, (double Lat, double Lon)> Centres = new()
    {
        [1] = (51.18, 71.40), [2] = (51.13, 71.43), [3] = (51.15, 71.50), [4] = (51.10, 71.38), [5] = (51.20, 71.48),
    };

    private IRenderedComponent<SystemMap> Map(MapLayer layer, string? tileUrl = null) => Ctx.Render<SystemMap>(p => p
        .Add(x => x.SystemCode, "manholes").Add(x => x.Layer, layer).Add(x => x.DistrictCentres, Centres)
        .Add(x => x.DistrictNames, new Dictionary<int, string> { [1] = "Есиль", [2] = "Алматы", [3] = "Байконур", [4] = "Сарыарка", [5] = "Нура" })
        .Add(x => x.TileUrl, tileUrl));

    [Fact]
    public void Points_AreDrawnByStateOverTheDistricts_AndOpenTheirObject()
    {
        var cut = Map(new MapLayer(
            [new(1, "MH-1", "Люк 1", 51.18, 71.40, "ok"), new(2, "MH-2", null, 51.13, 71.43, "critical"), new(3, "MH 3", null, 51.15, 71.5, "stale")], [],
            [new(1, 1, 0), new(2, 1, 1), new(3, 1, 0)]));

        Assert.Equal("points", cut.Find("[data-testid=system-map]").GetAttribute("data-mode"));
        Assert.Equal(5, cut.FindAll("path.district").Count);
        var points = cut.FindAll("[data-testid=map-point]");
        Assert.Equal(3, points.Count);
        // The worst is drawn last, on top.
        Assert.Equal("critical", points[^1].GetAttribute("data-state"));
        Assert.Contains(points, p => p.GetAttribute("href") == "systems/manholes/objects/MH%203");
        Assert.Empty(cut.FindAll("image"));
    }

    [Fact]
    public void Cells_ShowCountsNotPoints()
    {
        var cut = Map(new MapLayer([], [new(51.155, 71.4075, 120, 2, 0), new(51.165, 71.4225, 10, 0, 10)], [new(1, 130, 2)]));

        Assert.Equal("grid", cut.Find("[data-testid=system-map]").GetAttribute("data-mode"));
        Assert.Empty(cut.FindAll("[data-testid=map-point]"));
        var cells = cut.FindAll("[data-testid=map-cell]");
        Assert.Equal(2, cells.Count);
        Assert.Contains("cell-alert", cells[0].ClassName);
        Assert.Contains("cell-stale", cells[1].ClassName);
        Assert.Contains("120", cells[0].TextContent);
    }

    [Fact]
    public void DistrictsOnly_ShowTheTotalsOnTheDistricts()
    {
        var cut = Map(new MapLayer([], [], [new(1, 12, 0), new(2, 7, 0)]));

        Assert.Equal("districts", cut.Find("[data-testid=system-map]").GetAttribute("data-mode"));
        Assert.Empty(cut.FindAll("[data-testid=map-point]"));
        Assert.Empty(cut.FindAll("[data-testid=map-cell]"));
        var labels = cut.FindAll("[data-testid=map-district]");
        Assert.Equal(5, labels.Count);
        Assert.Equal("Есиль12", labels.Single(l => l.GetAttribute("data-district") == "1").TextContent);
        Assert.Equal("Нура0", labels.Single(l => l.GetAttribute("data-district") == "5").TextContent);
    }

    [Fact]
    public void TileUrl_DrawsTheTilesCoveringTheCityUnderneath()
    {
        var cut = Map(new MapLayer([], [], []), "https://tiles.example.kz/{z}/{x}/{y}.png");

        var tiles = cut.FindAll("image");
        Assert.NotEmpty(tiles);
        Assert.All(tiles, t => Assert.Matches(@"^https://tiles\.example\.kz/12/\d+/\d+\.png$", t.GetAttribute("href")));
    }

    [Fact]
    public void Projection_PutsTheCityOutlineInsideTheBox()
    {
        var p = MapProjection.City;
        foreach (var (lat, lon) in DistrictMap.CityOutline)
        {
            var (x, y) = p.Project(lat, lon);
            Assert.InRange(x, 0, MapProjection.Width);
            Assert.InRange(y, 0, p.Height);
        }
    }
}
