using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Ratings;

public sealed partial class RatingsPage : ComponentBase
{
    private List<ManagerScore>? _rows;
    private CityReference.Snapshot? _reference;
    private IList<ITrace> _traces = [];
    private Plotly.Blazor.Layout? _layout;

    [Inject] private RatingsQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _reference = await Reference.GetAsync();
        _rows = (await Queries.GetScorecardAsync()).ToList();
        // Each indicator weighs a quarter of the total: stacked quarters add up to the total.
        var ordered = Enumerable.Reverse(_rows).ToList();
        var names = ordered.Select(r => ShortName(r.FullName)).ToList();
        Plotly.Blazor.Traces.Bar Quarter(string key, Func<ManagerScore, decimal> pick)
        {
            var bars = Traces.HorizontalBars(T[key], names, ordered.Select(r => Math.Round(pick(r) / 4, 1)));
            bars.HoverTemplate = "%{y}: %{x:.1f}<extra>" + T[key] + "</extra>";
            return bars;
        }
        _traces =
        [
            Quarter("ratings.kpi", r => r.KpiPct),
            Quarter("ratings.projects", r => r.ProjectsPct),
            Quarter("ratings.appeals", r => r.AppealsPct),
            Quarter("ratings.systemic", r => r.SystemicPct),
        ];
        var layout = ChartLayout.Base();
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Stack;
        layout.XAxis[0].Range = [0, 100];
        layout.XAxis[0].TickSuffix = " %";
        layout.Legend[0].Y = -0.06m;
        _layout = layout;
    }

    /// <summary>"Рахимова Динара Талгатовна" -> "Рахимова Д. Т.": fits the chart's axis.</summary>
    private static string ShortName(string fullName)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length < 2 ? fullName : parts[0] + " " + string.Join(" ", parts.Skip(1).Select(p => p[0] + "."));
    }

    private string Department(int id) => _reference?.Departments.GetValueOrDefault(id)?.Name(T) ?? "";

    private static string Pct(decimal value) => (value / 100).ToString("P1");

    private static string Tone(decimal total) => total >= 90 ? "tone-good" : total >= 70 ? "tone-warn" : "tone-bad";
}
