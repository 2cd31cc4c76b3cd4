using IKomek.Dashboard.Platform.Changes;

namespace IKomek.Dashboard.Features.CitySystems.Alerts;

/// <summary>
/// Evaluates the alert rules as readings arrive: every intake change ('systems' with objects) starts an evaluation,
/// coalesced to one at a time; the ranges of the changes heard meanwhile are evaluated together. Changes of alerts
/// alone (first_id = 0) are the evaluator's own and start nothing.
/// </summary>
public sealed class AlertListener(ChangeFeed feed, AlertEvaluator evaluator, ILogger<AlertListener> log) : IHostedService
{
    /// <summary>Short: an alert reaches the live panel within a second of its reading.</summary>
    private static readonly TimeSpan CoalesceWithin = TimeSpan.FromMilliseconds(50);

    private readonly Lock _lock = new();
    private long _first = long.MaxValue;
    private long _last;
    private IDisposable? _subscription;
    private CoalescingTrigger? _trigger;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _trigger = new CoalescingTrigger(CoalesceWithin, EvaluateAsync);
        _subscription = feed.Subscribe(change =>
        {
            if (change is not { Kind: "systems", FirstId: > 0 }) return;
            lock (_lock)
            {
                _first = Math.Min(_first, change.FirstId);
                _last = Math.Max(_last, change.LastId);
            }
            _trigger.Trigger();
        });
        return Task.CompletedTask;
    }

    private async Task EvaluateAsync()
    {
        long first, last;
        lock (_lock)
        {
            (first, last) = (_first, _last);
            (_first, _last) = (long.MaxValue, 0);
        }
        if (last == 0) return;
        try
        {
            await evaluator.OnChangesAsync(first, last);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The minute's sweep evaluates what is beyond the watermark: a failure here delays an alert, it loses none.
            log.LogWarning(e, "Alert evaluation of changes {First}..{Last} failed", first, last);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _trigger?.Dispose();
        return Task.CompletedTask;
    }
}
