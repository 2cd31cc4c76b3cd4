using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Components.Shared;
using IKomek.Dashboard.Platform.Database;

using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;

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
    private IList<ITrace> _weekTraces = [], _mapTraces = [];
    private Plotly.Blazor.Layout? _weekLayout, _mapLayout;
    private LiveSubscription? _live;

    [Parameter] public long Id { get; set; }
    [Inject] private SystemicProblemsQueries Queries { get; set; } = default!;
    [Inject] private Appeals.AppealsQueries AppealsQueries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ILogger<ProblemPage> Log { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _reference = await Reference.GetAsync();
        await ReloadAsync();
        // A lifecycle step or a mining run touching this problem, on any node, redraws it.
        _live ??= new LiveSubscription(Feed, change => change.Kind == "problems" && change.FirstId <= Id && Id <= change.LastId,
            RedrawAsync, InvokeAsync, DispatchExceptionAsync, Log);
    }

    private async Task RedrawAsync()
    {
        await ReloadAsync();
        StateHasChanged();
    }

    private async Task ReloadAsync()
    {
        var user = await Access.UserAsync();
        // A department head's scope: another department's problem is "not found", whatever the address asks.
        _p = await Queries.GetProblemAsync(Id, user.OwnDepartment());
        _loaded = true;
        if (_p is null) return;
        _splitInto = await Queries.GetSplitIntoAsync(Id);
        var appeals = await Queries.GetAppealsAsync(Id, 500);
        // Decided here, on the server: a reader without the right never receives the texts as written.
        _appeals = appeals.Select(a => user.SeesPersonalDataOf(a.DepartmentId) ? a : a.Redacted()).ToList();
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
            Traces.Bars(T["problems.appeals"], x, weeks.Select(w => w.Appeals)),
            Traces.ReferenceLine(T["problems.baseline"], x, weeks.Select(w => Math.Round(w.Expected, 2)), ChartLayout.Palette.Slate, dash: "solid"),
            Traces.ReferenceLine(T["problems.threshold"], x, weeks.Select(w => w.Threshold), ChartLayout.Palette.Red, dash: "dot", width: 1),
        ];
        _weekLayout = ChartLayout.Base();
        _weekLayout.ShowLegend = true;
        _weekLayout.Legend[0].Y = 1.15m;
        _weekLayout.BarGap = 0.1m;
        _weekLayout.XAxis = [ChartLayout.DateAxis()];
    }

    private void DrawMap(ProblemDetail p)
    {
        var placed = _appeals.Where(a => a.Lat is not null && a.Lon is not null).ToList();
        (double Lat, double Lon) centre = (p.Lat ?? 51.13, p.Lon ?? 71.43);
        _mapTraces =
        [
            Traces.Rings(T["problems.appeals"], placed.Select(a => (a.Lat!.Value, a.Lon!.Value)), ChartLayout.Palette.Sky, 11, 1, fill: ChartLayout.Palette.SkyGlass,
                texts: placed.Select(a => a.RegNumber)),
            Traces.Rings(T["problems.centre"], [centre], ChartLayout.Palette.Red, 22, 2.5m,
                texts: [T.Format("problems.mapLabel", p.AppealsCount)], showText: true),
        ];
        const double span = 0.01;
        _mapLayout = ChartLayout.Base();
        _mapLayout.ShowLegend = false;
        var (x, y) = (_mapLayout.XAxis[0], _mapLayout.YAxis[0]);
        x.Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = T["problems.lon"] };
        x.Range = [centre.Lon - span * 1.6, centre.Lon + span * 1.6];
        y.Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = T["problems.lat"] };
        y.Range = [centre.Lat - span, centre.Lat + span];
        y.ScaleAnchor = "x";
        y.ScaleRatio = 1.6m;
    }

    private string TypeName(int id) => Name(_reference?.ServiceTypes, id);

    private static string Place(ProblemDetail p) => p.Title.Contains(" · ", StringComparison.Ordinal) ? p.Title[(p.Title.IndexOf(" · ", StringComparison.Ordinal) + 3)..] : p.Address ?? "";

    private string Name<TItem>(IReadOnlyDictionary<int, TItem>? items, int? id) where TItem : RefItem => id is { } i ? items?.GetValueOrDefault(i)?.Name(T) ?? "" : "—";

    public void Dispose() => _live?.Dispose();
}
