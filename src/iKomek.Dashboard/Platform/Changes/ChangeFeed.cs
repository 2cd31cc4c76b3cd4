namespace IKomek.Dashboard.Platform.Changes;

/// <summary>
/// The in-process bus of database changes: the listener publishes, panels and the hub subscribe. Subscribers are
/// called on the listener's thread and must not block: they schedule their own (coalesced) work.
/// </summary>
public sealed class ChangeFeed
{
    private readonly Lock _lock = new();
    private Action<CityChange>[] _subscribers = [];

    /// <summary>True while the node's LISTEN connection is up; panels show their data as stale otherwise.</summary>
    public bool IsConnected { get; private set; }

    /// <summary>The connection was up and is lost: the database is out of reach (not merely not yet connected at start).</summary>
    public bool IsLost => !IsConnected && _wasConnected;

    private bool _wasConnected;

    /// <summary>When the last change arrived (UTC), for freshness displays.</summary>
    public DateTime? LastChangeUtc { get; private set; }

    /// <summary>Raised when <see cref="IsConnected"/> changes.</summary>
    public event Action<bool>? ConnectionChanged;

    public IDisposable Subscribe(Action<CityChange> onChange)
    {
        lock (_lock) _subscribers = [.. _subscribers, onChange];
        return new Subscription(this, onChange);
    }

    public void Publish(CityChange change)
    {
        LastChangeUtc = change.ReceivedUtc;
        foreach (var subscriber in Volatile.Read(ref _subscribers)) subscriber(change);
    }

    public void SetConnected(bool connected)
    {
        if (IsConnected == connected) return;
        IsConnected = connected;
        _wasConnected |= connected;
        ConnectionChanged?.Invoke(connected);
    }

    private void Unsubscribe(Action<CityChange> onChange)
    {
        lock (_lock) _subscribers = _subscribers.Where(s => s != onChange).ToArray();
    }

    private sealed class Subscription(ChangeFeed feed, Action<CityChange> onChange) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(onChange);
    }
}
