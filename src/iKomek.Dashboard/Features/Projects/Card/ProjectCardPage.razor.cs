using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Projects.Card;

/// <summary>
/// One project as the project office keeps it: its passport, site, schedule and budget against the baseline, results,
/// milestones, risks, photos, the appeals near the site and the KPIs it serves. Projects are not personal data, so
/// every reader sees the card; the appeals near the site come redacted unless the reader may see personal data.
/// </summary>
public sealed partial class ProjectCardPage : ComponentBase, IDisposable
{
    private ProjectCardData? _data;
    private SiteAppeals? _site;
    private bool _loaded, _photosVisible, _seesPersonalData;
    private CityReference.Snapshot? _reference;
    private DateTime _today;
    private LiveSubscription? _live;

    [Parameter] public string Code { get; set; } = "";
    [Inject] private ProjectCardQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ILogger<ProjectCardPage> Log { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _reference = await Reference.GetAsync();
        var user = await Access.UserAsync();
        _seesPersonalData = user.May(CityAction.SeePersonalData);
        _photosVisible = user.Identity?.IsAuthenticated == true;
        await ReloadAsync();
        // The change feed says only that some project, milestone, risk, result or photo changed: read the card again.
        _live ??= new LiveSubscription(Feed, change => change.Kind == "projects", RedrawAsync, InvokeAsync, DispatchExceptionAsync, Log);
    }

    private async Task RedrawAsync()
    {
        await ReloadAsync();
        StateHasChanged();
    }

    private async Task ReloadAsync()
    {
        _today = AstanaClock.ToLocal(Clock.GetUtcNow()).Date;
        _data = await Queries.GetCardAsync(Code);
        _loaded = true;
        if (_data is null) return;
        var site = await Queries.GetSiteAppealsAsync(_data.Project.Id);
        // Decided here, on the server: a reader without the right never receives the residents' texts as written.
        _site = _seesPersonalData ? site : site with { Latest = site.Latest.Select(a => a.Redacted()).ToList() };
    }

    private ProjectCard P => _data!.Project;

    private string Department => _reference?.Departments.GetValueOrDefault(P.DepartmentId)?.Name(T) ?? "";

    private string District => P.DistrictId is { } id ? _reference?.Districts.GetValueOrDefault(id)?.Name(T) ?? "" : T["card.none"];

    private bool PhotosVisible => _photosVisible || P.IsPublic;

    public void Dispose() => _live?.Dispose();
}
