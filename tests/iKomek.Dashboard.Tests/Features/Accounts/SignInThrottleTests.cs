using IKomek.Dashboard.Features.Accounts;

namespace IKomek.Dashboard.Tests.Features.Accounts;

public sealed class SignInThrottleTests
{
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }

    [Fact]
    public void Pair_BacksOffExponentially_ButTheRightPasswordFromAnotherAddressIsNeverHeldBack()
    {
        var clock = new ManualClock();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.FreeFailures - 1; i++) throttle.Failed("admin", "203.0.113.7");
        Assert.Null(throttle.RetryAfter("admin", "203.0.113.7"));

        throttle.Failed("admin", "203.0.113.7");
        Assert.Equal(SignInThrottle.FirstBackOff, throttle.RetryAfter("admin", "203.0.113.7"));
        throttle.Failed("admin", "203.0.113.7");
        Assert.Equal(SignInThrottle.FirstBackOff * 2, throttle.RetryAfter("admin", "203.0.113.7"));
        // Ten wrong passwords from one address, as today's lock-out took: admin still signs in from the office.
        for (var i = 0; i < 6; i++) throttle.Failed("admin", "203.0.113.7");
        Assert.Equal(SignInThrottle.FirstBackOff * 128, throttle.RetryAfter("admin", "203.0.113.7"));
        Assert.Null(throttle.RetryAfter("admin", "10.20.0.15"));
        Assert.Null(throttle.RetryAfter("analyst", "203.0.113.7"));

        clock.Advance(SignInThrottle.FirstBackOff * 128);
        Assert.Null(throttle.RetryAfter("admin", "203.0.113.7"));
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
    public void Address_AfterThirtyFailuresOverManyLogins_WaitsForEveryLogin_UntilTheOldestAgesOut()
    {
        var clock = new ManualClock();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.PerAddress; i++)
        {
            throttle.Failed("guess" + i, "203.0.113.7");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.NotNull(throttle.RetryAfter("admin", "203.0.113.7"));
        Assert.Null(throttle.RetryAfter("admin", "203.0.113.8"));
        clock.Advance(SignInThrottle.Window - TimeSpan.FromSeconds(SignInThrottle.PerAddress));
        Assert.Null(throttle.RetryAfter("admin", "203.0.113.7"));
    }

    [Fact]
    public void Success_ClearsItsPairsFailures()
    {
        var throttle = new SignInThrottle(new ManualClock());
        for (var i = 0; i < SignInThrottle.FreeFailures + 2; i++) throttle.Failed("operator", null);
        Assert.NotNull(throttle.RetryAfter("operator", null));

        throttle.Succeeded("operator", null);

        Assert.Null(throttle.RetryAfter("operator", null));
    }

    [Fact]
    public void QuietPair_StartsAgainAfterAWindow()
    {
        var clock = new ManualClock();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.FreeFailures + 5; i++) throttle.Failed("analyst", "10.0.0.1");
        clock.Advance(SignInThrottle.Window + TimeSpan.FromSeconds(1));

        throttle.Failed("analyst", "10.0.0.1");

        Assert.Null(throttle.RetryAfter("analyst", "10.0.0.1"));
    }
}
