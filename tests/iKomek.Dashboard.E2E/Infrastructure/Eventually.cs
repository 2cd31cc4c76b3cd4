namespace IKomek.Dashboard.E2E.Infrastructure;

/// <summary>Waits for a condition that other processes bring about (an app, its PostgreSQL, writers), polling.</summary>
public static class Eventually
{
    public static Task UntilAsync(Func<bool> condition, int seconds = 60) => UntilAsync(() => Task.FromResult(condition()), seconds);

    public static async Task UntilAsync(Func<Task<bool>> condition, int seconds = 60)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(seconds);
        while (!await condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline) throw new TimeoutException($"condition not met in {seconds} s");
            await Task.Delay(100);
        }
    }
}
