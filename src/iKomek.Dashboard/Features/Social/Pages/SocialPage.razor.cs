using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Social.Pages;

/// <summary>
/// The analysts' page of resonant posts no appeal is about, filtered by network, area and district and sorted by
/// reach or time, the filters kept in the address; new posts and links redraw it on any node.
/// </summary>
public sealed partial class SocialPage : ComponentBase, IDisposable
{
    /// <summary>The roles that work on problems or may see residents' personal data (handles and texts as written).</summary>
    public const string Roles = CityRoles.Admin + "," + CityRoles.Analyst + "," + CityRoles.Operator;
    private const string Unset = "";

    private IReadOnlyList<SocialPost> _posts = [];
    private CityReference.Snapshot? _reference;
    private IReadOnlyList<FilterSelect.Option> _areas = [], _districts = [];
    private DateTimeOffset? _asOf;
    private LiveSubscription? _live;

    [SupplyParameterFromQuery(Name = "network")] public string? Network { get; set; }
    [SupplyParameterFromQuery(Name = "area")] public int? Area { get; set; }
    [SupplyParameterFromQuery(Name = "district")] public int? District { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? Sort { get; set; }

    [Inject] private SocialQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ILogger<SocialPage> Log { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _reference = await Reference.GetAsync();
        _areas = _reference.Areas.Values.Select(a => new FilterSelect.Option(a.Id, a.Name(T))).OrderBy(o => o.Label).ToList();
        _districts = _reference.Districts.Values.Select(d => new FilterSelect.Option(d.Id, d.Name(T))).OrderBy(o => o.Label).ToList();
        await LoadAsync();
        _live ??= new LiveSubscription(Feed, change => change.Kind == "social", RedrawAsync, InvokeAsync, DispatchExceptionAsync, Log);
    }

    private async Task LoadAsync()
    {
        _posts = await Queries.GetUnheardAsync(new UnheardFilter(
            Intake.SocialItemValidator.Networks.Contains(Network) ? Network : null, Area, District, Sort == "time"));
        _asOf = Time.GetUtcNow();
    }

    private async Task RedrawAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    /// <summary>A filter changed: the address says so (a link to the page opens the same list).</summary>
    private void Go(string? network = null, int? area = null, int? district = null, string? sort = null) =>
        Nav.NavigateTo(Nav.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["network"] = network is null ? Network : network == Unset ? null : network,
            ["area"] = area is null ? Area : area == 0 ? null : area,
            ["district"] = district is null ? District : district == 0 ? null : district,
            ["sort"] = sort is null ? Sort : sort == "reach" ? null : sort,
        }));

    public void Dispose() => _live?.Dispose();
}
