using System.Globalization;
using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Plotly.Blazor;

namespace IKomek.Dashboard.Features.Projects;

/// <summary>
/// The project office's portfolio: counts, late and over-budget projects, the on-time share, breakdowns, the projects
/// whose neighbours complain more since they started, and the list. The filters live in the address
/// (?group=&amp;status=&amp;district=&amp;deputy=&amp;department=&amp;q=), so a link reproduces the view. A deputy opens on their own
/// portfolio (?scope=city for the whole city); a department head sees the own department's projects in the list and
/// the others only in the totals.
/// </summary>
public sealed partial class ProjectsPage : ComponentBase, IDisposable
{
    private static readonly (string Status, string Color)[] StatusColours =
        [("completed", ChartLayout.Palette.Green), ("active", ChartLayout.Palette.Sky), ("delayed", ChartLayout.Palette.Amber), ("planned", ChartLayout.Palette.Grey), ("archived", ChartLayout.Palette.Slate)];

    private IReadOnlyList<PortfolioRow>? _rows;
    private IReadOnlyList<PortfolioRow> _listed = [];
    private PortfolioSummary? _summary;
    private ComplaintRises? _rises;
    private ComplaintRises Rises => _rises ??= new ComplaintRises(Queries);
    private IReadOnlyList<DeputyRow> _deputies = [];
    private CityReference.Snapshot? _reference;
    private PortfolioFilter _filter = new();
    private int? _ownDepartment;
    private string? _myDeputy;
    private bool _mine;
    private IReadOnlyList<PortfolioFilterBar.Option> _groupOptions = [], _statusOptions = [], _districtOptions = [], _deputyOptions = [], _departmentOptions = [];
    private IList<ITrace> _traces = [];
    private Plotly.Blazor.Layout? _layout;
    private LiveSubscription? _live;

    [SupplyParameterFromQuery(Name = "group")] public string? GroupQuery { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusQuery { get; set; }
    [SupplyParameterFromQuery(Name = "district")] public int? DistrictQuery { get; set; }
    [SupplyParameterFromQuery(Name = "deputy")] public string? DeputyQuery { get; set; }
    [SupplyParameterFromQuery(Name = "department")] public int? DepartmentQuery { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? TextQuery { get; set; }
    /// <summary>"city": a deputy's view of the whole city instead of their own portfolio.</summary>
    [SupplyParameterFromQuery(Name = "scope")] public string? ScopeQuery { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [Inject] private PortfolioQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ILogger<ProjectsPage> Log { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = await Authentication.UserAsync();
        _ownDepartment = user.OwnDepartment();
        _myDeputy = user.IsInRole(CityRoles.Deputy) ? await Queries.GetDeputyCodeOfLoginAsync(user.Login()) : null;
        _reference = await Reference.GetAsync();
        _deputies = await Queries.GetDeputiesAsync();
        _groupOptions = PortfolioFilter.Groups.Select(g => new PortfolioFilterBar.Option(g, T["group." + g])).ToList();
        _statusOptions = PortfolioFilter.Statuses.Select(s => new PortfolioFilterBar.Option(s, T["pstatus." + s])).ToList();
        _districtOptions = Options(_reference.Districts);
        _departmentOptions = Options(_reference.Departments);
        _deputyOptions = _deputies.Select(d => new PortfolioFilterBar.Option(d.Code, d.FullName)).ToList();
        // A project, milestone or risk changed anywhere in the cluster: the counts and the list are read again.
        _live = new LiveSubscription(Feed, change => change.Kind == "projects", RedrawAsync, InvokeAsync, DispatchExceptionAsync, Log);
    }

    protected override async Task OnParametersSetAsync()
    {
        // A deputy's own portfolio first, unless the address names a deputy or asks for the whole city.
        _mine = _myDeputy is not null && ScopeQuery != "city" && (DeputyQuery is null || DeputyQuery == _myDeputy);
        var filter = new PortfolioFilter(GroupQuery, StatusQuery, DistrictQuery, _mine ? _myDeputy : DeputyQuery, DepartmentQuery, TextQuery).Normalized();
        // The parameters are set again when a cascading value changes: read the portfolio only for a new filter.
        if (_rows is not null && filter == _filter) return;
        _filter = filter;
        await LoadAsync();
    }

    private async Task RedrawAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var rows = await Queries.GetProjectsAsync(_filter, _live?.Stopping ?? default);
        _summary = PortfolioSummary.Of(rows);
        _listed = _ownDepartment is { } own ? rows.Where(r => r.DepartmentId == own).ToList() : rows;
        await Rises.ShowAsync(rows.Select(r => r.ProjectId));
        _rows = rows;
        var groupNames = PortfolioFilter.Groups.Select(g => T["group." + g]).ToArray();
        _traces =
        [
            .. StatusColours.Select(s => Traces.HorizontalBars(T["pstatus." + s.Status], groupNames,
                PortfolioFilter.Groups.Select(g => rows.Count(p => p.ProjectGroup == g && p.Status == s.Status)), s.Color)),
        ];
        _layout = ChartLayout.Base();
        _layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Stack;
    }

    private Task FilterAsync((string Name, string? Value) change)
    {
        var value = string.IsNullOrWhiteSpace(change.Value) ? null : change.Value.Trim();
        var query = new Dictionary<string, object?> { [change.Name] = value };
        // Choosing another deputy (or none) leaves "my portfolio" for the city view.
        if (change.Name == "deputy" && _myDeputy is not null) query["scope"] = value == _myDeputy ? null : "city";
        Nav.NavigateTo(Nav.GetUriWithQueryParameters(query));
        return Task.CompletedTask;
    }

    private Task ResetAsync()
    {
        Nav.NavigateTo(_mine || _myDeputy is null ? "projects" : "projects?scope=city");
        return Task.CompletedTask;
    }

    /// <summary>The current address with one filter set: a breakdown's line narrows the view to it.</summary>
    private string FilterHref(string name, string value) => Nav.GetUriWithQueryParameters(new Dictionary<string, object?> { [name] = value });

    private string ScopeHref(bool mine) => Nav.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["scope"] = mine ? null : "city",
        ["deputy"] = null,
    });

    private string DepartmentName(int id) => _reference?.Departments.GetValueOrDefault(id)?.Name(T) ?? "";

    private string DistrictName(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? _reference?.Districts.GetValueOrDefault(d)?.Name(T) ?? id : id;

    private string DeputyName(string code) => _deputies.FirstOrDefault(d => d.Code == code)?.FullName ?? code;

    private List<PortfolioFilterBar.Option> Options<TItem>(IReadOnlyDictionary<int, TItem> items) where TItem : RefItem =>
        items.Values.Select(i => new PortfolioFilterBar.Option(i.Id.ToString(CultureInfo.InvariantCulture), i.Name(T)))
            .OrderBy(o => o.Label, StringComparer.CurrentCulture).ToList();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await Rises.StartAsync();
        StateHasChanged();
    }

    public void Dispose() => _live?.Dispose();
}
