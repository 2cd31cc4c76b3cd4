using System.Collections.Concurrent;
using Dapper;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Intake;

using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using IKomek.Dashboard.Platform.Changes;

namespace IKomek.Dashboard.Tests.Platform.Changes;

/// <summary>The LISTEN/NOTIFY change feed against the real PostgreSQL: delivery, and catch-up after a lost connection.</summary>
public sealed class ChangeFeedListenerTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task NewAppeal_ReachesSubscribers()
    {
        var (listener, received) = await StartListenerAsync();

        var result = await Intake().RegisterAsync(new NewAppeal("Нет света во всём доме", 3, 1, 51.16, 71.47));

        await WaitUntil(() => received.Any(c => c.FirstId <= result.AppealId && c.LastId >= result.AppealId));
        await listener.StopAsync(CancellationToken.None);
        listener.Dispose();
    }

    [Fact]
    public async Task LostConnection_ChangesMeanwhileAreReplayed()
    {
        var (listener, received) = await StartListenerAsync();

        // Cut the listener's connection and add appeals while it is gone.
        await using (var conn = await city.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND datname = current_database()");
        }
        var during = new List<long>();
        for (var i = 0; i < 3; i++) during.Add((await Intake().RegisterAsync(new NewAppeal("Яма на дороге " + i, 5, 1, 51.1, 71.4))).AppealId);

        await WaitUntil(() => during.All(id => received.Any(c => c.FirstId <= id && c.LastId >= id)));
        Assert.Equal(received.Select(c => c.Id).Distinct().Count(), received.Count);
        await listener.StopAsync(CancellationToken.None);
        listener.Dispose();
    }

    [Fact]
    public async Task BulkStatement_IsOneChange()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var before = await conn.ExecuteScalarAsync<long>("SELECT coalesce(max(id), 0) FROM appeal_changes");

        var updated = await conn.ExecuteAsync("UPDATE appeals SET satisfaction = satisfaction WHERE id IN (SELECT id FROM appeals ORDER BY id LIMIT 500)");

        var changes = (await conn.QueryAsync<(string Kind, int Rows)>("SELECT kind, rows FROM appeal_changes WHERE id > @before", new { before })).ToList();
        Assert.Equal(500, updated);
        Assert.Equal([("update", 500)], changes);
    }

    /// <summary>A listener on the test database, connected, with what it delivers collected.</summary>
    private async Task<(ChangeFeedListener Listener, ConcurrentQueue<CityChange> Received)> StartListenerAsync()
    {
        var feed = new ChangeFeed();
        var received = new ConcurrentQueue<CityChange>();
        feed.Subscribe(received.Enqueue);
        var listener = new ChangeFeedListener(city.DataSource, feed, TimeProvider.System, NullLogger<ChangeFeedListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
        await WaitUntil(() => feed.IsConnected);
        return (listener, received);
    }

    private AppealIntake Intake() => city.NewIntake();

    private static async Task WaitUntil(Func<bool> condition)
    {
        // A generous bound for a slow CI machine; the figure that matters is measured by the benchmark.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in 20 s");
            await Task.Delay(20);
        }
    }
}
