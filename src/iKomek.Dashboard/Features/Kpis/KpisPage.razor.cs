using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace IKomek.Dashboard.Features.Kpis;

/// <summary>
/// The KPI model: departments' execution as a tree down to their KPIs, the five worst and best, and the chosen KPI's
/// trend with its forecast and the values (and appeals) behind it. The department and the KPI are in the address
/// (/kpis?department=energy&amp;kpi=energy.network_wear), so a link or a reload shows the same; a change of any KPI
/// value, target or definition (the 'kpis' change) redraws the page.
/// </summary>
public sealed partial class KpisPage : ComponentBase, IDisposable
{
    private KpiOverview? _overview;
    private IReadOnlyList<RefItem> _departmentOptions = [];
    private CityReference.Snapshot? _reference;
    private RefItem? _department;
    private KpiStanding? _selected;
    private IReadOnlyList<KpiPeriodValue> _periods = [];
    private int? _ownDepartment;
    private LiveSubscription? _live;

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }
    [Inject] private KpisQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ILogger<KpisPage> Log { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "department")] public string? DepartmentQuery { get; set; }
    [SupplyParameterFromQuery(Name = "kpi")] public string? KpiQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        // A department head's own department leads the tree (every department is shown: KPIs are aggregates).
        _ownDepartment = (await Authentication.UserAsync()).OwnDepartment();
        _reference = await Reference.GetAsync();
        _departmentOptions = _reference.Departments.Values.OrderBy(d => d.Name(T), StringComparer.CurrentCulture).ToList();
        _overview = await Queries.GetOverviewAsync();
        _live = new LiveSubscription(Feed, change => change.Kind == "kpis", RedrawAsync, InvokeAsync, DispatchExceptionAsync, Log);
    }

    protected override async Task OnParametersSetAsync()
    {
        _department = _departmentOptions.FirstOrDefault(d => d.Code == DepartmentQuery);
        await SelectFromAddressAsync();
    }

    private async Task SelectFromAddressAsync()
    {
        if (_overview is null) return;
        var chosen = ShownKpis.FirstOrDefault(k => k.Code == KpiQuery) ?? Worst.FirstOrDefault() ?? ShownKpis.FirstOrDefault();
        if (chosen?.Id != _selected?.Id || chosen is not null && _periods.Count == 0) _periods = chosen is null ? [] : await Queries.GetPeriodsAsync(chosen.Id);
        _selected = chosen;
    }

    private async Task RedrawAsync()
    {
        _overview = await Queries.GetOverviewAsync();
        _selected = _selected is null ? null : _overview.Kpis.FirstOrDefault(k => k.Id == _selected.Id);
        _periods = _selected is null ? [] : await Queries.GetPeriodsAsync(_selected.Id);
        await SelectFromAddressAsync();
        StateHasChanged();
    }

    private Task SelectAsync(KpiStanding kpi)
    {
        Nav.NavigateTo(Address(DepartmentQuery, kpi.Code));
        return Task.CompletedTask;
    }

    private Task DepartmentChangedAsync(string code)
    {
        Nav.NavigateTo(Address(string.IsNullOrEmpty(code) ? null : code, null));
        return Task.CompletedTask;
    }

    private static string Address(string? department, string? kpi)
    {
        var query = new List<string>();
        if (department is not null) query.Add("department=" + Uri.EscapeDataString(department));
        if (kpi is not null) query.Add("kpi=" + Uri.EscapeDataString(kpi));
        return query.Count == 0 ? "/kpis" : "/kpis?" + string.Join('&', query);
    }

    private IReadOnlyList<KpiStanding> ShownKpis => _overview is null ? []
        : _department is null ? _overview.Kpis : _overview.Kpis.Where(k => k.DepartmentId == _department.Id).ToList();

    /// <summary>The reader's own department first, then the weakest first; departments without a score last.</summary>
    private IReadOnlyList<DepartmentExecution> ShownDepartments => _overview is null ? []
        : _overview.Departments
            .Where(d => _department is null || d.DepartmentId == _department.Id)
            .OrderBy(d => d.DepartmentId == _ownDepartment ? 0 : 1)
            .ThenBy(d => d.ExecutionPct is null ? 1 : 0)
            .ThenBy(d => d.ExecutionPct)
            .ThenBy(d => DepartmentName(d.DepartmentId), StringComparer.CurrentCulture)
            .ToList();

    private IReadOnlyList<KpiStanding> Worst => ShownKpis.Where(k => !k.Missing).OrderBy(k => k.ExecutionPct).ThenBy(k => k.Code, StringComparer.Ordinal).Take(5).ToList();

    private IReadOnlyList<KpiStanding> Best => ShownKpis.Where(k => !k.Missing).OrderByDescending(k => k.ExecutionPct).ThenBy(k => k.Code, StringComparer.Ordinal).Take(5).ToList();

    /// <summary>The city's execution, or the filtered department's.</summary>
    private decimal? ShownPct => _department is null ? _overview?.CityPct
        : _overview?.Departments.FirstOrDefault(d => d.DepartmentId == _department.Id)?.ExecutionPct;

    private string Count(string tone) => ShownKpis.Count(k => KpiRag.Tone(k.ExecutionPct) == tone).ToString("N0", System.Globalization.CultureInfo.CurrentCulture);

    private static string? StatTone(decimal? pct) => KpiRag.Tone(pct) is var tone && tone == "missing" ? "muted" : tone;

    private string DepartmentName(int id) => _reference?.Departments.GetValueOrDefault(id)?.Name(T) ?? "";

    private string ChartTitle => _selected is { } k ? T.Format("kpi.trend", k.Name(T)) : T["kpi.pick"];

    private Func<KpiPeriodValue, string>? AppealsHref(KpiStanding kpi) => KpiAppealsLink.CountsAppeals(kpi.Measure)
        ? period => KpiAppealsLink.For(kpi, DateOnly.FromDateTime(period.PeriodStart), new AstanaClock(Time).Today)!
        : null;

    public void Dispose() => _live?.Dispose();
}
