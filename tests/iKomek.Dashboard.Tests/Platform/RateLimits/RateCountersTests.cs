using Dapper;
using IKomek.Dashboard.Platform.RateLimits;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IKomek.Dashboard.Tests.Platform.RateLimits;

/// <summary>
/// The shared counters on a real PostgreSQL: two instances stand for two app nodes on one database (counts only, the
/// clocks stand still until a test moves them).
/// </summary>
public sealed class RateCountersTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    // A whole minute from the Unix epoch, like the windows: the arithmetic below reads plainly.
    private static readonly DateTimeOffset Start = new(2026, 3, 31, 9, 0, 0, TimeSpan.Zero);

    private RateCounters Node(TimeProvider clock) => new(database.DataSource, clock, NullLogger<RateCounters>.Instance);

    [Fact]
    public async Task TwoNodes_ShareOneLimit_TheAttemptsOfBothCount()
    {
        var clock = new TestClock.ManualClock(Start);
        var (a, b) = (Node(clock), Node(clock));

        var answers = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await a.TakeAsync("two-nodes", 6, Minute, default) is null);
            answers.Add(await b.TakeAsync("two-nodes", 6, Minute, default) is null);
        }

        Assert.Equal([true, true, true, true, true, true, false, false], answers);
        Assert.Null(await a.TakeAsync("another-bucket", 6, Minute, default));
    }

    [Fact]
    public async Task Refused_SaysHowLong_AndAfterThatWaitTheNextAttemptPasses()
    {
        var clock = new TestClock.ManualClock(Start + TimeSpan.FromSeconds(30));
        var node = Node(clock);
        for (var i = 0; i < 3; i++) Assert.Null(await node.TakeAsync("wait", 3, Minute, default));

        var wait = await node.TakeAsync("wait", 3, Minute, default);

        // Four attempts in this window: the next fits once the sliding minute holds at most two of them, 30 s into
        // the next window (4 x (1 - 30/60) = 2).
        Assert.Equal(TimeSpan.FromSeconds(60), wait);
        clock.Advance(wait!.Value);
        Assert.Null(await Node(clock).TakeAsync("wait", 3, Minute, default));
    }

    [Fact]
    public async Task SlidingWindow_WeighsThePreviousMinute_ByTheShareStillInside()
    {
        var clock = new TestClock.ManualClock(Start + TimeSpan.FromSeconds(50));
        var node = Node(clock);
        for (var i = 0; i < 10; i++) Assert.Null(await node.TakeAsync("sliding", 10, Minute, default));

        // 15 s into the next minute, three quarters of the previous one's ten still count: two more fit, not ten.
        clock.Advance(TimeSpan.FromSeconds(25));
        Assert.Null(await node.TakeAsync("sliding", 10, Minute, default));
        Assert.Null(await node.TakeAsync("sliding", 10, Minute, default));
        Assert.NotNull(await node.TakeAsync("sliding", 10, Minute, default));
    }

    [Fact]
    public async Task OverTheLimitOnThisNode_IsRefusedFromMemory_WithoutWritingToTheDatabase()
    {
        var clock = new TestClock.ManualClock(Start);
        var node = Node(clock);
        for (var i = 0; i < 50; i++) await node.TakeAsync("flood", 10, Minute, default);

        await using var conn = await database.DataSource.OpenConnectionAsync();
        // The database counted the ten attempts it allowed; the forty refused here cost it nothing.
        Assert.Equal(10, await conn.ExecuteScalarAsync<int>("SELECT hits FROM rate_counters WHERE bucket = 'flood'"));
    }

    [Fact]
    public async Task Streak_GrowsAcrossNodes_AndStartsAgainAfterAQuietWindow_ForgottenOnEveryNode()
    {
        var clock = new TestClock.ManualClock(Start);
        var (a, b) = (Node(clock), Node(clock));
        await a.HitStreakAsync("streak", Minute, default);
        await b.HitStreakAsync("streak", Minute, default);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(new Streak(3, clock.GetUtcNow()), await a.HitStreakAsync("streak", Minute, default));

        clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, (await b.HitStreakAsync("streak", Minute, default)).Hits);
        Assert.Equal(1, (await b.ReadAsync(["streak"], default))["streak"].Hits);

        await a.ForgetAsync("streak", default);
        Assert.Empty(await b.ReadAsync(["streak"], default));
    }

    [Fact]
    public async Task RowsTwoWindowsOld_ArePurged_TheLiveOnesKept()
    {
        var clock = new TestClock.ManualClock(Start.AddDays(1));
        var node = Node(clock);
        await using (var conn = await database.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("""
                INSERT INTO rate_counters VALUES ('old', 60, @old, 5, 0, @old), ('recent', 900, @recent, 5, 0, @recent)
                """, new { old = clock.GetUtcNow().AddMinutes(-3), recent = clock.GetUtcNow().AddMinutes(-20) });
        }

        await node.TakeAsync("purging", 10, Minute, default);

        var left = await node.ReadAsync(["old", "recent", "purging"], default);
        Assert.Equal(["purging", "recent"], left.Keys.Order());
    }

    [Fact]
    public async Task DatabaseOutOfReach_TheNodeDecidesOnItsOwnCount_NothingThrows()
    {
        // A server that is not there: connection refused, as while PostgreSQL restarts.
        await using var down = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=2");
        var node = new RateCounters(down, new TestClock.ManualClock(Start), NullLogger<RateCounters>.Instance);

        var answers = new List<bool>();
        for (var i = 0; i < 4; i++) answers.Add(await node.TakeAsync("outage", 3, Minute, default) is null);
        await node.HitWindowAsync("outage-window", Minute, default);
        await node.HitStreakAsync("outage-streak", Minute, default);

        Assert.Equal([true, true, true, false], answers);
        var read = await node.ReadAsync(["outage-window", "outage-streak", "never"], default);
        Assert.Equal((1, 1), (read["outage-window"].Hits, read["outage-streak"].Hits));
        await node.ForgetAsync("outage-streak", default);
        Assert.False((await node.ReadAsync(["outage-streak"], default)).ContainsKey("outage-streak"));
    }

    [Theory]
    [InlineData(0, 10, 0, 9, 66)]      // 10 x (1 - 6/60) = 9 six seconds into the next minute
    [InlineData(30, 4, 0, 2, 60)]      // 4 x (1 - 30/60) = 2 half a minute into the next
    [InlineData(15, 2, 8, 9, 0)]       // at most 9 already: 8 x 0.75 + 2 = 8
    [InlineData(15, 2, 8, 4, 30)]      // 8 x (1 - f) + 2 = 4 when f = 0.75
    public void UntilAtMost_SolvesTheLinearFade(int secondsIn, int hits, int previous, int target, int expectedSeconds)
    {
        var count = new WindowCount(Start, Minute, hits, previous);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), count.UntilAtMost(target, Start + TimeSpan.FromSeconds(secondsIn)));
    }
}
