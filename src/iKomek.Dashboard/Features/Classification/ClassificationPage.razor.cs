using System.Text.Json;
using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>The analysts' page: every model version with its held-out figures, and the drift watch.</summary>
public sealed partial class ClassificationPage : ComponentBase
{
    /// <summary>A stored version with its metrics read back.</summary>
    private sealed record Version(ModelVersionRow Row, EvaluationReport? Report);

    private List<Version>? _versions;
    private Version? _current;
    private Version? _selected;
    private long _queue;
    private IList<ITrace> _drift = [];
    private Plotly.Blazor.Layout? _driftLayout;

    [Inject] private ClassificationQueries Queries { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _versions = (await Queries.GetVersionsAsync()).Select(v => new Version(v, Read(v.Metrics))).ToList();
        _current = _versions.FirstOrDefault(v => v.Row.Promoted);
        _selected = _current;
        _queue = await Queries.CountReviewQueueAsync();
        var weeks = await Queries.GetDriftAsync(26);
        var x = weeks.Select(w => w.WeekStart.ToString("yyyy-MM-dd")).ToArray();
        _drift =
        [
            Traces.Line(T["cls.lowShare"], x, weeks.Select(w => w.Classified == 0 ? 0 : Math.Round((double)w.LowConfidence / w.Classified, 4)),
                ChartLayout.Palette.Orange, markers: true),
            Traces.Line(T["cls.agreement"], x, weeks.Select(w => w.WithOperatorType == 0 ? (double?)null : Math.Round((double)w.Agreed / w.WithOperatorType, 4)),
                markers: true),
        ];
        var layout = ChartLayout.Base();
        layout.XAxis = [ChartLayout.DateAxis("%d.%m")];
        layout.YAxis[0].TickFormat = ".0%";
        layout.YAxis[0].Range = [0, 1];
        layout.Legend[0].Y = -0.2m;
        _driftLayout = layout;
    }

    private static EvaluationReport? Read(string json)
    {
        try { return JsonSerializer.Deserialize<EvaluationReport>(json); }
        catch (JsonException) { return null; }
    }

    private string Verdict(Version v) => v.Row.ComparedModelId is not { } id
        ? T.Format("cls.verdict.first", v.Row.Score.ToString("N3"), v.Report?.Count.ToString("N0"))
        : T.Format(v.Row.Promoted ? "cls.verdict.better" : "cls.verdict.notBetter", id, v.Row.Score.ToString("N3"), v.Row.ComparedScore?.ToString("N3"));

    private static string Figure(double? value) => value is null ? "—" : value.Value.ToString("N3");

    private static string Percent(double? value) => value is null ? "—" : value.Value.ToString("P1");
}
