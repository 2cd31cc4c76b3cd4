using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Privacy;

namespace IKomek.Dashboard.Features.Appeals;

public sealed partial class AppealsPage : ComponentBase
{
    private const int PageSize = 25;
    private const string DefaultPeriod = "30";
    private static readonly string[] Statuses = ["registered", "assigned", "forwarded", "in_progress", "waiting_citizen", "resolved", "closed", "reopened"];
    private static readonly string[] Periods = ["today", "7", "30", "month", "90", "365", "all"];

    // Null until the first load.
    private IReadOnlyList<AppealRow>? _rows;
    private int _page;
    private long _total;
    private bool _counting;
    private bool _loading;
    private string? _sort = nameof(AppealRow.CreatedAt);
    private bool _descending = true;
    // Until the reader sorts by a column, a search's results come by relevance (AppealsQueries.Relevance).
    private bool _sortChosen;
    // What the rows on screen were read with: the next or previous page seeks from them (keyset paging).
    private (AppealFilter Filter, string? Sort, bool Descending, int Skip)? _shown;
    private AppealFilter? _counted;
    private DateTime _nowUtc;
    private CityReference.Snapshot? _reference;
    private string? _appliedQuery;
    // A search for a phone, a flat or a name is refused to a reader who may not see them: its hits would tie a
    // resident's number to a building.
    private bool _searchRefused;
    private int _loads;

