using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Jobs;

/// <summary>
/// This node's Hangfire server. After the start delay it brings the recurring jobs in storage in line with the
/// registered <see cref="ScheduledJob"/>s (the same ids and crons on every node, so registering is idempotent),
/// queues the runs due at start, and runs jobs until the app stops.
/// </summary>
internal sealed class CityScheduler(IServiceProvider services, SchedulerOptions options, IEnumerable<ScheduledJob> jobs,
    JobRunFilter runs, TimeProvider time, ILogger<CityScheduler> log, string serverName) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(options.StartDelaySeconds), time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var storage = services.GetRequiredService<JobStorage>();
        Register(storage);
        QueueStartRuns();

        // The run history is this server's filter, not a global one: two servers in one process record each run once.
        var filters = new JobFilterProviderCollection(JobFilterProviders.Providers, new SingleFilterProvider(runs));
        var activator = services.GetRequiredService<JobActivator>();
        // Hangfire.AspNetCore's own hosted server is built with this constructor too; it is the one that takes the
        // server's filters without touching Hangfire's global ones.
#pragma warning disable CS0618
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            ServerName = serverName,
            WorkerCount = options.Workers,
            SchedulePollingInterval = TimeSpan.FromSeconds(options.PollSeconds),
        }, storage, [], filters, activator, new BackgroundJobFactory(filters), new BackgroundJobPerformer(filters, activator),
            new BackgroundJobStateChanger(filters));
#pragma warning restore CS0618
        log.LogInformation("Scheduler {Server} runs {Count} recurring jobs", serverName, Scheduled.Count());
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
        server.SendStop();
        await server.WaitForShutdownAsync(CancellationToken.None);
    }

    private IEnumerable<ScheduledJob> Scheduled => jobs.Where(j => !options.Skip.Contains(j.Id, StringComparer.Ordinal));

    private void Register(JobStorage storage)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        using var connection = storage.GetConnection();
        var stored = connection.GetRecurringJobs().ToDictionary(r => r.Id);
        foreach (var job in Scheduled)
        {
            // A node joining a running cluster leaves an unchanged job alone: AddOrUpdate recomputes the next fire from
            // the last one, and landing while another node fires it made that fire run twice.
            if (stored.TryGetValue(job.Id, out var current) && Unchanged(current, job)) continue;
            manager.AddOrUpdate(job.Id, job.Job, job.Cron, new RecurringJobOptions { TimeZone = AstanaClock.Zone });
        }
        // A job a newer version no longer has would otherwise fire forever.
        foreach (var stale in stored.Values.Where(r => Scheduled.All(j => j.Id != r.Id)))
        {
            manager.RemoveIfExists(stale.Id);
        }
    }

    private static bool Unchanged(RecurringJobDto current, ScheduledJob job) =>
        current.Cron == job.Cron && current.TimeZoneId == AstanaClock.Zone.Id && current.LoadException is null &&
        current.Job?.Type == job.Job.Type && current.Job?.Method == job.Job.Method;

    private void QueueStartRuns()
    {
        var client = (IBackgroundJobClientV2)services.GetRequiredService<IBackgroundJobClient>();
        foreach (var job in Scheduled.Where(j => j.RunAtStart))
        {
            client.Create(job.Job, new EnqueuedState(), JobRunFilter.Parameters(job.Id, manual: false));
        }
    }

    private sealed class SingleFilterProvider(object filter) : IJobFilterProvider
    {
        public IEnumerable<JobFilter> GetFilters(Job job) => [new JobFilter(filter, JobFilterScope.Global, null)];
    }
}
