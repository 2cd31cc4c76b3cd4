using IKomek.Dashboard.Platform.Database;

using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.SystemicProblems;

/// <summary>The ranked list of systemic problems with its filters and the comparison of two periods. A department head
/// lists the own department's problems and sees the others counted by area and status.</summary>
public sealed partial class SystemicProblemsPage : ComponentBase, IDisposable
{
    private static readonly string[] Statuses = ["identified", "confirmed", "dismissed", "assigned", "in_work", "worked_out", "verified", "reopened"];

    private IReadOnlyList<ProblemRow>? _rows;
    private IReadOnlyList<ProblemTally>? _others;
    // A department head's department (AppealScope): decided from the signed-in reader, never from the address.
    private int? _ownDepartment;
    private CityReference.Snapshot? _reference;
    private IReadOnlyList<Option> _areaOptions = [], _districtOptions = [];
    private IReadOnlyList<StatusOption> _statusOptions = [];
    private IReadOnlyList<PeriodOption> _periods = [];
    private int? _areaId, _districtId;
    private string? _status;
    private int _periodDays;
    private bool _compare;
    private LiveSubscription? _live;

    private sealed record Option(int Id, string Label);
    private sealed record StatusOption(string Code, string Label);
    private sealed record PeriodOption(int Days, string Label);

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }
    /// <summary>Only the problems of this department: assigned to it, or of one of its service types while unassigned
    /// (a department head's own department whatever this says).</summary>
    [SupplyParameterFromQuery(Name = "department")] public int? DepartmentQuery { get; set; }

    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private SystemicProblemsQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ILogger<SystemicProblemsPage> Log { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _ownDepartment = (await Authentication.UserAsync()).OwnDepartment();
        _reference = await Reference.GetAsync();
        static List<Option> Options<TItem>(IReadOnlyDictionary<int, TItem> items, Texts t) where TItem : RefItem =>
            items.Values.Select(i => new Option(i.Id, i.Name(t))).OrderBy(o => o.Label, StringComparer.CurrentCulture).ToList();
        _areaOptions = Options(_reference.Areas, T);
        _districtOptions = Options(_reference.Districts, T);
        _statusOptions = Statuses.Select(s => new StatusOption(s, T["problems.status." + s])).ToList();
        _periods = [new(0, T["problems.allTime"]), new(28, T["problems.weeks4"]), new(91, T["problems.weeks13"]), new(182, T["problems.weeks26"]), new(365, T["problems.year"])];
        // A mining run or a lifecycle step anywhere in the cluster redraws the list.
        _live = new LiveSubscription(Feed, change => change.Kind == "problems", RedrawAsync, InvokeAsync, DispatchExceptionAsync, Log);
    }

    // The address (?department=) may change while the page stays: the list is read again for it.
    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task RedrawAsync()
    {
        await ReloadAsync();
        StateHasChanged();
    }

    private async Task ReloadAsync()
    {
        DateTime? from = null, to = null, cFrom = null, cTo = null;
        if (_periodDays > 0)
        {
            to = Time.GetUtcNow().UtcDateTime;
            from = to.Value.AddDays(-_periodDays);
            if (_compare)
            {
                cTo = from;
                cFrom = from.Value.AddDays(-_periodDays);
            }
        }
        var filter = new ProblemFilter(_areaId, _districtId, _status, from, to, cFrom, cTo, _ownDepartment ?? DepartmentQuery);
        _rows = await Queries.GetRankedAsync(filter);
        if (_ownDepartment is { } own) _others = await Queries.GetOtherDepartmentsAsync(filter, own);
    }

    private string AreaName(int id) => Name(_reference?.Areas, id);

    private string TypeName(int id) => Name(_reference?.ServiceTypes, id);

    private string Place(ProblemRow p) => p.Title.Contains(" · ", StringComparison.Ordinal) ? p.Title[(p.Title.IndexOf(" · ", StringComparison.Ordinal) + 3)..] : p.Address ?? "";

    private static string Delta(ProblemRow p)
    {
        if (p.InCompared == 0) return p.InPeriod > 0 ? "new" : "";
        var change = (p.InPeriod - p.InCompared) * 100.0 / p.InCompared;
        return change.ToString("+0;-0;0", System.Globalization.CultureInfo.CurrentCulture) + " %";
    }

    private string Name<TItem>(IReadOnlyDictionary<int, TItem>? items, int? id) where TItem : RefItem => id is { } i ? items?.GetValueOrDefault(i)?.Name(T) ?? "" : "—";

    public void Dispose() => _live?.Dispose();
}