    private string _period = DefaultPeriod;
    private int? _districtId, _areaId, _channelId, _serviceTypeId, _departmentId, _organisationId;
    private bool? _duplicates;
    private bool _overdueOnly, _criticalOnly;
    // A deputy akim's supervised areas and departments (listed first, marked) and the one-click "my areas" filter.
    private DeputyScope? _deputy;
    private bool _mine;
    private string? _status, _text;
    private IReadOnlyList<FilterSelect.Option> _districtOptions = [], _areaOptions = [], _channelOptions = [], _typeOptions = [], _departmentOptions = [], _organisationOptions = [];

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }
    [Inject] private AppealsQueries Queries { get; set; } = default!;
    [Inject] private DeputyScopes Deputies { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private AstanaClock Clock { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    // The explorer opens filtered by its address: the live panel's numbers link here with the filters behind them.
    [SupplyParameterFromQuery(Name = "period")] public string? PeriodQuery { get; set; }
    [SupplyParameterFromQuery(Name = "district")] public int? DistrictQuery { get; set; }
    [SupplyParameterFromQuery(Name = "area")] public int? AreaQuery { get; set; }
    [SupplyParameterFromQuery(Name = "channel")] public int? ChannelQuery { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusQuery { get; set; }
    [SupplyParameterFromQuery(Name = "type")] public int? TypeQuery { get; set; }
    [SupplyParameterFromQuery(Name = "department")] public int? DepartmentQuery { get; set; }
    [SupplyParameterFromQuery(Name = "organisation")] public int? OrganisationQuery { get; set; }
    [SupplyParameterFromQuery(Name = "overdue")] public bool? OverdueQuery { get; set; }
    [SupplyParameterFromQuery(Name = "critical")] public bool? CriticalQuery { get; set; }
    [SupplyParameterFromQuery(Name = "duplicates")] public bool? DuplicatesQuery { get; set; }
    [SupplyParameterFromQuery(Name = "text")] public string? TextQuery { get; set; }
    /// <summary>A deputy's areas only (?mine=true); off by default, so the live panel's numbers open the same appeals.</summary>
    [SupplyParameterFromQuery(Name = "mine")] public bool? MineQuery { get; set; }

    private int PageCount => (int)Math.Max(1, (Math.Max(_total, (long)_page * PageSize + (_rows?.Count ?? 0)) + PageSize - 1) / PageSize);

    private string PagerSummary
    {
        get
        {
            if (_rows is not { Count: > 0 } rows) return "";
            var (first, last) = (_page * PageSize + 1, _page * PageSize + rows.Count);
            return _counting ? T.Format("appeals.pagerCounting", first, last)
                : _total > AppealsQueries.CountCap ? T.Format("appeals.pagerMany", first, last, AppealsQueries.CountCap)
                : T.Format("appeals.pager", first, last, _total);
        }
    }

    // The reader, for the department scope (AppealScope): a department head's explorer is their department's.
    private System.Security.Claims.ClaimsPrincipal _user = new();

    protected override async Task OnInitializedAsync()
    {
        _user = await Authentication.UserAsync();
        _reference = await Reference.GetAsync();
        _deputy = await Deputies.OfAsync(_user);
        static List<FilterSelect.Option> Options<TItem>(IReadOnlyDictionary<int, TItem> items, Texts t) where TItem : RefItem =>
            items.Values.Select(i => new FilterSelect.Option(i.Id, i.Name(t))).OrderBy(o => o.Label, StringComparer.CurrentCulture).ToList();
        _districtOptions = Options(_reference.Districts, T);
        _areaOptions = Yours(Options(_reference.Areas, T), _deputy?.Areas);
        _channelOptions = Options(_reference.Channels, T);
        _typeOptions = Options(_reference.ServiceTypes, T);
        _departmentOptions = Yours(Options(_reference.Departments, T).Where(o => _user.MaySeeDepartment(o.Id)).ToList(), _deputy?.Departments);
        _organisationOptions = (await Queries.GetOrganisationsAsync()).Select(o => new FilterSelect.Option(o.Id, o.Name)).ToList();
    }

    protected override async Task OnParametersSetAsync()
    {
        var query = new Uri(Nav.Uri).Query;
        if (query == _appliedQuery) return;
        _appliedQuery = query;
        _period = PeriodQuery is { } p && Periods.Contains(p) ? p : DefaultPeriod;
        (_districtId, _areaId, _channelId, _serviceTypeId, _departmentId, _organisationId) = (DistrictQuery, AreaQuery, ChannelQuery, TypeQuery, _user.ScopeDepartment(DepartmentQuery), OrganisationQuery);
        (_status, _text, _duplicates) = (StatusQuery, TextQuery, DuplicatesQuery);
        (_overdueOnly, _criticalOnly) = (OverdueQuery == true, CriticalQuery == true);
        _mine = _deputy is not null && MineQuery == true;
        // Prerendering shows the page's frame; the rows are read once, when the circuit is up.
        if (RendererInfo.IsInteractive) await LoadPageAsync(0);
    }

    private async Task LoadPageAsync(int page)
    {
        // Filters clicked in quick succession start loads that may finish out of order: only the latest one shows.
        var load = ++_loads;
        _loading = true;
        _nowUtc = Clock.UtcNow.UtcDateTime;
        var (filter, skip) = (CurrentFilter(), page * PageSize);
        var sort = !_sortChosen && filter.Text is not null ? AppealsQueries.Relevance : _sort;
        PageCursor? cursor = null;
        if (_shown is { } shown && _rows is { Count: > 0 } rows && shown.Filter == filter && shown.Sort == sort && shown.Descending == _descending)
        {
            if (skip == shown.Skip + rows.Count) cursor = new PageCursor(rows[^1], Before: false);
            else if (skip == shown.Skip - PageSize) cursor = new PageCursor(rows[0], Before: true);
        }
        try
        {
            var seesPersonalData = _user.SeesPersonalDataInScope();
            if (load != _loads) return;
            _searchRefused = !seesPersonalData && PersonalData.Contains(filter.Text);
            if (_searchRefused)
            {
                (_rows, _page, _total, _shown, _counted, _counting) = ([], 0, 0, null, filter, false);
                return;
            }
            var found = await Queries.PageAsync(filter, skip, PageSize, sort, _descending, cursor);
            if (load != _loads) return;
            // Decided here, on the server: a reader without the right never receives the texts as written.
            _rows = seesPersonalData ? found : found.Select(r => r.Redacted()).ToList();
            _page = page;
            _shown = (filter, sort, _descending, skip);
            if (filter != _counted)
            {
                // The rows show at once; the total follows when counted. Meanwhile the pager knows there is a next page.
                _counted = filter;
                _total = skip + _rows.Count + (_rows.Count == PageSize ? 1 : 0);
                _ = CountAsync(filter);
            }
        }
        finally
        {
            if (load == _loads) _loading = false;
        }
    }

    private async Task CountAsync(AppealFilter filter)
    {
        _counting = true;
        try
        {
            var total = await Queries.CountAsync(filter);
            if (filter != _counted) return;
            _total = total;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            // The page stays usable without its total.
        }
        finally
        {
            if (filter == _counted) _counting = false;
        }
        await InvokeAsync(StateHasChanged);
    }

    private AppealFilter CurrentFilter()
    {
        var today = Clock.Today;
        DateOnly? fromDay = _period switch
        {
            "all" => null,
            "today" => today,
            "month" => new DateOnly(today.Year, today.Month, 1),
            _ => today.AddDays(1 - int.Parse(_period, System.Globalization.CultureInfo.InvariantCulture)),
        };
        var from = fromDay is { } day ? AstanaClock.StartOfDay(day).UtcDateTime : (DateTime?)null;
        return new AppealFilter(from, null, _districtId, _areaId, _channelId, _status, string.IsNullOrWhiteSpace(_text) ? null : _text,
            _serviceTypeId, _user.ScopeDepartment(_departmentId), _organisationId, _overdueOnly ? true : null, _duplicates, _criticalOnly ? true : null,
            _mine ? _deputy?.DeputyId : null);
    }

    /// <summary>The export (CSV or .xlsx) of exactly what the grid shows.</summary>
    private string ExportHref(string format) => $"appeals/export.{format}?" + CurrentFilter().ToQueryString();

    private Task ReloadAsync() => LoadPageAsync(0);

    private Task ToggleMineAsync()
    {
        _mine = !_mine && _deputy is not null;
        return ReloadAsync();
    }

    /// <summary>A deputy's own choices first, marked; the list unchanged for everyone else.</summary>
    private List<FilterSelect.Option> Yours(List<FilterSelect.Option> options, IReadOnlySet<int>? yours) => yours is null ? options
        : options.Where(o => yours.Contains(o.Id)).Select(o => o with { Label = $"{o.Label} · {T["common.yours"]}" })
            .Concat(options.Where(o => !yours.Contains(o.Id))).ToList();

    private Task GoToAsync(int page) => LoadPageAsync(page - 1);

    private async Task SortAsync(string column)
    {
        (_sort, _descending, _sortChosen) = (column, (_shown?.Sort ?? _sort) == column && !_descending, true);
        await LoadPageAsync(0);
    }

    private async Task ResetAsync()
    {
        (_period, _districtId, _areaId, _channelId, _status, _text) = (DefaultPeriod, null, null, null, null, null);
        (_serviceTypeId, _departmentId, _organisationId, _duplicates, _overdueOnly, _criticalOnly, _mine) = (null, null, null, null, false, false, false);
        await ReloadAsync();
    }

    private string Ref<TItem>(IReadOnlyDictionary<int, TItem>? items, int id) where TItem : RefItem =>
        items is not null && items.TryGetValue(id, out var item) ? item.Name(T) : "";
}
