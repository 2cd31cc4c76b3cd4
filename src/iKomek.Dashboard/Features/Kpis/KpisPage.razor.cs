using IKomek.Dashboard.Data;
using IKomek.Dashboard.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Kpis;

public sealed partial class KpisPage : ComponentBase
{
    private IReadOnlyList<KpiRow>? _rows;
    private IList<KpiRow> _selected = [];
    private CityReference.Snapshot? _reference;
    private object[] _traces = [];
    private object? _layout;

    [Inject] private KpisQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _reference = await Reference.GetAsync();
        _rows = await Queries.GetKpisAsync();
        if (_rows.Count > 0) await SelectAsync(_rows[0]);
    }

    /// <summary>Draws the chosen KPI's months; the chart redraws in place (Plotly.react).</summary>
    private async Task SelectAsync(KpiRow kpi)
    {
        _selected = [kpi];
        var history = await Queries.GetHistoryAsync(kpi.Id);
        var months = history.Select(p => p.PeriodStart.ToString("yyyy-MM-dd")).ToArray();
        _traces =
        [
            new
            {
                type = "scatter", mode = "lines", name = T["kpis.target"], x = months, y = history.Select(p => p.Target),
                line = new { color = "#9aa7b4", dash = "dash", width = 2 },
            },
            new
            {
                type = "scatter", mode = "lines+markers", name = T["kpis.actual"], x = months, y = history.Select(p => p.Actual),
                line = new { color = "#0a84c6", width = 3 }, marker = new { size = 5 },
            },
        ];
        _layout = new { yaxis = new { title = new { text = kpi.Unit }, rangemode = "tozero" }, xaxis = new { type = "date", tickformat = "%m.%Y" } };
    }

    private string ChartTitle => _selected.FirstOrDefault() is { } k ? T.Format("kpis.history", T.Pick(k.NameRu, k.NameKk, k.NameEn)) : T["kpis.pick"];

    private string Department(int id) => _reference?.Departments.GetValueOrDefault(id)?.Name(T) ?? "";

    private static string Pct(decimal? value) => value is null ? "—" : (value.Value / 100).ToString("P1");

    private static string Tone(decimal? pct) => pct is null ? "" : pct >= 100 ? "tone-good" : pct >= 90 ? "tone-warn" : "tone-bad";
}
