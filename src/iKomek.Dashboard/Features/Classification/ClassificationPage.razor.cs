using System.Text.Json;
using IKomek.Dashboard.Localization;
using Microsoft.AspNetCore.Components;

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
    private object[] _drift = [];
    private object? _driftLayout;

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
            new
            {
                type = "scatter", mode = "lines+markers", name = T["cls.lowShare"], x,
                y = weeks.Select(w => w.Classified == 0 ? 0 : Math.Round((double)w.LowConfidence / w.Classified, 4)),
                line = new { color = "#d9822b", width = 3 },
            },
            new
            {
                type = "scatter", mode = "lines+markers", name = T["cls.agreement"], x,
                y = weeks.Select(w => w.WithOperatorType == 0 ? (double?)null : Math.Round((double)w.Agreed / w.WithOperatorType, 4)),
                line = new { color = "#0a84c6", width = 3 },
            },
        ];
        _driftLayout = new
        {
            yaxis = new { tickformat = ".0%", range = new[] { 0, 1 } },
            xaxis = new { type = "date", tickformat = "%d.%m" },
            legend = new { orientation = "h", y = -0.2 },
        };
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
