using IKomek.Dashboard.Platform.Changes;


namespace IKomek.Dashboard.Tests.Platform.Changes;

public sealed class CoalescingTriggerTests
{
    [Fact]
    public async Task Burst_RunsFewTimes_AndOnceAfterTheLastTrigger()
    {
        var runs = 0;
        var lastTriggerSeenByRun = 0;
        var triggered = 0;
        using var trigger = new CoalescingTrigger(TimeSpan.FromMilliseconds(100), async () =>
        {
            Interlocked.Increment(ref runs);
            await Task.Delay(10);
            Volatile.Write(ref lastTriggerSeenByRun, Volatile.Read(ref triggered));
        });

        for (var i = 1; i <= 1000; i++)
        {
            Volatile.Write(ref triggered, i);
            trigger.Trigger();
            if (i % 100 == 0) await Task.Delay(5);
        }
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref lastTriggerSeenByRun) != 1000 && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal(1000, lastTriggerSeenByRun);
        Assert.InRange(runs, 1, 10);
    }
}
