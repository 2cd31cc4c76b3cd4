using IKomek.Dashboard.Features.Accounts;
using IKomek.Dashboard.Platform.RateLimits;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace IKomek.Dashboard.Tests.Features.Accounts;

/// <summary>The throttle's rules on the shared counters: each test's two throttles stand for two app nodes.</summary>
public sealed class SignInThrottleTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private readonly TestClock.ManualClock _clock = new(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));

    private SignInThrottle Node() => new(new RateCounters(database.DataSource, _clock, NullLogger<RateCounters>.Instance), _clock);

    [Fact]
    public async Task Pair_BacksOffExponentially_OverBothNodes_ButTheRightPasswordFromAnotherAddressIsNeverHeldBack()
    {
        var (a, b) = (Node(), Node());
        await a.FailedAsync("pair-admin", "203.0.113.7", default);
        await b.FailedAsync("pair-admin", "203.0.113.7", default);
        Assert.Null(await a.RetryAfterAsync("pair-admin", "203.0.113.7", default));

        await a.FailedAsync("pair-admin", "203.0.113.7", default);
        Assert.Equal(SignInThrottle.FirstBackOff, await b.RetryAfterAsync("pair-admin", "203.0.113.7", default));
        await b.FailedAsync("pair-admin", "203.0.113.7", default);
        Assert.Equal(SignInThrottle.FirstBackOff * 2, await a.RetryAfterAsync("pair-admin", "203.0.113.7", default));
        // Ten wrong passwords from one address, as today's lock-out took: admin still signs in from the office.
        for (var i = 0; i < 6; i++) await (i % 2 == 0 ? a : b).FailedAsync("pair-admin", "203.0.113.7", default);
        Assert.Equal(SignInThrottle.FirstBackOff * 128, await a.RetryAfterAsync("pair-admin", "203.0.113.7", default));
        Assert.Null(await b.RetryAfterAsync("pair-admin", "10.20.0.15", default));
        Assert.Null(await b.RetryAfterAsync("pair-analyst", "203.0.113.7", default));

        _clock.Advance(SignInThrottle.FirstBackOff * 128);
        Assert.Null(await b.RetryAfterAsync("pair-admin", "203.0.113.7", default));
    }

    [Fact]
    public void BackOff_DoublesUpToTheWindow()
    {
        Assert.Equal(TimeSpan.Zero, SignInThrottle.BackOff(SignInThrottle.FreeFailures - 1));
        Assert.Equal(SignInThrottle.FirstBackOff * 8, SignInThrottle.BackOff(SignInThrottle.FreeFailures + 3));
        Assert.Equal(SignInThrottle.Window, SignInThrottle.BackOff(SignInThrottle.FreeFailures + 30));
        Assert.Equal(SignInThrottle.Window, SignInThrottle.BackOff(int.MaxValue));
    }

    [Fact]
    public async Task Address_AfterThirtyFailuresOverManyLoginsAndBothNodes_WaitsForEveryLogin_UntilTheyAgeOut()
    {
        var (a, b) = (Node(), Node());
        for (var i = 0; i < SignInThrottle.PerAddress - 1; i++)
        {
            await (i % 2 == 0 ? a : b).FailedAsync("guess" + i, "203.0.113.70", default);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Null(await a.RetryAfterAsync("admin", "203.0.113.70", default));

        await b.FailedAsync("guess-last", "203.0.113.70", default);

        var wait = await a.RetryAfterAsync("admin", "203.0.113.70", default);
        Assert.InRange(wait!.Value, TimeSpan.FromSeconds(1), SignInThrottle.Window * 2);
        Assert.Null(await a.RetryAfterAsync("admin", "203.0.113.71", default));
        _clock.Advance(wait.Value);
        Assert.Null(await b.RetryAfterAsync("admin", "203.0.113.70", default));
    }

    [Fact]
    public async Task Success_ClearsItsPairsFailures_OnEveryNode()
    {
        var (a, b) = (Node(), Node());
        for (var i = 0; i < SignInThrottle.FreeFailures + 2; i++) await a.FailedAsync("success-operator", null, default);
        Assert.NotNull(await b.RetryAfterAsync("success-operator", null, default));

        await b.SucceededAsync("success-operator", null, default);

        Assert.Null(await a.RetryAfterAsync("success-operator", null, default));
    }

    [Fact]
    public async Task QuietPair_StartsAgainAfterAWindow()
    {
        var throttle = Node();
        for (var i = 0; i < SignInThrottle.FreeFailures + 5; i++) await throttle.FailedAsync("quiet-analyst", "10.0.0.1", default);
        _clock.Advance(SignInThrottle.Window + TimeSpan.FromSeconds(1));

        await throttle.FailedAsync("quiet-analyst", "10.0.0.1", default);

        Assert.Null(await throttle.RetryAfterAsync("quiet-analyst", "10.0.0.1", default));
    }
}
