using System.Globalization;
using IKomek.Dashboard.Components.Charts;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace IKomek.Dashboard.Features.Kpis;

/// <summary>The forecast's two traces: its line (dotted, continuing the actuals) and its band (a see-through area).</summary>
internal static class KpiTrendTraces
{
    public static Scatter Forecast(string name, (string Day, decimal Value)? from, IReadOnlyList<ForecastPoint> points)
    {
        var x = points.Select(p => Day(p.Period)).ToList();
        var y = points.Select(p => (object)Math.Round(p.Value, 2)).ToList();
        if (from is { } start)
        {
            x.Insert(0, start.Day);
            y.Insert(0, start.Value);
        }
        return new Scatter
        {
            Name = name,
            Mode = ModeFlag.Lines | ModeFlag.Markers,
            X = [.. x],
            Y = y,
            Line = new Line { Color = ChartLayout.Palette.Amber, Width = 2, Dash = "dot" },
            Marker = new Marker { Size = 4 },
        };
    }

    /// <summary>The band as one closed outline: the upper edge forward, the lower edge back.</summary>
    public static Scatter Band(string name, IReadOnlyList<ForecastPoint> points) => new()
    {
        Name = name,
        Mode = ModeFlag.Lines,
        X = [.. points.Select(p => Day(p.Period)).Concat(points.Reverse().Select(p => Day(p.Period)))],
        Y = [.. points.Select(p => (object)Math.Round(p.High, 2)).Concat(points.Reverse().Select(p => (object)Math.Round(p.Low, 2)))],
        Fill = FillEnum.ToSelf,
        FillColor = ChartLayout.Palette.SkyGlass,
        Line = new Line { Color = ChartLayout.Palette.Transparent, Width = 0 },
        HoverInfo = HoverInfoFlag.Skip,
    };

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
