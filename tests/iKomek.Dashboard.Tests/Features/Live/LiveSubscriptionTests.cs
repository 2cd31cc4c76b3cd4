using System.Collections.Concurrent;
using System.Globalization;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using IKomek.Dashboard.Platform.Changes;

namespace IKomek.Dashboard.Tests.Features.Live;

/// <summary>
/// LiveSubscription on the in-process change feed and Blazor's own dispatcher, changes published from another thread
/// with the invariant culture, as the feed's listener does.
/// </summary>
public sealed class LiveSubscriptionTests
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(50);
    private readonly ChangeFeed _feed = new();
    private readonly Dispatcher _dispatcher = Dispatcher.CreateDefault();

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    [InlineData("en")]
    public async Task Refresh_RunsInTheCulturesOfTheSubscriber_NotOfTheFeedsThread(string language)
    {
        var seen = new ConcurrentQueue<(string Ui, string Format, string Thousands, string Share)>();
        using var live = await SubscribeInAsync("ru-KZ", language, () =>
        {
            seen.Enqueue((CultureInfo.CurrentUICulture.Name, CultureInfo.CurrentCulture.Name, 3125.ToString("N0"), 0.844.ToString("P1")));
            return Task.CompletedTask;
        });

        await PublishFromFeedThreadAsync(Change("insert"));
        await WaitUntilAsync(() => !seen.IsEmpty);

        var (ui, format, thousands, share) = seen.Single();
        Assert.Equal(language, ui);
        Assert.Equal("ru-KZ", format);
        // ru-KZ: no-break space between thousands, decimal comma; not "3,125" and "84.4 %".
        Assert.Equal("3\u00a0125", thousands);
        Assert.StartsWith("84,4", share);
    }

    [Fact]
    public async Task Burst_RefreshesFewTimes_AndOnceMoreAfterTheLastChange()
    {
        var published = 0;
        var runs = 0;
        var lastSeen = 0;
        using var live = await SubscribeInAsync("ru-KZ", "ru", async () =>
        {
            Interlocked.Increment(ref runs);
            var now = Volatile.Read(ref published);
            await Task.Delay(20);
            Volatile.Write(ref lastSeen, now);
        });

        await Task.Run(async () =>
        {
            for (var i = 1; i <= 300; i++)
            {
                Volatile.Write(ref published, i);
                _feed.Publish(Change("insert", i));
                if (i % 50 == 0) await Task.Delay(5);
            }
        });
        await WaitUntilAsync(() => Volatile.Read(ref lastSeen) == 300);

        Assert.InRange(runs, 1, 30);
    }

    [Fact]
    public async Task ChangesTheFilterRejects_DoNotRefresh()
    {
        var runs = new ConcurrentQueue<int>();
        using var live = await SubscribeInAsync("ru-KZ", "ru", () => { runs.Enqueue(runs.Count); return Task.CompletedTask; },
            filter: change => change.Kind == "problems");

        await PublishFromFeedThreadAsync(Change("insert"));
        await PublishFromFeedThreadAsync(Change("update"));
        await Task.Delay(500);
        Assert.Empty(runs);

        await PublishFromFeedThreadAsync(Change("problems"));
        await WaitUntilAsync(() => !runs.IsEmpty);
    }

    [Fact]
    public async Task FailedRefresh_IsLoggedAndShown_AndTheNextChangeRefreshesAgain()
    {
        var log = new ListLogger();
        var shown = new ConcurrentQueue<Exception>();
        var calls = 0;
        using var live = await SubscribeInAsync("ru-KZ", "kk", () =>
        {
            if (Interlocked.Increment(ref calls) == 1) throw new InvalidOperationException("the read failed");
            return Task.CompletedTask;
        }, onError: e => { shown.Enqueue(e); return Task.CompletedTask; }, log: log);

        await PublishFromFeedThreadAsync(Change("insert"));
        await WaitUntilAsync(() => !shown.IsEmpty);
        await PublishFromFeedThreadAsync(Change("insert"));
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 2);

        Assert.Equal("the read failed", Assert.Single(shown).Message);
        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Fact]
    public async Task ErrorHandler_RunsInTheReadersCulture_OnTheDispatcher()
    {
        var shownIn = new ConcurrentQueue<string>();
        using var live = await SubscribeInAsync("ru-KZ", "en", () => throw new TimeoutException(),
            onError: _ =>
            {
                _dispatcher.AssertAccess();
                shownIn.Enqueue(CultureInfo.CurrentUICulture.Name);
                return Task.CompletedTask;
            });

        await PublishFromFeedThreadAsync(Change("insert"));
        await WaitUntilAsync(() => !shownIn.IsEmpty);

        Assert.Equal("en", Assert.Single(shownIn));
    }

    [Fact]
    public async Task FailingFilter_IsLogged_AndOtherSubscribersStillGetTheChange()
    {
        var log = new ListLogger();
        var others = new ConcurrentQueue<CityChange>();
        using var other = _feed.Subscribe(others.Enqueue);
        using var live = await SubscribeInAsync("ru-KZ", "ru", () => Task.CompletedTask, log: log,
            filter: _ => throw new InvalidOperationException("bad filter"));

        // The failing subscriber came after the other one; a second other subscriber after it must not lose the change either.
        var after = new ConcurrentQueue<CityChange>();
        using var last = _feed.Subscribe(after.Enqueue);
        await PublishFromFeedThreadAsync(Change("insert"));

        Assert.Single(others);
        Assert.Single(after);
        Assert.Equal(LogLevel.Error, Assert.Single(log.Entries).Level);
    }

    [Fact]
    public async Task Disposed_NoLongerRefreshes_AndLeavesTheFeed()
    {
        var runs = 0;
        var live = await SubscribeInAsync("ru-KZ", "ru", () => { Interlocked.Increment(ref runs); return Task.CompletedTask; });
        await PublishFromFeedThreadAsync(Change("insert"));
        await WaitUntilAsync(() => Volatile.Read(ref runs) == 1);

        live.Dispose();
        live.Trigger();
        await PublishFromFeedThreadAsync(Change("insert"));
        await live.RefreshNowAsync();
        await Task.Delay(500);

        Assert.Equal(1, Volatile.Read(ref runs));
        Assert.True(live.Stopping.IsCancellationRequested);
    }

    [Fact]
    public async Task RefreshNow_RunsAtOnceInTheReadersCulture()
    {
        string? ui = null;
        using var live = await SubscribeInAsync("ru-KZ", "kk", () => { ui = CultureInfo.CurrentUICulture.Name; return Task.CompletedTask; });

        await Task.Run(async () =>
        {
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            await live.RefreshNowAsync();
        });

        Assert.Equal("kk", ui);
    }

    /// <summary>Subscribes as a component does while it renders: with the reader's cultures current.</summary>
    private Task<LiveSubscription> SubscribeInAsync(string culture, string uiCulture, Func<Task> refresh,
        Func<CityChange, bool>? filter = null, Func<Exception, Task>? onError = null, ILogger? log = null) =>
        // Task.Run: the cultures set here stay in this flow and do not leak into the test's.
        Task.Run(() =>
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            CultureInfo.CurrentUICulture = new CultureInfo(uiCulture);
            return new LiveSubscription(_feed, filter ?? (_ => true), refresh, _dispatcher.InvokeAsync,
                onError ?? (_ => Task.CompletedTask), log ?? NullLogger.Instance, Coalesce);
        });

    /// <summary>Publishes as the listener does: on its own thread, with the invariant cultures.</summary>
    private Task PublishFromFeedThreadAsync(CityChange change) => Task.Run(() =>
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        _feed.Publish(change);
    });

    private static CityChange Change(string kind, long id = 1) => new(id, kind, 1, id, id, 0, DateTime.UtcNow);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }

    private sealed class ListLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, Exception? Exception)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning) Entries.Enqueue((logLevel, exception));
        }
    }
}
