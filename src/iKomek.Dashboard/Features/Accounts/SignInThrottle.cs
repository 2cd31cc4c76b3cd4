using System.Collections.Concurrent;

namespace IKomek.Dashboard.Features.Accounts;

/// <summary>
/// Slows password guessing: after <see cref="PerLogin"/> failed sign-ins for one login, or <see cref="PerAddress"/> from
/// one address, within <see cref="Window"/>, further attempts are refused before the password is hashed (a check costs
/// about 135 ms of CPU, so unlimited attempts would also take the cores). A success clears its login's count. Kept in
/// memory per node: a few nodes multiply the limits, which still bounds guessing.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int PerLogin = 10;
    public const int PerAddress = 30;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const int MaxKeys = 10_000;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    public bool IsBlocked(string login, string? address) =>
        Count("login:" + login) >= PerLogin || (address is not null && Count("address:" + address) >= PerAddress);

    public void Failed(string login, string? address)
    {
        // Logins sprayed at random would each leave a key: drop the ones whose failures have aged out.
        if (_failures.Count > MaxKeys)
        {
            foreach (var key in _failures.Keys.Where(k => Count(k) == 0).ToList()) _failures.TryRemove(key, out _);
        }
        Add("login:" + login);
        if (address is not null) Add("address:" + address);
    }

    public void Succeeded(string login) => _failures.TryRemove("login:" + login, out _);

    private int Count(string key)
    {
        if (!_failures.TryGetValue(key, out var failures)) return 0;
        lock (failures)
        {
            Prune(failures);
            return failures.Count;
        }
    }

    private void Add(string key)
    {
        var failures = _failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            Prune(failures);
            failures.Enqueue(time.GetUtcNow());
        }
    }

    private void Prune(Queue<DateTimeOffset> failures)
    {
        var since = time.GetUtcNow() - Window;
        while (failures.Count > 0 && failures.Peek() <= since) failures.Dequeue();
    }
}
