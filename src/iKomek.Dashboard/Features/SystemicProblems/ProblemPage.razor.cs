using IKomek.Dashboard.Components.Shared;
using IKomek.Dashboard.Data;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Live;
using IKomek.Dashboard.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.SystemicProblems;

/// <summary>One systemic problem for the analyst: why it ranks where it does, where and when its appeals come, who
/// answers them, what is being done nearby, its lifecycle, and its appeals.</summary>
public sealed partial class ProblemPage : ComponentBase, IDisposable
{
    private ProblemDetail? _p;
    private bool _loaded;
    private CityReference.Snapshot? _reference;
    private IReadOnlyList<ProblemAppeal> _appeals = [];
    private IReadOnlyList<RankedBars.Item> _departments = [], _organisations = [];
    private IReadOnlyList<NearbyProject> _projects = [];
    private IReadOnlyList<long> _splitInto = [];
    private object[] _weekTraces = [], _mapTraces = [];
    private object? _weekLayout, _mapLayout;
    private IDisposable? _subscription;

    [Parameter] public long Id { get; set; }
    [Inject] private SystemicProblemsQueries Queries { get; set; } = default!;
    [Inject] private Appeals.AppealsQueries AppealsQueries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _reference = await Reference.GetAsync();
        await ReloadAsync();
        _subscription ??= Feed.Subscribe(change =>
        {
            if (change.Kind == "problems" && change.FirstId <= Id && Id <= change.LastId) _ = InvokeAsync(async () => { await ReloadAsync(); StateHasChanged(); });
        });
    }

    private async Task ReloadAsync()
    {
        _p = await Queries.GetProblemAsync(Id);
        _loaded = true;
        if (_p is null) return;
        _splitInto = await Queries.GetSplitIntoAsync(Id);
        _appeals = await Queries.GetAppealsAsync(Id, 500);
        var (orgs, depts) = await Queries.GetInvolvedAsync(Id);
        var organisations = (await AppealsQueries.GetOrganisationsAsync()).ToDictionary(o => o.Id, o => o.Name);
        _departments = depts.Select(d => new RankedBars.Item(Name(_reference?.Departments, d.Id), d.Count)).ToList();
        _organisations = orgs.Select(o => new RankedBars.Item(organisations.GetValueOrDefault(o.Id, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), o.Count)).ToList();
        _projects = await Queries.GetNearbyProjectsAsync(Id);
        DrawWeeks(await Queries.GetWeeksAsync(Id));
        DrawMap(_p);
    }

    private void DrawWeeks(IReadOnlyList<ProblemWeek> weeks)
    {
        var x = weeks.Select(w => w.Week.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        _weekTraces =
        [
            new { type = "bar", name = T["problems.appeals"], x, y = weeks.Select(w => w.Appeals), marker = new { color = "#0a84c6" } },
            new { type = "scatter", mode = "lines", name = T["problems.baseline"], x, y = weeks.Select(w => Math.Round(w.Expected, 2)), line = new { color = "#5c6f82", width = 2 } },
            new { type = "scatter", mode = "lines", name = T["problems.threshold"], x, y = weeks.Select(w => w.Threshold), line = new { color = "#d64541", width = 1, dash = "dot" } },
        ];
        _weekLayout = new { showlegend = true, legend = new { orientation = "h", y = 1.15 }, bargap = 0.1, xaxis = new { type = "date" } };
    }

    private void DrawMap(ProblemDetail p)
    {
        var placed = _appeals.Where(a => a.Lat is not null).ToList();
        _mapTraces =
        [
            new { type = "scatter", mode = "markers", name = T["problems.appeals"], x = placed.Select(a => a.Lon), y = placed.Select(a => a.Lat),
                  text = placed.Select(a => a.RegNumber), marker = new { size = 11, color = "rgba(10,132,198,0.35)", line = new { color = "#0a84c6", width = 1 } } },
            new { type = "scatter", mode = "markers+text", name = T["problems.centre"], x = new[] { p.Lon }, y = new[] { p.Lat },
                  text = new[] { T.Format("problems.mapLabel", p.AppealsCount) }, textposition = "top center",
                  marker = new { size = 22, color = "rgba(0,0,0,0)", line = new { color = "#d64541", width = 2.5 } } },
        ];
        const double span = 0.01;
        _mapLayout = new
        {
            showlegend = false,
            xaxis = new { title = new { text = T["problems.lon"] }, range = new[] { (p.Lon ?? 71.43) - span * 1.6, (p.Lon ?? 71.43) + span * 1.6 } },
            yaxis = new { title = new { text = T["problems.lat"] }, range = new[] { (p.Lat ?? 51.13) - span, (p.Lat ?? 51.13) + span }, scaleanchor = "x", scaleratio = 1.6 },
        };
    }

    private string TypeName(int id) => Name(_reference?.ServiceTypes, id);

    private static string Place(ProblemDetail p) => p.Title.Contains(" · ", StringComparison.Ordinal) ? p.Title[(p.Title.IndexOf(" · ", StringComparison.Ordinal) + 3)..] : p.Address ?? "";

    private string Name(IReadOnlyDictionary<int, RefItem>? items, int? id) => id is { } i ? items?.GetValueOrDefault(i)?.Name(T) ?? "" : "—";

    public void Dispose() => _subscription?.Dispose();
}
