using Dapper;
using Npgsql;
using Quartz;

namespace IKomek.Dashboard.Features.Jobs;

/// <summary>One run of a job (job_runs).</summary>
public sealed record JobRun(long Id, string JobName, string Node, bool Manual, DateTime StartedAt, DateTime? FinishedAt,
    string Outcome, string? Summary, string? Error)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;
}

/// <summary>A job as the administration page shows it: its schedule, its next fire and its latest runs.</summary>
public sealed record JobState(ScheduledJob Job, DateTimeOffset? NextFire, JobRun? LastRun, long Failures, JobRun? LastFailure);

public sealed class JobsQueries(NpgsqlDataSource db, IServiceProvider services, SchedulerOptions options)
{
    public async Task<IReadOnlyList<JobState>> GetJobsAsync(CancellationToken ct = default)
    {
        const string sql = """
            SELECT DISTINCT ON (job_name) id AS Id, job_name AS JobName, node AS Node, manual AS Manual, started_at AS StartedAt,
                   finished_at AS FinishedAt, outcome AS Outcome, summary AS Summary, error AS Error
            FROM job_runs ORDER BY job_name, started_at DESC;
            SELECT DISTINCT ON (job_name) id AS Id, job_name AS JobName, node AS Node, manual AS Manual, started_at AS StartedAt,
                   finished_at AS FinishedAt, outcome AS Outcome, summary AS Summary, error AS Error
            FROM job_runs WHERE outcome = 'failed' ORDER BY job_name, started_at DESC;
            SELECT job_name AS JobName, count(*) AS Count FROM job_runs WHERE outcome = 'failed' GROUP BY job_name;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, cancellationToken: ct));
        var last = (await grid.ReadAsync<JobRun>()).ToDictionary(r => r.JobName);
        var failed = (await grid.ReadAsync<JobRun>()).ToDictionary(r => r.JobName);
        var failures = (await grid.ReadAsync<(string JobName, long Count)>()).ToDictionary(r => r.JobName, r => r.Count);
        var scheduler = await SchedulerAsync(ct);
        var states = new List<JobState>();
        foreach (var job in ScheduledJobs.All)
        {
            DateTimeOffset? next = null;
            if (scheduler is not null)
            {
                var trigger = await scheduler.GetTrigger(new TriggerKey(job.TriggerName), ct);
                next = trigger?.NextFireTimeUtc;
            }
            states.Add(new JobState(job, next, last.GetValueOrDefault(job.Key.Name), failures.GetValueOrDefault(job.Key.Name),
                failed.GetValueOrDefault(job.Key.Name)));
        }
        return states;
    }

    public async Task<IReadOnlyList<JobRun>> GetRunsAsync(int limit, CancellationToken ct = default)
    {
        const string sql = """
            SELECT id AS Id, job_name AS JobName, node AS Node, manual AS Manual, started_at AS StartedAt,
                   finished_at AS FinishedAt, outcome AS Outcome, summary AS Summary, error AS Error
            FROM job_runs ORDER BY started_at DESC LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<JobRun>(new CommandDefinition(sql, new { limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>Fires the job now, on whichever node of the cluster picks it up first.</summary>
    public async Task<bool> RunNowAsync(string jobName, CancellationToken ct = default)
    {
        var job = ScheduledJobs.Find(jobName);
        var scheduler = await SchedulerAsync(ct);
        if (job is null || scheduler is null) return false;
        await scheduler.TriggerJob(job.Key, new JobDataMap { [JobRunListener.ManualKey] = "true" }, ct);
        return true;
    }

    public bool SchedulerEnabled => options.Enabled;

    private async Task<IScheduler?> SchedulerAsync(CancellationToken ct) =>
        options.Enabled && services.GetService<ISchedulerFactory>() is { } factory ? await factory.GetScheduler(ct) : null;
}
