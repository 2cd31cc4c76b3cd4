using IKomek.Dashboard.Data;
using IKomek.Dashboard.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.SystemicProblems;

public sealed partial class SystemicProblemsPage : ComponentBase
{
    private IReadOnlyList<RecurringPlace>? _places;
    private IReadOnlyList<ProblemStatusCount> _statuses = [];
    private CityReference.Snapshot? _reference;
    private object[] _traces = [];
    private object? _layout;

    [Inject] private SystemicProblemsQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _reference = await Reference.GetAsync();
        _statuses = await Queries.GetStatusCountsAsync();
        _places = await Queries.GetRecurringPlacesAsync(500);
        var byArea = _places.GroupBy(p => p.AreaId)
            .Select(g => (Name: Name(_reference.Areas, g.Key), Places: g.Count(), Appeals: g.Sum(p => p.Appeals)))
            .OrderBy(x => x.Places).ToList();
        _traces =
        [
            new
            {
                type = "bar", orientation = "h", name = T["problems.places"], y = byArea.Select(x => x.Name), x = byArea.Select(x => x.Places),
                text = byArea.Select(x => x.Places), textposition = "auto", marker = new { color = "#0a84c6" },
                customdata = byArea.Select(x => x.Appeals), hovertemplate = "%{y}: %{x} · %{customdata} " + T["live.appeals"] + "<extra></extra>",
            },
        ];
        _layout = new { showlegend = false };
    }

    /// <summary>Problems mined so far in the given statuses; all of them when none are given.</summary>
    private long Count(params string[] statuses) =>
        _statuses.Where(s => statuses.Length == 0 || statuses.Contains(s.Status)).Sum(s => s.Count);

    private string Name(IReadOnlyDictionary<int, RefItem>? items, int id) => items?.GetValueOrDefault(id)?.Name(T) ?? "";
}
