using IKomek.Dashboard.Data;
using IKomek.Dashboard.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Ratings;

public sealed partial class RatingsPage : ComponentBase
{
    private List<ManagerScore>? _rows;
    private CityReference.Snapshot? _reference;
    private object[] _traces = [];
    private object? _layout;

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
        object Quarter(string key, Func<ManagerScore, decimal> pick) => new
        {
            type = "bar", orientation = "h", name = T[key], y = names, x = ordered.Select(r => Math.Round(pick(r) / 4, 1)),
            hovertemplate = "%{y}: %{x:.1f}<extra>" + T[key] + "</extra>",
        };
        _traces =
        [
            Quarter("ratings.kpi", r => r.KpiPct),
            Quarter("ratings.projects", r => r.ProjectsPct),
            Quarter("ratings.appeals", r => r.AppealsPct),
            Quarter("ratings.systemic", r => r.SystemicPct),
        ];
        _layout = new { barmode = "stack", xaxis = new { range = new[] { 0, 100 }, ticksuffix = " %" }, legend = new { y = -0.06 } };
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
