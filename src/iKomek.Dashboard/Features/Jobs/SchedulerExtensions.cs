using Npgsql;
using Quartz;

namespace IKomek.Dashboard.Features.Jobs;

public static class SchedulerExtensions
{
    /// <summary>
    /// Quartz on the city's PostgreSQL: a persistent, clustered job store (tables from sql/schema/0011, validated at
    /// start), every job of <see cref="ScheduledJobs"/> with its cron trigger in Astana time, and our run history.
    /// Each job fires once across all nodes that share the database.
    /// </summary>
    public static void AddCityScheduler(this WebApplicationBuilder builder)
    {
        var db = builder.Services.Single(d => d.ServiceType == typeof(NpgsqlDataSource)).ImplementationInstance as NpgsqlDataSource
                 ?? throw new InvalidOperationException("Add the city database before the scheduler.");
        var options = builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<JobsQueries>();
        builder.Services.AddSingleton<JobRunListener>();
        if (!options.Enabled) return;

        builder.Services.AddQuartz(q =>
        {
            ConfigureCluster(q, options.SchedulerName, db.ConnectionString, ScheduledJobs.All);
            // A node that starts mines what arrived while it was down (on a new city: everything), so the ranking
            // is there without waiting for the first cron fire. Nodes starting together run it one after the other.
            q.RunAtStartup(SystemicProblems.SystemicMiningJob.Incremental);
        });
        builder.Services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.StartDelay = TimeSpan.FromSeconds(options.StartDelaySeconds);
        });
    }

    /// <summary>The one scheduler configuration, shared by the app and the two-node test.</summary>
    public static void ConfigureCluster(IQuartzBuilder q, string schedulerName, string connectionString,
        IEnumerable<ScheduledJob> jobs, string? instanceId = null)
    {
        // The same name on every node makes them one cluster; each node has its own (generated) instance id.
        q.ConfigureScheduler(s =>
        {
            s.InstanceName = schedulerName;
            if (instanceId is not null) s.InstanceId = instanceId;
        });
        q.UseDefaultThreadPool(2);
        q.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(10));
            store.UseSystemTextJsonSerializer(_ => { });
            store.ConfigureStore(s =>
            {
                s.TablePrefix = "qrtz_";
                // The tables come from our migration; Quartz checks them and adds only what a newer version misses.
                s.SchemaProvisioning = SchemaProvisioning.CreateIfMissing;
            });
        });
        q.AddJobListener<JobRunListener>(sp => sp.GetRequiredService<JobRunListener>());
        foreach (var job in jobs)
        {
            q.AddJob(job.JobType, j =>
            {
                j.WithIdentity(job.Key).StoreDurably();
                foreach (var (k, v) in job.Data ?? new Dictionary<string, string>()) j.UsingJobData(k, v);
            });
            q.AddTrigger(t => t.ForJob(job.Key).WithIdentity(job.TriggerName)
                .WithCronSchedule(job.Cron, c => c.InTimeZone(Hosting.AstanaClock.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        }
    }
}
