using System.Security.Claims;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace IKomek.Dashboard.Features.CitySystems.Panels;

/// <summary>
/// One city system: its map, its alerts, its table (or, for personal data and a reader without the right, its totals
/// by district) and its trends. The filters stand in the address (<c>?district=2&amp;f.status=offline&amp;text=...</c>),
/// so a view can be shared; the page follows the systems' changes live.
/// </summary>
public sealed partial class SystemPage : ComponentBase, IDisposable
{
    /// <summary>The table's columns at most: the schema's first visible fields.</summary>
    private const int MaxColumns = 6;
    private const string ChoicePrefix = "f.";

    private SystemStatus? _system;
    private bool _notFound;
    private IReadOnlyList<SystemField> _fields = [];
    private IReadOnlyList<SystemField> _columns = [];
    private bool _showRecords, _personal, _loading;
    private ObjectFilter _filter = ObjectFilter.None;
    private string? _loadedKey;
    private MapLayer _map = new([], [], []);
    private ObjectsPage _page = new([], 0, null);
    // The keyset of the page shown (null: the first), and the ones before it for "first page".
    private string? _after;
    private IReadOnlyList<AggregateRow> _aggregates = [];
    private IReadOnlyList<AlertRow> _alerts = [];
    private IReadOnlyList<DailyValue> _daily = [];
    private IReadOnlyList<CountBy> _monthly = [];
    private IReadOnlyList<AggregateRow> _byStatus = [];
    private DateTimeOffset _asOf;
    private IReadOnlyDictionary<int, (double Lat, double Lon)> _centres = new Dictionary<int, (double Lat, double Lon)>();
    private IReadOnlyDictionary<int, string> _districtNames = new Dictionary<int, string>();
    private IReadOnlyList<FilterSelect.Option> _districtOptions = [];
    private ClaimsPrincipal _user = new();
    private LiveSubscription? _live;

