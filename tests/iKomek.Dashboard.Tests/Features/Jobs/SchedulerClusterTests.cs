using Dapper;
using IKomek.Dashboard.Features.Jobs;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

namespace IKomek.Dashboard.Tests.Features.Jobs;

/// <summary>Two app nodes' schedulers on one database: every fire of a job runs on exactly one of them.</summary>
public sealed class SchedulerClusterTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task TwoSchedulersOnOneDatabase_RunEachFireOnce_AndRecordEveryRun()
    {
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("CREATE TABLE test_fires (fire_id text NOT NULL, scheduled_at timestamptz NOT NULL, node text NOT NULL)");
        }
        // Every two seconds; each run takes a second, so both nodes are busy at once if they both take it.
        var job = new ScheduledJob(new JobKey("count-fires"), typeof(CountingJob), "0/2 * * * * ?", "jobs.slaSweep");
        await using var nodeA = Node(job, "node-a");
        await using var nodeB = Node(job, "node-b");
        var a = await nodeA.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var b = await nodeB.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await Task.WhenAll(a.Start().AsTask(), b.Start().AsTask());
        await Task.Delay(TimeSpan.FromSeconds(9));
        await a.TriggerJob(job.Key, new JobDataMap { [JobRunListener.ManualKey] = "true" });
        await Task.Delay(TimeSpan.FromSeconds(3));
        await Task.WhenAll(a.Shutdown(waitForJobsToComplete: true).AsTask(), b.Shutdown(waitForJobsToComplete: true).AsTask());

        await using var read = await db.DataSource.OpenConnectionAsync();
        var fires = (await read.QueryAsync<(string FireId, DateTime ScheduledAt, string Node)>("SELECT fire_id, scheduled_at, node FROM test_fires")).ToList();
        var cronFires = fires.Where(f => f.ScheduledAt.Second % 2 == 0 && f.ScheduledAt.Millisecond == 0).ToList();
        Assert.True(cronFires.Count >= 3, $"{cronFires.Count} cron fires");
        Assert.Equal(cronFires.Count, cronFires.Select(f => f.ScheduledAt).Distinct().Count());
        Assert.Equal(fires.Count, fires.Select(f => f.FireId).Distinct().Count());
        Assert.All(fires, f => Assert.Contains(f.Node, new[] { "node-a", "node-b" }));
        // The run history has each run once, the manual one marked, all finished.
        var runs = (await read.QueryAsync<(string Outcome, bool Manual, string Node)>(
            "SELECT outcome, manual, node FROM job_runs WHERE job_name = 'count-fires'")).ToList();
        Assert.Equal(fires.Count, runs.Count);
        Assert.Single(runs, r => r.Manual);
        Assert.All(runs, r => Assert.Equal("succeeded", r.Outcome));
    }

    private ServiceProvider Node(ScheduledJob job, string instanceId)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(db.DataSource)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<JobRunListener>();
        services.AddQuartz(q => SchedulerExtensions.ConfigureCluster(q, "test-cluster", db.ConnectionString, [job], instanceId));
        return services.BuildServiceProvider();
    }

    /// <summary>Records which node ran which fire, and takes a second.</summary>
    [DisallowConcurrentExecution]
    private sealed class CountingJob(NpgsqlDataSource db) : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            await using var conn = await db.OpenConnectionAsync(cancellationToken);
            await conn.ExecuteAsync("INSERT INTO test_fires VALUES (@fire, @at, @node)",
                new { fire = context.FireInstanceId, at = context.ScheduledFireTimeUtc ?? context.FireTimeUtc, node = context.Scheduler.SchedulerInstanceId });
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}
