using System.Net;
using IKomek.Dashboard.Features.Intake.Open311;
using IKomek.Dashboard.Platform.RateLimits;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace IKomek.Dashboard.Tests.Features.Intake;

/// <summary>The API's limits on the shared counters: a key's own limit, an address's requests and key guesses (counts only).</summary>
public sealed class Open311RateLimitsTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private Open311RateLimits Limits(Open311RateLimitOptions options) =>
        new(options, new RateCounters(database.DataSource, TimeProvider.System, NullLogger<RateCounters>.Instance));

    [Fact]
    public async Task Key_OverItsLimit_IsRefusedWithAWait_OtherKeysAndTheirOwnLimitsAreNot()
    {
        var limits = Limits(new Open311RateLimitOptions { PerKeyPerMinute = 2 });

        Assert.Null(await limits.KeyUseAsync(1, null, default));
        Assert.Null(await limits.KeyUseAsync(1, null, default));
        Assert.True(await limits.KeyUseAsync(1, null, default) > TimeSpan.Zero);
        Assert.Null(await limits.KeyUseAsync(2, null, default));
        Assert.Null(await limits.KeyUseAsync(3, 5, default));
        Assert.Null(await limits.KeyUseAsync(3, 5, default));
        Assert.Null(await limits.KeyUseAsync(3, 5, default));
    }

    [Fact]
    public async Task Guesses_AndRequests_AreCountedPerAddress()
    {
        var limits = Limits(new Open311RateLimitOptions { InvalidKeysPerAddressPerMinute = 2, PerAddressPerMinute = 3 });
        var attacker = IPAddress.Parse("203.0.113.9");

        Assert.Null(await limits.GuessAsync(attacker, default));
        Assert.Null(await limits.GuessAsync(attacker, default));
        Assert.NotNull(await limits.GuessAsync(attacker, default));
        Assert.Null(await limits.GuessAsync(IPAddress.Parse("203.0.113.10"), default));

        for (var i = 0; i < 3; i++) Assert.Null(await limits.AddressUseAsync(attacker, default));
        Assert.NotNull(await limits.AddressUseAsync(attacker, default));
        Assert.Null(await limits.AddressUseAsync(null, default));
    }
}
