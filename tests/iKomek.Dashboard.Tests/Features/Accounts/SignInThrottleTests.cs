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
    public void Login_AfterTenFailures_IsBlockedUntilTheyAgeOut_OtherLoginsAreNot()
    {
        var clock = new ManualClock();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.PerLogin - 1; i++) throttle.Failed("admin", "10.0.0." + i);
        Assert.False(throttle.IsBlocked("admin", "10.0.0.99"));

        throttle.Failed("admin", "10.0.0.50");

        Assert.True(throttle.IsBlocked("admin", "10.0.0.99"));
        Assert.False(throttle.IsBlocked("analyst", "10.0.0.99"));
        clock.Advance(SignInThrottle.Window);
        Assert.False(throttle.IsBlocked("admin", "10.0.0.99"));
    }

    [Fact]
    public void Address_AfterThirtyFailuresOverManyLogins_IsBlockedForEveryLogin()
    {
        var throttle = new SignInThrottle(new ManualClock());
        for (var i = 0; i < SignInThrottle.PerAddress; i++) throttle.Failed("guess" + i, "203.0.113.7");

        Assert.True(throttle.IsBlocked("admin", "203.0.113.7"));
        Assert.False(throttle.IsBlocked("admin", "203.0.113.8"));
    }

    [Fact]
    public void Success_ClearsItsLoginsFailures()
    {
        var throttle = new SignInThrottle(new ManualClock());
        for (var i = 0; i < SignInThrottle.PerLogin; i++) throttle.Failed("operator", null);
        Assert.True(throttle.IsBlocked("operator", null));

        throttle.Succeeded("operator");

        Assert.False(throttle.IsBlocked("operator", null));
    }
}
