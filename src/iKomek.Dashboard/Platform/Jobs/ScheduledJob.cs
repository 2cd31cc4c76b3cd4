using System.Linq.Expressions;
using Hangfire.Common;

namespace IKomek.Dashboard.Platform.Jobs;

/// <summary>
/// A recurring job of the product as its feature declares it, beside the job: a stable id (the recurring job's id in
/// Hangfire, the key of its runs in job_runs), its cron in Astana time, the text key of its name, the method call
/// Hangfire performs, and whether a node runs it once when it starts.
/// </summary>
public sealed record ScheduledJob(string Id, string Cron, string TextKey, Job Job, bool RunAtStart = false)
{
    public static ScheduledJob For<TJob>(string id, string cron, string textKey, Expression<Func<TJob, Task>> run,
        bool runAtStart = false) => new(id, cron, textKey, Job.FromExpression(run), runAtStart);
}

public static class ScheduledJobRegistration
{
    /// <summary>
    /// Registers a feature's job class and its schedules. The scheduler and the jobs page read every
    /// <see cref="ScheduledJob"/> from the container, in the order they were added.
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, params ScheduledJob[] schedules)
        where TJob : class
    {
        services.AddTransient<TJob>();
        foreach (var schedule in schedules) services.AddSingleton(schedule);
        return services;
    }
}
