using System.Net;
using IKomek.Dashboard.Features.Intake.Open311;

namespace IKomek.Dashboard.Tests.Features.Intake;

/// <summary>The API's buckets: their sizes and refill, a key's own limit, an address's key guesses (counts only, no timing).</summary>
public sealed class Open311RateLimitsTests
{
    [Theory]
    [InlineData(10, 6000, 1)]
    [InlineData(600, 100, 1)]
    [InlineData(1200, 100, 2)]
    [InlineData(10_000_000, 100, 16667)]
    public void Bucket_HoldsAMinutesShare_RefilledEvenly(int perMinute, int periodMs, int tokens)
    {
        var bucket = Open311RateLimits.Bucket(perMinute);

        Assert.Equal((perMinute, TimeSpan.FromMilliseconds(periodMs), tokens), (bucket.TokenLimit, bucket.ReplenishmentPeriod, bucket.TokensPerPeriod));
        Assert.Equal(0, bucket.QueueLimit);
    }

    [Fact]
    public void Key_OverItsLimit_IsRefusedWithAWait_OtherKeysAndTheirOwnLimitsAreNot()
    {
        using var limits = new Open311RateLimits(new Open311RateLimitOptions { PerKeyPerMinute = 2 });

        Assert.Null(limits.KeyUse(1, null));
        Assert.Null(limits.KeyUse(1, null));
        Assert.True(limits.KeyUse(1, null) > TimeSpan.Zero);
        Assert.Null(limits.KeyUse(2, null));
        Assert.Null(limits.KeyUse(3, 5));
        Assert.Null(limits.KeyUse(3, 5));
        Assert.Null(limits.KeyUse(3, 5));
    }

    [Fact]
    public void Guesses_AreCountedPerAddress()
    {
        using var limits = new Open311RateLimits(new Open311RateLimitOptions { InvalidKeysPerAddressPerMinute = 2 });
        var attacker = IPAddress.Parse("203.0.113.9");

        Assert.Null(limits.Guess(attacker));
        Assert.Null(limits.Guess(attacker));
        Assert.NotNull(limits.Guess(attacker));
        Assert.Null(limits.Guess(IPAddress.Parse("203.0.113.10")));
    }
}
