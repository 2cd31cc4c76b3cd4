using IKomek.Dashboard.Platform.RateLimits;

namespace IKomek.Dashboard.Features.Accounts;

/// <summary>
/// Slows password guessing without letting a guesser lock an account out. Failures count per (login, address) pair:
/// after <see cref="FreeFailures"/> the pair waits <see cref="FirstBackOff"/>, doubling with each further failure up to
/// <see cref="Window"/>; and per address: after <see cref="PerAddress"/> failures over any logins within the sliding
/// <see cref="Window"/> the address waits until its count is below that again. A refused attempt is answered before
/// the password is hashed (a check costs about 135 ms of CPU). The right password from another address always gets
/// through. A success clears its pair. Counted in PostgreSQL (<see cref="RateCounters"/>), so every app node sees the
/// failures made through the others.
/// </summary>
public sealed class SignInThrottle(RateCounters counters, TimeProvider time)
{
    public const int FreeFailures = 3;
    public static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(2);
    public const int PerAddress = 30;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>How long this login from this address must wait before its next attempt; null when it may try now.</summary>
    public async ValueTask<TimeSpan?> RetryAfterAsync(string login, string? address, CancellationToken ct)
    {
        var (pairBucket, addressBucket) = (Pair(login, address), Address(address));
        var counts = await counters.ReadAsync([pairBucket, addressBucket], ct);
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        // Below the free failures there is no wait at all: the last failure's time may come from another node's clock,
        // a little ahead of this one's (two nodes' clocks apart by a second refused a pair's second try).
        if (counts.TryGetValue(pairBucket, out var pair) && BackOff(pair.Hits) > TimeSpan.Zero) wait = pair.Last + BackOff(pair.Hits) - now;
        if (counts.TryGetValue(addressBucket, out var failures) && failures.At(now, Window) is var window && window.Estimate(now) >= PerAddress
            && window.UntilAtMost(PerAddress - 1, now) is var addressWait && addressWait > wait)
            wait = addressWait;
        return wait > TimeSpan.Zero ? wait : null;
    }

    public async ValueTask FailedAsync(string login, string? address, CancellationToken ct)
    {
        await counters.HitStreakAsync(Pair(login, address), Window, ct);
        await counters.HitWindowAsync(Address(address), Window, ct);
    }

    public ValueTask SucceededAsync(string login, string? address, CancellationToken ct) => counters.ForgetAsync(Pair(login, address), ct);

    /// <summary>No wait for the first <see cref="FreeFailures"/>; then 2 s, 4 s, 8 s ... at most <see cref="Window"/>.</summary>
    public static TimeSpan BackOff(int failures) =>
        failures < FreeFailures ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Min(Window.Ticks, FirstBackOff.Ticks << Math.Min(failures - FreeFailures, 20)));

    private static string Pair(string login, string? address) => "sign-in-pair:" + login + "\n" + (address ?? "unknown");

    private static string Address(string? address) => "sign-in-address:" + (address ?? "unknown");
}
