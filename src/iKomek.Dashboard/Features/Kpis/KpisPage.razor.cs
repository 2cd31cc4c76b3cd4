using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Kpis;

public sealed partial class KpisPage : ComponentBase
{
    private IReadOnlyList<KpiRow>? _rows;
    private IList<KpiRow> _selected = [];
    private CityReference.Snapshot? _reference;
    private IList<ITrace> _traces = [];
    private Plotly.Blazor.Layout? _layout;

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
            Traces.ReferenceLine(T["kpis.target"], months, history.Select(p => p.Target)),
            Traces.Line(T["kpis.actual"], months, history.Select(p => p.Actual), markers: true),
        ];
        var layout = ChartLayout.Base();
        layout.XAxis = [ChartLayout.DateAxis("%m.%Y")];
        layout.YAxis[0].Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = KpiUnits.Word(kpi.Unit, T) };
        layout.YAxis[0].RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero;
        _layout = layout;
    }

    private string ChartTitle => _selected.FirstOrDefault() is { } k ? T.Format("kpis.history", T.Pick(k.NameRu, k.NameKk, k.NameEn)) : T["kpis.pick"];

    private string Department(int id) => _reference?.Departments.GetValueOrDefault(id)?.Name(T) ?? "";

    private static string Pct(decimal? value) => value is null ? "—" : (value.Value / 100).ToString("P1");

    private static string Tone(decimal? pct) => pct is null ? "" : pct >= 100 ? "tone-good" : pct >= 90 ? "tone-warn" : "tone-bad";
}
