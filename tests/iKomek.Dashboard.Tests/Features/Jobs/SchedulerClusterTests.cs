using Dapper;
using Hangfire;
using Hangfire.Server;
using IKomek.Dashboard.Features.Jobs;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Tests.Features.Jobs;

/// <summary>
/// Two app nodes' Hangfire servers on one database: every fire of a recurring job runs on exactly one of them, every
/// run is recorded once; and a run whose node died is run again by a live node.
/// </summary>
public sealed class SchedulerClusterTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    // Every two seconds (Hangfire reads six fields as seconds first); each run takes a second, so both nodes are busy
    // at once if they both take a fire.
    private const string EveryTwoSeconds = "*/2 * * * * *";

    [Fact]
    public async Task TwoServersOnOneDatabase_RunEachFireOnce_AndRecordEveryRun()
    {
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("CREATE TABLE test_fires (job_id text NOT NULL, node text NOT NULL, manual boolean NOT NULL)");
        }
        var job = ScheduledJob.For<CountingJob>("count-fires", EveryTwoSeconds, "jobs.slaSweep", j => j.RunAsync(null!, CancellationToken.None));
        // Hangfire counts a new recurring job's first occurrence from one second before it was created (a run at the
        // odd second after "from" carried the even occurrence just before it): that second belongs to the schedule.
        var from = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-1);
        await using var nodeA = await NodeAsync(job, "node-a");
        await using var nodeB = await NodeAsync(job, "node-b");

        await Task.Delay(TimeSpan.FromSeconds(10));
        Assert.True(await nodeA.Provider.GetRequiredService<JobsQueries>().RunNowAsync("count-fires", TestActors.Admin));
        await Task.Delay(TimeSpan.FromSeconds(4));
        // The schedule ends, and the runs under way finish, before the nodes stop: a node that stops first hands its
        // unfinished run back and the other runs it again (as for a dead node), which is not a fire taken twice.
        nodeA.Provider.GetRequiredService<IRecurringJobManager>().RemoveIfExists("count-fires");
        var to = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            var settled = TimeProvider.System.GetUtcNow().AddSeconds(60);
            while (await conn.ExecuteScalarAsync<long>("""
                       SELECT count(*) FROM hangfire.job j WHERE j.statename IN ('Enqueued', 'Processing')
                       AND j.invocationdata::text LIKE '%CountingJob%'
                       """) > 0 && TimeProvider.System.GetUtcNow() < settled)
            {
                await Task.Delay(200);
            }
        }
        await Task.WhenAll(nodeA.StopAsync(), nodeB.StopAsync());

        await using var read = await db.DataSource.OpenConnectionAsync();
        var fires = (await read.QueryAsync<(string JobId, string Node, bool Manual)>("SELECT job_id, node, manual FROM test_fires")).ToList();
        var cronFires = fires.Where(f => !f.Manual).ToList();
        // The schedule had this many fires while the nodes ran; a fire taken by both nodes would be counted twice.
        var scheduled = EvenSeconds(to) - EvenSeconds(from);
        Assert.True(cronFires.Count >= 3, $"{cronFires.Count} cron fires");
        // Should it fail, the runs are listed with when each was queued and by which node.
        var runsQueued = string.Join("\n", await read.QueryAsync<string>("""
            SELECT concat_ws(' | ', f.job_id, f.node, f.manual, j.createdat::text) FROM test_fires f JOIN hangfire.job j ON j.id = f.job_id::bigint ORDER BY j.id
            """));
        Assert.True(cronFires.Count <= scheduled, $"{cronFires.Count} runs for {scheduled} fires from {from:O} to {to:O}:\n{runsQueued}");
        Assert.Single(fires, f => f.Manual);
        Assert.Equal(fires.Count, fires.Select(f => f.JobId).Distinct().Count());
        Assert.All(fires, f => Assert.Contains(f.Node, new[] { "node-a", "node-b" }));
        // The run history has each run once, the manual one marked, all finished.
        var runs = (await read.QueryAsync<(string FireId, string Outcome, bool Manual, string Node)>(
            "SELECT fire_id, outcome, manual, node FROM job_runs WHERE job_name = 'count-fires'")).ToList();
        Assert.Equal(fires.Select(f => f.JobId).Order(), runs.Select(r => r.FireId).Order());
        Assert.Single(runs, r => r.Manual);
        Assert.All(runs, r => Assert.Equal("succeeded", r.Outcome));
        Assert.All(runs, r => Assert.Contains(r.Node, new[] { "node-a", "node-b" }));
        // Who asked for the manual run is in the audit log; the scheduled fires are not.
        var asked = Assert.Single(await AuditRows.AboutAsync(db.DataSource, "job", "count-fires"));
        Assert.Equal(("admin", "admin", "job.trigger"), (asked.Actor, asked.Role, asked.Action));
        Assert.NotNull(asked.Detail("run"));
    }

    [Fact]
    public async Task ARunWhoseNodeDied_IsRunAgainByALiveNode_AndTheDeadRunIsMarkedInterrupted()
    {
        var job = ScheduledJob.For<SucceedingJob>("dead-node-job", "0 0 1 1 *", "jobs.slaSweep", j => j.RunAsync());
        // The dead node's traces, as a kill -9 leaves them: Hangfire's queue entry taken (fetched) long ago and never
        // removed, and the run history's row still "running".
        string jobId;
        await using (var dead = await NodeAsync(job, "dead-node", start: false))
        {
            jobId = dead.Provider.GetRequiredService<IBackgroundJobClient>().Enqueue<SucceedingJob>(j => j.RunAsync());
        }
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("UPDATE hangfire.jobqueue SET fetchedat = now() - interval '1 hour' WHERE jobid = @id", new { id = long.Parse(jobId) });
            await conn.ExecuteAsync("""
                INSERT INTO job_runs (job_name, node, fire_id, manual, started_at, outcome)
                VALUES ('dead-node-job', 'dead-node', @id, false, now() - interval '1 hour', 'running')
                """, new { id = jobId });
        }

        await using var live = await NodeAsync(job, "live-node", recoverAfterSeconds: 5);
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        List<(string Node, string Outcome)> runs;
        do
        {
            await Task.Delay(500);
            await using var read = await db.DataSource.OpenConnectionAsync();
            runs = (await read.QueryAsync<(string, string)>("SELECT node, outcome FROM job_runs WHERE fire_id = @id ORDER BY id", new { id = jobId })).ToList();
        }
        while (!runs.Any(r => r.Outcome == "succeeded") && TimeProvider.System.GetUtcNow() < deadline);

        Assert.Equal([("dead-node", "interrupted"), ("live-node", "succeeded")], runs);
    }

    private static long EvenSeconds(DateTime utc) => (long)Math.Floor((utc - DateTime.UnixEpoch).TotalSeconds / 2);

    private async Task<Node> NodeAsync(ScheduledJob job, string name, bool start = true, int recoverAfterSeconds = 60)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(db.DataSource)
            .AddSingleton(TimeProvider.System)
            .AddScheduledJob<CountingJob>(job)
            .AddTransient<SucceedingJob>();
        // The schedule is looked at every second. A dead node's claim runs out after 5 s in the dead-node test (5 min in
        // the app); elsewhere after a minute, so that a live run slowed by a loaded machine is never taken as dead.
        services.AddCityScheduler(new SchedulerOptions { StartDelaySeconds = 0, PollSeconds = 1, RecoverAfterSeconds = recoverAfterSeconds }, name);
        var node = new Node(services.BuildServiceProvider());
        // The storage creates its schema on first use: one node at a time.
        node.Provider.GetRequiredService<JobStorage>();
        if (start) await node.StartAsync();
        return node;
    }

    private sealed class Node(ServiceProvider provider) : IAsyncDisposable
    {
        private bool _started;

        public ServiceProvider Provider => provider;

        public async Task StartAsync()
        {
            foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
            _started = true;
        }

        public async Task StopAsync()
        {
            if (!_started) return;
            _started = false;
            foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StopAsync(CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            await provider.DisposeAsync();
        }
    }

    /// <summary>Records which node ran which run, and takes a second.</summary>
    public sealed class CountingJob(NpgsqlDataSource db)
    {
        public async Task<JobResult> RunAsync(PerformContext context, CancellationToken cancellationToken)
        {
            await using var conn = await db.OpenConnectionAsync(cancellationToken);
            await conn.ExecuteAsync("INSERT INTO test_fires VALUES (@id, @node, @manual)", new
            {
                id = context.BackgroundJob.Id,
                node = JobRunFilter.NodeName(context.ServerId),
                manual = context.GetJobParameter<bool>(JobRunFilter.ManualParameter),
            });
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return new JobResult("jobs.result.slaSweep", 0, 0);
        }
    }

    public sealed class SucceedingJob
    {
        public Task<JobResult> RunAsync() => Task.FromResult(new JobResult("jobs.result.slaSweep", 1, 2));
    }
}
