using IKomek.Dashboard.Data;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Radzen;
using Radzen.Blazor;

namespace IKomek.Dashboard.Features.Appeals;

public sealed partial class AppealsPage : ComponentBase
{
    private static readonly string[] Statuses = ["registered", "assigned", "forwarded", "in_progress", "waiting_citizen", "resolved", "closed", "reopened"];

    private RadzenDataGrid<AppealRow>? _grid;
    // Null until the first load: the grid calls LoadData on its first render only when it has no data.
    private IReadOnlyList<AppealRow>? _rows;
    private long _total;
    private bool _counting;
    private bool _loading;
    // What the rows on screen were read with: the next or previous page seeks from them (keyset paging).
    private (AppealFilter Filter, string? Sort, bool Descending, int Skip)? _shown;
    private AppealFilter? _counted;
    private DateTime _nowUtc;
    private CityReference.Snapshot? _reference;

    private int _periodDays = 30;
    private int? _districtId, _areaId, _channelId, _serviceTypeId, _departmentId, _organisationId;
    private bool? _duplicates;
    private bool _overdueOnly;
    private string? _status, _text;
    private IReadOnlyList<Option> _districtOptions = [], _areaOptions = [], _channelOptions = [], _typeOptions = [], _departmentOptions = [], _organisationOptions = [];
    private IReadOnlyList<FlagOption> _duplicateOptions = [];
    private IReadOnlyList<StatusOption> _statusOptions = [];

    private sealed record Option(int Id, string Label);
    private sealed record StatusOption(string Code, string Label);
    private sealed record PeriodOption(int Days, string Label);
    private sealed record FlagOption(bool Value, string Label);

    [Inject] private AppealsQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private AstanaClock Clock { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    private IEnumerable<PeriodOption> Periods =>
        new[] { 7, 30, 90, 365, 0 }.Select(d => new PeriodOption(d, T[d == 0 ? "appeals.period.all" : $"appeals.period.{d}"]));

    private string PagingSummary => T["grid.pager"].Replace("{2}", "{2:N0}", StringComparison.Ordinal);

    protected override async Task OnInitializedAsync()
    {
        _reference = await Reference.GetAsync();
        static List<Option> Options(IReadOnlyDictionary<int, RefItem> items, Texts t) =>
            items.Values.Select(i => new Option(i.Id, i.Name(t))).OrderBy(o => o.Label, StringComparer.CurrentCulture).ToList();
        _districtOptions = Options(_reference.Districts, T);
        _areaOptions = Options(_reference.Areas, T);
        _channelOptions = Options(_reference.Channels, T);
        _typeOptions = Options(_reference.ServiceTypes, T);
        _departmentOptions = Options(_reference.Departments, T);
        _organisationOptions = (await Queries.GetOrganisationsAsync()).Select(o => new Option(o.Id, o.Name)).ToList();
        _duplicateOptions = [new FlagOption(false, T["appeals.firstReports"]), new FlagOption(true, T["appeals.repeatReports"])];
        _statusOptions = Statuses.Select(s => new StatusOption(s, T["status." + s])).ToList();
    }

    private async Task LoadAsync(LoadDataArgs args)
    {
        _loading = true;
        _nowUtc = Clock.UtcNow.UtcDateTime;
        var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null);
        var (filter, skip, take, descending) = (CurrentFilter(), args.Skip ?? 0, args.Top ?? 25, sort?.SortOrder == SortOrder.Descending);
        PageCursor? cursor = null;
        if (_shown is { } shown && _rows is { Count: > 0 } rows && shown.Filter == filter && shown.Sort == sort?.Property && shown.Descending == descending)
        {
            if (skip == shown.Skip + rows.Count) cursor = new PageCursor(rows[^1], Before: false);
            else if (skip == shown.Skip - take) cursor = new PageCursor(rows[0], Before: true);
        }
        _rows = await Queries.PageAsync(filter, skip, take, sort?.Property, descending, cursor);
        _shown = (filter, sort?.Property, descending, skip);
        if (filter != _counted)
        {
            // The rows show at once; the total follows when counted. Meanwhile the pager knows there is a next page.
            _counted = filter;
            _total = skip + _rows.Count + (_rows.Count == take ? 1 : 0);
            _ = CountAsync(filter);
        }
        _loading = false;
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
        var from = _periodDays == 0 ? (DateTime?)null : AstanaClock.StartOfDay(Clock.Today.AddDays(1 - _periodDays)).UtcDateTime;
        return new AppealFilter(from, null, _districtId, _areaId, _channelId, _status, _text, _serviceTypeId, _departmentId, _organisationId,
            _overdueOnly ? true : null, _duplicates);
    }

    /// <summary>The CSV export of exactly what the grid shows.</summary>
    private string ExportHref => "appeals/export.csv?" + CurrentFilter().ToQueryString();

    private async Task ReloadAsync()
    {
        if (_grid is not null) await _grid.FirstPage(forceReload: true);
    }

    private async Task ResetAsync()
    {
        (_periodDays, _districtId, _areaId, _channelId, _status, _text) = (30, null, null, null, null, null);
        (_serviceTypeId, _departmentId, _organisationId, _duplicates, _overdueOnly) = (null, null, null, null, false);
        await ReloadAsync();
    }

    private string Ref(IReadOnlyDictionary<int, RefItem>? items, int id) =>
        items is not null && items.TryGetValue(id, out var item) ? item.Name(T) : "";
}
