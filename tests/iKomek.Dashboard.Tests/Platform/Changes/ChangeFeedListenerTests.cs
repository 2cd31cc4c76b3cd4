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
    public async Task ChangeWhoseTransactionCommitsLast_IsDeliveredThough_ItsIdCameFirst()
    {
        var (listener, received) = await StartListenerAsync();

        // Transaction A registers a critical appeal: its change takes its id now, and A stays open.
        await using var a = await city.DataSource.OpenConnectionAsync();
        await using var txA = await a.BeginTransactionAsync();
        var critical = await a.ExecuteScalarAsync<long>("""
            INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, organisation_id, department_id,
                                 citizen_id, language, description, status, is_critical, sla_due_at)
            SELECT '109-2026-9900001', city_now(), channel_id, service_type_id, area_id, district_id, organisation_id, department_id,
                   citizen_id, language, 'Застряли в лифте', 'registered', true, city_now() + interval '1 day'
            FROM appeals ORDER BY id LIMIT 1
            RETURNING id
            """, transaction: txA);
        var idA = await a.ExecuteScalarAsync<long>("SELECT max(id) FROM appeal_changes", transaction: txA);

        // Transaction B changes a status, takes the next id and commits first: it is delivered.
        await using (var b = await city.DataSource.OpenConnectionAsync())
        {
            await b.ExecuteAsync("UPDATE appeals SET status = 'in_progress' WHERE id = (SELECT min(id) FROM appeals WHERE status = 'registered')");
        }
        await WaitUntil(() => received.Any(c => c.Id > idA && c.Kind == "update"));

        // A commits after B: its lower id must still come through, with its critical appeal.
        await txA.CommitAsync();
        await WaitUntil(() => received.Any(c => c.Id == idA));
        var change = received.Single(c => c.Id == idA);
        Assert.Equal(("insert", 1, critical), (change.Kind, change.Critical, change.FirstId));
        Assert.Equal(received.Select(c => c.Id).Distinct().Count(), received.Count);
        await listener.StopAsync(CancellationToken.None);
        listener.Dispose();
    }

    [Fact]
    public async Task PostgresConnectionsKilledUnderLoad_EveryCommittedChangeDeliveredOnce()
    {
        var (listener, received) = await StartListenerAsync();
        var before = await city.DataSource.CreateCommand("SELECT coalesce(max(id), 0) FROM appeal_changes").ExecuteScalarAsync() as long? ?? 0;

        // Four writers commit status changes while the listener's connection is cut again and again.
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await using var conn = await city.DataSource.OpenConnectionAsync();
                await conn.ExecuteAsync("UPDATE appeals SET satisfaction = satisfaction WHERE id = (SELECT min(id) + @n FROM appeals)", new { n = w * 100 + i });
            }
        })).ToArray();
        var killer = Task.Run(async () =>
        {
            for (var k = 0; k < 5; k++)
            {
                await Task.Delay(30);
                await using var conn = await city.DataSource.OpenConnectionAsync();
                await conn.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND (query LIKE 'LISTEN%' OR query LIKE '%pg_current_snapshot%')");
            }
        });
        await Task.WhenAll([.. writers, killer]);

        await using var check = await city.DataSource.OpenConnectionAsync();
        var committed = (await check.QueryAsync<long>("SELECT id FROM appeal_changes WHERE id > @before ORDER BY id", new { before })).ToList();
        Assert.Equal(200, committed.Count);
        await WaitUntil(() => committed.All(id => received.Any(c => c.Id == id)));
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
