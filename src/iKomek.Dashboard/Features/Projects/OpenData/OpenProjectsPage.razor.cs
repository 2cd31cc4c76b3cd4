using System.Globalization;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace IKomek.Dashboard.Features.Projects.OpenData;

/// <summary>
/// The public open-data view (/open/projects): the published infrastructure projects, filtered by group and district
/// from the address (?group=&amp;district=&amp;page=), for anyone, in the reader's language; the downloads take the same filter.
/// </summary>
public sealed partial class OpenProjectsPage : ComponentBase
{
    private const int PageSize = 24;

    private IReadOnlyList<OpenProject>? _projects;
    private IReadOnlyList<RefItem> _districts = [];
    private CityReference.Snapshot? _reference;
    private OpenDataFilter _filter = new();
    private string? _error;
    private int _page = 1;

    [SupplyParameterFromQuery(Name = "group")] public string? Group { get; set; }
    [SupplyParameterFromQuery(Name = "district")] public string? DistrictCode { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageNumber { get; set; }

    [Inject] private OpenDataQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    private int Pages => _projects is null ? 0 : (_projects.Count + PageSize - 1) / PageSize;

    protected override async Task OnParametersSetAsync()
    {
        _reference ??= await Reference.GetAsync();
        _districts = _reference.Districts.Values.OrderBy(d => d.Name(T), StringComparer.CurrentCulture).ToList();
        var filter = OpenDataFilter.From(Group, DistrictCode);
        _error = null;
        // An unknown group or district is named, and the list shown without it rather than emptied.
        if (filter.Error(_reference.DistrictsByCode.Keys) is { } e)
        {
            _error = T.Format(e.Key, e.Value);
            filter = e.Key == "opendata.error.group" ? filter with { Group = null } : filter with { District = null };
            if (filter.Error(_reference.DistrictsByCode.Keys) is not null) filter = new OpenDataFilter();
        }
        _filter = filter;
        _projects = await Queries.GetProjectsAsync(_filter);
        _page = Math.Clamp(PageNumber ?? 1, 1, Math.Max(1, Pages));
    }

    private void Go(OpenDataFilter filter) => Nav.NavigateTo(Nav.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["group"] = filter.Group, ["district"] = filter.District, ["page"] = null,
    }));

    private void GoToPage(int page) => Nav.NavigateTo(Nav.GetUriWithQueryParameter("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)));

    private string Download(string format) => QueryHelpers.AddQueryString($"{OpenDataEndpoints.PagePath.TrimStart('/')}.{format}",
        new Dictionary<string, string?> { ["group"] = _filter.Group, ["district"] = _filter.District }.Where(p => p.Value is not null));

    private string? District(string? code) => code is null ? null : _reference?.DistrictsByCode.GetValueOrDefault(code)?.Name(T);
}
