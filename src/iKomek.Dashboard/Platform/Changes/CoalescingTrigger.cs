namespace IKomek.Dashboard.Platform.Changes;

/// <summary>
/// Turns a burst of triggers into at most one run per interval, always with a trailing run after the last trigger:
/// a panel re-renders a few times a second at most, however many appeals arrive, and never misses the last one.
/// </summary>
public sealed class CoalescingTrigger(TimeSpan interval, Func<Task> run, TimeProvider? time = null) : IDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private bool _scheduled, _running, _again;
    private long? _lastRun;
    private bool _disposed;

    public void Trigger()
    {
        lock (_lock)
        {
            if (_disposed) return;
            if (_running) { _again = true; return; }
            if (_scheduled) return;
            _scheduled = true;
            var sinceLast = _lastRun is { } last ? _time.GetElapsedTime(last) : interval;
            var wait = sinceLast >= interval ? TimeSpan.Zero : interval - sinceLast;
            _timer?.Dispose();
            _timer = _time.CreateTimer(_ => _ = RunAsync(), null, wait, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RunAsync()
    {
        lock (_lock)
        {
            _scheduled = false;
            _running = true;
            _lastRun = _time.GetTimestamp();
        }
        try
        {
            await run();
        }
        finally
        {
            bool again;
            lock (_lock)
            {
                _running = false;
                again = _again;
                _again = false;
            }
            if (again) Trigger();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }
}
