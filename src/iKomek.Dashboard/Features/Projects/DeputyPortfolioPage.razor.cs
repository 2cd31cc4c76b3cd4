using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;

namespace IKomek.Dashboard.Features.Projects;

/// <summary>
/// Everything one deputy akim supervises, rolled up: counts, late and over-budget projects, budget, on-time share,
/// open high risks, by group and by department, with the list. Reached from the portfolio's deputy breakdown.
/// </summary>
public sealed partial class DeputyPortfolioPage : ComponentBase, IDisposable
{
    private DeputyRow? _deputy;
    private bool _missing;
    private IReadOnlyList<PortfolioRow>? _rows;
    private PortfolioSummary? _summary;
    private IReadOnlyList<int> _departments = [];
    private IReadOnlyList<ComplaintRiseRow>? _rises;
    private bool _risesLoaded;
    private HashSet<int> _shown = [];
    private CityReference.Snapshot? _reference;
    private LiveSubscription? _live;

    [Parameter] public string Code { get; set; } = "";

    [Inject] private PortfolioQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ILogger<DeputyPortfolioPage> Log { get; set; } = default!;

    public static string Href(string deputyCode) => "projects/deputy/" + Uri.EscapeDataString(deputyCode);

    protected override void OnInitialized() =>
        _live = new LiveSubscription(Feed, change => change.Kind == "projects", RedrawAsync, InvokeAsync, DispatchExceptionAsync, Log);

    protected override async Task OnParametersSetAsync()
    {
        _reference ??= await Reference.GetAsync();
        _deputy = (await Queries.GetDeputiesAsync()).FirstOrDefault(d => d.Code == Code);
        _missing = _deputy is null;
        if (_deputy is null) return;
        _departments = await Queries.GetSupervisedDepartmentsAsync(_deputy.Code);
        await LoadAsync();
    }

    private async Task RedrawAsync()
    {
        if (_deputy is null) return;
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var rows = await Queries.GetProjectsAsync(new PortfolioFilter(Deputy: Code), _live?.Stopping ?? default);
        var shown = rows.Select(r => r.ProjectId).ToHashSet();
        _shown = shown;
        if (_risesLoaded) await LoadRisesAsync();
        _summary = PortfolioSummary.Of(rows);
        _rows = rows;
    }

    private string DepartmentName(int id) => _reference?.Departments.GetValueOrDefault(id)?.Name(T) ?? "";

    /// <summary>
    /// The complaint trend reads months of appeals: it comes after the page is drawn (and never while prerendering),
    /// so the counts and the list never wait for it.
    /// </summary>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await LoadRisesAsync();
        _risesLoaded = true;
        StateHasChanged();
    }

    private async Task LoadRisesAsync() =>
        _rises = (await Queries.GetCachedComplaintRisesAsync()).Where(r => _shown.Contains(r.ProjectId)).ToList();

    public void Dispose() => _live?.Dispose();
}
