using System.Collections.Concurrent;

namespace IKomek.Dashboard.Features.Accounts;

/// <summary>
/// Slows password guessing without letting a guesser lock an account out. Failures count per (login, address) pair:
/// after <see cref="FreeFailures"/> the pair waits <see cref="FirstBackOff"/>, doubling with each further failure up to
/// <see cref="Window"/>; and per address: after <see cref="PerAddress"/> failures over any logins within
/// <see cref="Window"/> the address waits until the oldest ages out. A refused attempt is answered before the password
/// is hashed (a check costs about 135 ms of CPU). The right password from another address always gets through. A
/// success clears its pair. Kept in memory per node: a few nodes multiply the limits, which still bounds guessing.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(2);
    public const int PerAddress = 30;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const int MaxKeys = 10_000;
    private readonly ConcurrentDictionary<string, PairFailures> _pairs = new();
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _addresses = new();

    private sealed class PairFailures
    {
        public int Count;
        public DateTimeOffset Last;
    }

    /// <summary>How long this login from this address must wait before its next attempt; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string login, string? address)
    {
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        if (_pairs.TryGetValue(Pair(login, address), out var pair))
        {
            lock (pair) wait = pair.Last + BackOff(pair.Count) - now;
        }
        if (_addresses.TryGetValue(Address(address), out var failures))
        {
            lock (failures)
            {
                Prune(failures, now);
                if (failures.Count >= PerAddress && failures.Peek() + Window - now is var addressWait && addressWait > wait) wait = addressWait;
            }
        }
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string login, string? address)
    {
        var now = time.GetUtcNow();
        // Logins sprayed at random would each leave a key: drop the ones that have aged out.
        if (_pairs.Count > MaxKeys)
        {
            foreach (var key in _pairs.Where(p => now - p.Value.Last > Window).Select(p => p.Key).ToList()) _pairs.TryRemove(key, out _);
        }
        if (_addresses.Count > MaxKeys)
        {
            foreach (var key in _addresses.Where(a => { lock (a.Value) { Prune(a.Value, now); return a.Value.Count == 0; } }).Select(a => a.Key).ToList())
                _addresses.TryRemove(key, out _);
        }

        var pair = _pairs.GetOrAdd(Pair(login, address), _ => new PairFailures());
        lock (pair)
        {
            // A pair that stayed quiet for a whole window starts again from nothing.
            if (now - pair.Last > Window) pair.Count = 0;
            pair.Count++;
            pair.Last = now;
        }
        var failures = _addresses.GetOrAdd(Address(address), _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Prune(failures, now);
            failures.Enqueue(now);
        }
    }

    public void Succeeded(string login, string? address) => _pairs.TryRemove(Pair(login, address), out _);

    /// <summary>No wait for the first <see cref="FreeFailures"/>; then 2 s, 4 s, 8 s ... at most <see cref="Window"/>.</summary>
    public static TimeSpan BackOff(int failures) =>
        failures < FreeFailures ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Min(Window.Ticks, FirstBackOff.Ticks << Math.Min(failures - FreeFailures, 20)));

    private static string Pair(string login, string? address) => login + "\n" + Address(address);

    private static string Address(string? address) => address ?? "unknown";

    private static void Prune(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() <= now - Window) failures.Dequeue();
    }
}
