using IKomek.Dashboard.Platform.Changes;

namespace IKomek.Dashboard.Features.Alerts;

/// <summary>
/// Raises alerts as their sources change, from the change feed: appeals written with critical ones among them (a new
/// critical appeal, the city status moving), city-system alerts opened or closed ('systems' of no objects), a mining
/// run ('problems'). Coalesced to one raising at a time; the minute's sweep catches whatever a failure here missed.
/// </summary>
public sealed class AlertSourcesListener(ChangeFeed feed, AlertRaiser raiser, ILogger<AlertSourcesListener> log) : IHostedService
{
    private IDisposable? _subscription;
    private CoalescingTrigger? _trigger;

    public static bool Concerns(CityChange change) => change switch
    {
        { Kind: "insert" or "update", Critical: > 0 } => true,
        { Kind: "systems", FirstId: 0 } => true,
        { Kind: "problems" } => true,
        _ => false,
    };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _trigger = new CoalescingTrigger(TimeSpan.FromMilliseconds(50), RaiseAsync, TimeProvider.System);
        _subscription = feed.Subscribe(change =>
        {
            if (Concerns(change)) _trigger.Trigger();
        });
        return Task.CompletedTask;
    }

    private async Task RaiseAsync()
    {
        try
        {
            await raiser.RaiseAsync(overdue: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Raising alerts on a change failed; the sweep raises them within a minute");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _trigger?.Dispose();
        return Task.CompletedTask;
    }
}