    [Parameter] public string Code { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }
    [Inject] private PanelsQueries Queries { get; set; } = default!;
    [Inject] private PersonalView Personal { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private IOptions<MapOptions> MapOptions { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private AstanaClock Clock { get; set; } = default!;
    [Inject] private ILogger<SystemPage> Log { get; set; } = default!;

    /// <summary>The filters of the system: its choice fields that are not personal.</summary>
    private IReadOnlyList<SystemField> ChoiceFilters => [.. _fields.Where(f => f.Type == "choice" && !f.Personal)];

    protected override async Task OnInitializedAsync()
    {
        _user = await Authentication.UserAsync();
        _live = new LiveSubscription(Feed, c => c.Kind == SystemsChanges.Kind, ReloadAsync, InvokeAsync, DispatchExceptionAsync, Log);
    }

    protected override async Task OnParametersSetAsync()
    {
        var filter = ReadFilter(new Uri(Nav.Uri).Query);
        var key = Code + "?" + FilterQuery(filter);
        if (key == _loadedKey) return;
        _loadedKey = key;
        _filter = filter;
        _after = null;
        await LoadAsync(audit: true, _live!.Stopping);
    }

    private async Task ReloadAsync()
    {
        await LoadAsync(audit: false, _live!.Stopping);
        StateHasChanged();
    }

    private async Task LoadAsync(bool audit, CancellationToken ct)
    {
        _loading = true;
        var reference = await Reference.GetAsync(ct);
        _centres = reference.DistrictCentres;
        _districtNames = reference.Districts.ToDictionary(d => d.Key, d => d.Value.Name(T));
        _districtOptions = [.. reference.Districts.Values.OrderBy(d => d.Id).Select(d => new FilterSelect.Option(d.Id, d.Name(T)))];
        _system = await Queries.GetSystemAsync(Code, ct);
        _notFound = _system is null;
        if (_system is not { } s) return;
        _fields = await Queries.GetFieldsAsync(Code, ct);
        _showRecords = PersonalView.ShowsRecords(s, _user);
        _personal = s.Personal || _fields.Any(f => f.Personal);
        _columns = [.. PersonalView.Visible(_fields, _user).Take(MaxColumns)];
        // A reader who sees totals only may not search by name: a hit would tell that a resident is on the list.
        var filter = _showRecords ? _filter : _filter with { Text = null };
        _map = await Queries.GetMapAsync(Code, filter, districtsOnly: !_showRecords, ct);
        var choices = ChoiceFilters.Select(f => f.Name).ToList();
        if (_showRecords)
        {
            var page = await Queries.GetObjectsAsync(Code, filter, _after, ct: ct);
            // Personal records are recorded as seen before they can be shown.
            if (audit && _personal)
            {
                await Personal.RecordAsync(s, _fields, _user, Address.Value, null,
                    new { district = filter.DistrictId, choices = filter.Choices, text = filter.Text is null ? null : "(search)", after = _after, rows = page.Rows.Count }, ct);
            }
            _page = page;
        }
        else _aggregates = await Queries.GetAggregatesAsync(Code, filter, choices, ct);
        _alerts = await Queries.GetAlertsAsync(Code, ct: ct);
        if (s.IsFeed) _daily = await Queries.GetDailyAsync(Code, ct: ct);
        else
        {
            _monthly = await Queries.GetMonthlyAsync(Code, s.TimeField, ct);
            var status = choices.Contains("status") ? "status" : choices.FirstOrDefault();
            _byStatus = status is null ? [] : _showRecords ? await Queries.GetAggregatesAsync(Code, ObjectFilter.None, [status], ct)
                : [.. _aggregates.Where(a => a.Field == status)];
        }
        _asOf = Clock.Now;
        _loading = false;
    }

    private async Task NextAsync()
    {
        _after = _page.NextAfter;
        await LoadAsync(audit: true, _live!.Stopping);
    }

    private async Task FirstAsync()
    {
        _after = null;
        await LoadAsync(audit: true, _live!.Stopping);
    }

    private Task SetDistrictAsync(int? district) => ApplyAsync(_filter with { DistrictId = district });

    private Task SetTextAsync(string? text) => ApplyAsync(_filter with { Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim() });

    private Task SetChoiceAsync(string field, string? value)
    {
        var choices = new Dictionary<string, string>(_filter.Choices ?? new Dictionary<string, string>());
        if (value is null) choices.Remove(field);
        else choices[field] = value;
        return ApplyAsync(_filter with { Choices = choices });
    }

    /// <summary>A filter changed: the address follows (shareable), and the page reloads from the first page.</summary>
    private async Task ApplyAsync(ObjectFilter filter)
    {
        _filter = filter;
        _after = null;
        var query = FilterQuery(filter);
        _loadedKey = Code + "?" + query;
        Nav.NavigateTo($"systems/{Code}{(query.Length > 0 ? "?" + query : "")}", replace: true);
        await LoadAsync(audit: true, _live!.Stopping);
    }

    /// <summary>The filter from the address: district, f.&lt;field&gt; for choices, text.</summary>
    public static ObjectFilter ReadFilter(string query)
    {
        var q = QueryHelpers.ParseQuery(query);
        var district = q.TryGetValue("district", out var d) && int.TryParse(d, out var id) ? id : (int?)null;
        var text = q.TryGetValue("text", out var t) && !string.IsNullOrWhiteSpace(t) ? t.ToString() : null;
        var choices = q.Where(kv => kv.Key.StartsWith(ChoicePrefix, StringComparison.Ordinal) && !string.IsNullOrEmpty(kv.Value))
            .ToDictionary(kv => kv.Key[ChoicePrefix.Length..], kv => kv.Value.ToString());
        return new ObjectFilter(district, choices.Count > 0 ? choices : null, text);
    }

    /// <summary>The filter as the address writes it, in a fixed order.</summary>
    public static string FilterQuery(ObjectFilter filter)
    {
        var parts = new List<string>();
        if (filter.DistrictId is { } d) parts.Add($"district={d}");
        foreach (var (field, value) in (filter.Choices ?? new Dictionary<string, string>()).OrderBy(c => c.Key, StringComparer.Ordinal))
            parts.Add($"{ChoicePrefix}{Uri.EscapeDataString(field)}={Uri.EscapeDataString(value)}");
        if (filter.Text is { } text) parts.Add($"text={Uri.EscapeDataString(text)}");
        return string.Join("&", parts);
    }

    public void Dispose() => _live?.Dispose();
}
