
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Components;
using IKomek.Dashboard.Platform.Changes;

namespace IKomek.Dashboard.Features.SystemicProblems;

public sealed partial class ProblemCountersPanel : ComponentBase, IDisposable
{
    private ProblemCounters? _c;
    private LiveSubscription? _live;

    /// <summary>With a link to the ranked list (the live panel).</summary>
    [Parameter] public bool Compact { get; set; }
    [Inject] private SystemicProblemsQueries Queries { get; set; } = default!;
    [Inject] private ChangeFeed Feed { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;
    [Inject] private ILogger<ProblemCountersPanel> Log { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _live = new LiveSubscription(Feed, change => change.Kind == "problems", ReloadAsync, InvokeAsync, DispatchExceptionAsync, Log);
        _c = await Queries.GetCountersAsync(_live.Stopping);
    }

    private async Task ReloadAsync()
    {
        _c = await Queries.GetCountersAsync(_live!.Stopping);
        StateHasChanged();
    }

    public void Dispose() => _live?.Dispose();
}
