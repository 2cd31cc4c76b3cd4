namespace IKomek.Dashboard.Features.Projects;

/// <summary>
/// The complaints-rising panel's rows for the projects a page lists. The trend reads months of appeals, so it is read
/// only once the page is drawn (<see cref="StartAsync"/> from the first OnAfterRender, never while prerendering), and
/// the counts and the list never wait for it; after that each reload of the page's projects filters it again.
/// </summary>
public sealed class ComplaintRises(PortfolioQueries queries)
{
    private HashSet<int> _shown = [];
    private bool _started;

    /// <summary>The rises among the listed projects; null until the first read.</summary>
    public IReadOnlyList<ComplaintRiseRow>? Rows { get; private set; }

    public async Task ShowAsync(IEnumerable<int> projectIds)
    {
        _shown = projectIds.ToHashSet();
        if (_started) await ReadAsync();
    }

    public async Task StartAsync()
    {
        _started = true;
        await ReadAsync();
    }

    private async Task ReadAsync() =>
        Rows = (await queries.GetCachedComplaintRisesAsync()).Where(r => _shown.Contains(r.ProjectId)).ToList();
}
