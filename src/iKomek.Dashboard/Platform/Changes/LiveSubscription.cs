using IKomek.Dashboard.Platform.Localization;

namespace IKomek.Dashboard.Platform.Changes;

/// <summary>
/// A component's live view of the change feed: changes that pass <c>filter</c> start <c>refresh</c>, coalesced to at
/// most one run per interval (with a trailing run after the last change), run through the component's dispatcher
/// (<c>InvokeAsync</c>) in the reader's culture. A failed refresh is logged and handed to <c>onError</c> (which shows
/// it) and the subscription stays alive for the next change. Dispose it with the component.
/// </summary>
/// <remarks>
/// Create it on the render path (<c>OnInitialized</c>, <c>OnParametersSet</c>): it captures the reader's cultures
/// there, because the change feed calls back on its own thread.
/// </remarks>
public sealed class LiveSubscription : IDisposable
{
    /// <summary>A panel redraws a few times a second at most, however many appeals arrive.</summary>
    public static readonly TimeSpan DefaultCoalesceWithin = TimeSpan.FromMilliseconds(300);

    private readonly Func<CityChange, bool> _filter;
    private readonly Func<Task> _refresh;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Func<Exception, Task> _onError;
    private readonly ILogger _log;
    private readonly CircuitCulture _culture;
    private readonly CoalescingTrigger _trigger;
    private readonly IDisposable _subscription;
    private readonly CancellationTokenSource _disposed = new();

    /// <param name="feed">The node's change feed.</param>
    /// <param name="filter">Which changes concern this component; called on the feed's thread, so keep it cheap.</param>
    /// <param name="refresh">Reloads and re-renders (calls <c>StateHasChanged</c>); runs on the component's dispatcher.</param>
    /// <param name="dispatch">The component's <c>InvokeAsync</c>.</param>
    /// <param name="onError">Shows a failed refresh, e.g. the component's <c>DispatchExceptionAsync</c> (the layout's error boundary).</param>
    /// <param name="log">Where a failed refresh is logged.</param>
    /// <param name="coalesceWithin">At most one refresh per this interval; <see cref="DefaultCoalesceWithin"/> when null.</param>
    /// <param name="time">The clock of the coalescing (tests); the system's when null.</param>
    public LiveSubscription(ChangeFeed feed, Func<CityChange, bool> filter, Func<Task> refresh, Func<Func<Task>, Task> dispatch,
        Func<Exception, Task> onError, ILogger log, TimeSpan? coalesceWithin = null, TimeProvider? time = null)
    {
        _filter = filter;
        _refresh = refresh;
        _dispatch = dispatch;
        _onError = onError;
        _log = log;
        _culture = CircuitCulture.Capture();
        _trigger = new CoalescingTrigger(coalesceWithin ?? DefaultCoalesceWithin, DispatchRefreshAsync, time);
        _subscription = feed.Subscribe(OnChange);
    }

    /// <summary>The cultures refreshes run in (the reader's, captured when this was created).</summary>
    public CircuitCulture Culture => _culture;

    /// <summary>Asks for a refresh for another reason than a change (a clock tick, the feed reconnecting); coalesced like changes.</summary>
    public void Trigger()
    {
        if (!_disposed.IsCancellationRequested) _trigger.Trigger();
    }

    /// <summary>Refreshes at once, not coalesced (a refresh button), with the same culture and error handling.</summary>
    public Task RefreshNowAsync() => _disposed.IsCancellationRequested ? Task.CompletedTask : _dispatch(RefreshInCultureAsync);

    /// <summary>Cancelled when the subscription is disposed: pass it to the queries a refresh runs.</summary>
    public CancellationToken Stopping => _disposed.Token;

    private void OnChange(CityChange change)
    {
        bool wanted;
        try
        {
            wanted = _filter(change);
        }
        catch (Exception e)
        {
            // Thrown here it would reach the feed's publishing loop and cost the subscribers after this one their change.
            _log.LogError(e, "A live filter failed on change {ChangeId} ({Kind})", change.Id, change.Kind);
            return;
        }
        if (wanted) Trigger();
    }

    private async Task DispatchRefreshAsync()
    {
        if (_disposed.IsCancellationRequested) return;
        try
        {
            await _dispatch(RefreshInCultureAsync);
        }
        catch (Exception e) when (_disposed.IsCancellationRequested)
        {
            // The component (and its circuit) went away while the refresh was queued or running: nothing to show it on.
            _log.LogDebug(e, "A live refresh ended with its component");
        }
        catch (Exception e)
        {
            // The dispatcher itself failed (the renderer is gone): the coalescing timer would otherwise lose this silently.
            _log.LogError(e, "A live refresh could not be dispatched");
        }
    }

    private async Task RefreshInCultureAsync()
    {
        if (_disposed.IsCancellationRequested) return;
        _culture.Apply();
        try
        {
            await _refresh();
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _log.LogError(e, "A live refresh failed; the next change retries");
            await _onError(e);
        }
    }

    // The token source is not disposed: a refresh still queued reads it, and it holds no timer.
    public void Dispose()
    {
        if (_disposed.IsCancellationRequested) return;
        _disposed.Cancel();
        _subscription.Dispose();
        _trigger.Dispose();
    }
}
