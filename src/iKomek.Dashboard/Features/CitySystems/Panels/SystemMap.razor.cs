using System.Globalization;
using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Features.Live;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.CitySystems.Panels;

public sealed partial class SystemMap : ComponentBase
{
    private static readonly MapProjection P = MapProjection.City;
    private static readonly double W = MapProjection.Width;
    private static readonly double H = P.Height;

    private IReadOnlyDictionary<int, (double Lat, double Lon)[]> Cells = new Dictionary<int, (double Lat, double Lon)[]>();
    private IReadOnlyDictionary<int, (double Lat, double Lon)> LabelAt = new Dictionary<int, (double Lat, double Lon)>();
    private IReadOnlyDictionary<int, (double Lat, double Lon)>? _drawnCentres;

    [Parameter, EditorRequired] public string SystemCode { get; set; } = "";

    [Parameter, EditorRequired] public MapLayer Layer { get; set; } = new([], [], []);

    /// <summary>The districts' centres (the reference data): their nearest-centre cells are the outlines.</summary>
    [Parameter, EditorRequired] public IReadOnlyDictionary<int, (double Lat, double Lon)> DistrictCentres { get; set; } = new Dictionary<int, (double Lat, double Lon)>();

    [Parameter] public IReadOnlyDictionary<int, string> DistrictNames { get; set; } = new Dictionary<int, string>();

    [Parameter] public string? TileUrl { get; set; }

    [Parameter] public int TileZoom { get; set; } = 12;

    private string Mode => Layer.Points.Count > 0 ? "points" : Layer.IsGrid ? "grid" : "districts";

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_drawnCentres, DistrictCentres) || DistrictCentres.Count == 0) return;
        Cells = DistrictMap.Cells(DistrictCentres);
        LabelAt = Cells.ToDictionary(c => c.Key, c => DistrictMap.Centroid(c.Value));
        _drawnCentres = DistrictCentres;
    }

    /// <summary>Districts shaded by their objects when only totals are shown; pale otherwise, so the points read.</summary>
    private string DistrictFill(int id)
    {
        if (Mode != "districts") return ChartLayout.Palette.Shade(0.08);
        var most = Math.Max(1, Layer.Districts.Select(d => d.Count).DefaultIfEmpty().Max());
        return ChartLayout.Palette.Shade(0.1 + 0.6 * (Layer.Districts.FirstOrDefault(d => d.DistrictId == id)?.Count ?? 0) / most);
    }

    private static int Rank(string state) => state switch
    {
        ObjectStates.Critical => 3,
        ObjectStates.Warning => 2,
        ObjectStates.Stale => 1,
        _ => 0,
    };

    private string ObjectHref(string sourceId) => $"systems/{SystemCode}/objects/{Uri.EscapeDataString(sourceId)}";

    private string TileHref(int x, int y) => TileUrl!
        .Replace("{z}", TileZoom.ToString(CultureInfo.InvariantCulture))
        .Replace("{x}", x.ToString(CultureInfo.InvariantCulture))
        .Replace("{y}", y.ToString(CultureInfo.InvariantCulture));

    /// <summary>An SVG text (Razor reserves the text tag), with a second line for a total.</summary>
    private static MarkupString SvgText(double x, double y, string cls, int? district, string line, string? total)
    {
        var enc = System.Text.Encodings.Web.HtmlEncoder.Default;
        var testId = district is null ? "" : $" data-testid=\"map-district\" data-district=\"{district}\"";
        var second = total is null ? "" : $"<tspan x=\"{N(x)}\" dy=\"56\" class=\"district-total\">{enc.Encode(total)}</tspan>";
        return new MarkupString($"<text x=\"{N(x)}\" y=\"{N(y)}\" class=\"{cls}\"{testId}><tspan x=\"{N(x)}\">{enc.Encode(line)}</tspan>{second}</text>");
    }

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
