using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.SystemicProblems;

public sealed partial class ProblemLifecyclePanel : ComponentBase
{
    private CityReference.Snapshot? _reference;
    private IReadOnlyList<Option> _departments = [];
    private IReadOnlyList<ProblemEvent> _history = [];
    private ProblemRelations? _relations;
    private int? _departmentId;
    private string? _text;
    private string? _error;

    private sealed record Option(int Id, string Label);

    [Parameter, EditorRequired] public ProblemDetail Problem { get; set; } = default!;

    /// <summary>Called after a step, so the page reloads the problem.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    [Inject] private ProblemLifecycle Lifecycle { get; set; } = default!;
    [Inject] private SystemicProblemsQueries Queries { get; set; } = default!;
    [Inject] private CityReference Reference { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private CityAccess Access { get; set; } = default!;
    [Inject] private ReaderAddress Address { get; set; } = default!;

    private IEnumerable<ProblemAction> Allowed => Enum.GetValues<ProblemAction>().Where(a => ProblemLifecycle.IsAllowed(Problem.Status, a));

    protected override async Task OnParametersSetAsync()
    {
        _reference ??= await Reference.GetAsync();
        _relations ??= new ProblemRelations(T, id => _reference?.Departments.GetValueOrDefault(id)?.Name(T));
        _departments = _reference.Departments.Values.Select(d => new Option(d.Id, d.Name(T))).OrderBy(o => o.Label, StringComparer.CurrentCulture).ToList();
        _departmentId ??= Problem.DepartmentId;
        _history = await Queries.GetHistoryAsync(Problem.Id);
    }

    private async Task ApplyAsync(ProblemAction action)
    {
        var user = await Access.UserAsync();
        if (!user.May(CityAction.WorkOnProblems))
        {
            _error = T["access.denied"];
            return;
        }
        _error = null;
        try
        {
            // The history says who took each step.
            await Lifecycle.ApplyAsync(Problem.Id, action, Actor.Of(user, Address.Value), _text, action == ProblemAction.Assign ? _departmentId : null);
            _text = null;
            await Changed.InvokeAsync();
        }
        catch (ProblemRejectedException e)
        {
            _error = T["problems.rejected." + action] + " (" + e.Message + ")";
        }
    }

    private string Name<TItem>(IReadOnlyDictionary<int, TItem>? items, int? id) where TItem : RefItem => id is { } i ? items?.GetValueOrDefault(i)?.Name(T) ?? "" : "—";
}
