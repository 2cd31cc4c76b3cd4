using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using Plotly.Blazor.Traces.ScatterLib.LineLib;
using SymbolEnum = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum;
using BarMarker = Plotly.Blazor.Traces.BarLib.Marker;
using BarOrientation = Plotly.Blazor.Traces.BarLib.OrientationEnum;
using MarkerOutline = Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line;

namespace IKomek.Dashboard.Components.Charts;

using Palette = ChartLayout.Palette;

/// <summary>
/// The kinds of trace the panel draws, each with its look decided here (line widths, dashes, marker sizes) and its
/// colour picked by role from <see cref="Palette"/>. Everything these build is in plotly's basic bundle.
/// </summary>
public static class Traces
{
    /// <summary>Vertical bars: counts per category or per period.</summary>
    public static Bar Bars<TX, TY>(string name, IEnumerable<TX> x, IEnumerable<TY> y, string color = Palette.Sky) => new()
    {
        Name = name,
        X = Values(x),
        Y = Values(y),
        Marker = new BarMarker { Color = color },
    };

    /// <summary>Horizontal bars, categories on the y axis (long names read better there).</summary>
    public static Bar HorizontalBars<TX>(string name, IEnumerable<string> categories, IEnumerable<TX> x, string? color = null) => new()
    {
        Name = name,
        Orientation = BarOrientation.H,
        Y = Values(categories),
        X = Values(x),
        // No colour: the layout's colorway takes the next one, for stacked series without meaning of their own.
        Marker = color is null ? null : new BarMarker { Color = color },
    };

    /// <summary>The main line of a chart (the measured values).</summary>
    public static Scatter Line<TX, TY>(string name, IEnumerable<TX> x, IEnumerable<TY> y, string color = Palette.Sky, bool markers = false) => new()
    {
        Name = name,
        Mode = markers ? ModeFlag.Lines | ModeFlag.Markers : ModeFlag.Lines,
        X = Values(x),
        Y = Values(y),
        Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = color, Width = 3 },
        Marker = markers ? new Marker { Size = 5 } : null,
    };

    /// <summary>A reference line (typical day, target, baseline): thinner and dashed, so the measured line leads.</summary>
    public static Scatter ReferenceLine<TX, TY>(string name, IEnumerable<TX> x, IEnumerable<TY> y, string color = Palette.Grey,
        string dash = "dash", bool smooth = false, decimal width = 2) => new()
    {
        Name = name,
        Mode = ModeFlag.Lines,
        X = Values(x),
        Y = Values(y),
        Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = color, Width = width, Dash = dash, Shape = smooth ? ShapeEnum.Spline : ShapeEnum.Linear },
    };

    /// <summary>A filled polygon with a white border: one district of a schematic map. Not hoverable: its label is.</summary>
    public static Scatter Outline(IEnumerable<(double Lat, double Lon)> polygon, string fill) => new()
    {
        Mode = ModeFlag.Lines,
        Fill = FillEnum.ToSelf,
        FillColor = fill,
        HoverInfo = HoverInfoFlag.Skip,
        X = Values(polygon.Select(p => p.Lon)),
        Y = Values(polygon.Select(p => p.Lat)),
        Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = Palette.White, Width = 2 },
        ShowLegend = false,
    };

    /// <summary>Texts placed on a map (names with counts), each in its own colour; hovering shows the same text.</summary>
    public static Scatter Labels(IEnumerable<(double Lat, double Lon)> at, IEnumerable<string> texts, IEnumerable<string> colors, decimal size = 14) => new()
    {
        Mode = ModeFlag.Text,
        X = Values(at.Select(p => p.Lon)),
        Y = Values(at.Select(p => p.Lat)),
        TextArray = [.. texts],
        TextFont = new TextFont { Size = size, ColorArray = Values(colors) },
        HoverTemplate = "%{text}<extra></extra>",
        ShowLegend = false,
    };

    /// <summary>Points on a map, optionally with a text beside each.</summary>
    public static Scatter Points(string name, IEnumerable<(double Lat, double Lon)> at, string color, decimal size,
        IEnumerable<string>? texts = null, bool showText = false, string? symbol = null) => new()
    {
        Name = name,
        Mode = showText ? ModeFlag.Markers | ModeFlag.Text : ModeFlag.Markers,
        X = Values(at.Select(p => p.Lon)),
        Y = Values(at.Select(p => p.Lat)),
        TextArray = texts is null ? null : [.. texts],
        TextPosition = showText ? TextPositionEnum.TopCenter : null,
        Marker = new Marker { Size = size, Color = color, Symbol = symbol is null ? null : Enum.Parse<SymbolEnum>(symbol, ignoreCase: true) },
    };

    /// <summary>Rings around points (a marker with only its border): marks a centre without hiding what is under it.</summary>
    public static Scatter Rings(string name, IEnumerable<(double Lat, double Lon)> at, string color, decimal size, decimal width,
        string? fill = null, IEnumerable<string>? texts = null, bool showText = false) => new()
    {
        Name = name,
        Mode = showText ? ModeFlag.Markers | ModeFlag.Text : ModeFlag.Markers,
        X = Values(at.Select(p => p.Lon)),
        Y = Values(at.Select(p => p.Lat)),
        TextArray = texts is null ? null : [.. texts],
        TextPosition = showText ? TextPositionEnum.TopCenter : null,
        Marker = new Marker { Size = size, Color = fill ?? Palette.Transparent, Line = new MarkerOutline { Color = color, Width = width } },
    };

    /// <summary>Plotly.Blazor takes axis values as objects.</summary>
    private static List<object> Values<T>(IEnumerable<T> values) => values.Select(v => (object)v!).ToList();
}
