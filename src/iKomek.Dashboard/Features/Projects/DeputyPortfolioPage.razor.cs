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
    private ComplaintRises? _rises;
    private ComplaintRises Rises => _rises ??= new ComplaintRises(Queries);
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
        await Rises.ShowAsync(rows.Select(r => r.ProjectId));
        _summary = PortfolioSummary.Of(rows);
        _rows = rows;
    }

    private string DepartmentName(int id) => _reference?.Departments.GetValueOrDefault(id)?.Name(T) ?? "";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        await Rises.StartAsync();
        StateHasChanged();
    }

    public void Dispose() => _live?.Dispose();
}
