using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace IKomek.Dashboard.Features.Projects.Risks;

/// <summary>
/// The risk register (/projects/risks): every open risk and problem issue of the portfolio, high severity and the
/// soonest due first, filtered from the address. Signed-in readers only (risks are internal); a department head reads
/// the own department's risks and only the counts of the others.
/// </summary>
public sealed partial class RiskRegisterPage : ComponentBase, IDisposable
{
    private IReadOnlyList<RiskRegisterRow>? _rows;
    private IReadOnlyList<RiskDepartmentCount> _counts = [];
    private IReadOnlyList<RefItem> _departments = [];
    private IReadOnlyList<DeputyOption> _deputies = [];
    private IReadOnlyList<MeetingSummary> _planned = [];
    private IReadOnlyList<string> _errors = [];
    private CityReference.Snapshot? _reference;
    private RiskFilter _filter = new();
    private DateOnly _today;
    private int? _own;
    private LiveSubscription? _live;

    [SupplyParameterFromQuery(Name = "severity")] public string? SeverityQuery { get; set; }
    [SupplyParameterFromQuery(Name = "kind")] public string? Kind { get; set; }
    [SupplyParameterFromQuery(Name = "department")] public string? DepartmentCode { get; set; }
    [SupplyParameterFromQuery(Name = "deputy")] public string? Deputy { get; set; }
    [SupplyParameterFromQuery(Name = "overdue")] public string? Overdue { get; set; }
    [SupplyParameterFromQuery(Name = "meeting")] public string? Meeting { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }
    [Inject] private RiskRegisterQueries Queries { get; set; } = default!;
    [Inject] private AkimatMeetings Meetings { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private ILogger<RiskRegisterPage> Log { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    protected override void OnInitialized() =>
        _live = new LiveSubscription(Feed, change => change.Kind == "projects", RedrawAsync, InvokeAsync, DispatchExceptionAsync, Log);

    protected override async Task OnParametersSetAsync()
    {
        _reference ??= await Reference.GetAsync();
        _departments = _reference.Departments.Values.OrderBy(d => d.Name(T), StringComparer.CurrentCulture).ToList();
        if (_deputies.Count == 0) _deputies = await Queries.GetDeputiesAsync();
        _own = (await Authentication.UserAsync()).OwnDepartment();

        var filter = RiskFilter.FromQuery(SeverityQuery, Kind, DepartmentCode, Deputy, Overdue, Meeting);
        var errors = filter.Errors.Select(e => T.Format(e.Key, e.Value)).ToList();
        // An unknown code would silently empty the list: say so and leave that filter out.
        if (filter.Department is { } d && !_reference.DepartmentsByCode.ContainsKey(d))
        {
            errors.Add(T.Format("risks.error.department", d));
            filter = filter with { Department = null };
        }
        if (filter.Deputy is { } p && _deputies.All(x => x.Code != p))
        {
            errors.Add(T.Format("risks.error.deputy", p));
            filter = filter with { Deputy = null };
        }
        // The parameters are set again when a cascading value changes: read the register only for a new filter
        // (Errors, a list, is left out of the comparison: the same address gives the same errors).
        _errors = errors;
        if (_rows is not null && filter with { Errors = _filter.Errors } == _filter) return;
        _filter = filter;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _today = await Meetings.TodayAsync();
        _counts = await Queries.GetCountsAsync(_filter);
        _rows = await Queries.GetRisksAsync(_filter, _own);
        _planned = (await Meetings.GetMeetingsAsync()).Where(m => !m.IsHeld && m.Date >= _today).OrderBy(m => m.Date).ToList();
    }

    private async Task RedrawAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private Task ReloadAsync() => RedrawAsync();

    private void ApplyFilter(RiskFilter filter) => Nav.NavigateTo(Nav.GetUriWithQueryParameters(filter.ToQuery()));

    private string Department(int id) => _reference?.Departments.GetValueOrDefault(id)?.Name(T) ?? "";

    public void Dispose() => _live?.Dispose();
}
