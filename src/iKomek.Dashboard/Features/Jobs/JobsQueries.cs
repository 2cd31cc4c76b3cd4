using System.Text.Json;
using Dapper;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Npgsql;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Jobs;

/// <summary>One run of a job (job_runs).</summary>
public sealed record JobRun(long Id, string JobName, string Node, bool Manual, DateTime StartedAt, DateTime? FinishedAt,
    string Outcome, string? Summary, string? Error)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>The run's result as the job returned it, when it was one (older rows hold plain text).</summary>
    public JobResult? Result => Summary is { Length: > 0 } s && s[0] == '{' ? Parse(s) : null;

    private static JobResult? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<JobResult>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// A job as the administration page shows it: its schedule and next and last fire from Hangfire's storage, the state
/// of the run Hangfire created last, and its latest runs from job_runs.
/// </summary>
public sealed record JobState(ScheduledJob Job, DateTime? NextFire, DateTime? LastFire, string? LastFireState, string? ScheduleError,
    JobRun? LastRun, long Failures, JobRun? LastFailure);

public sealed class JobsQueries(NpgsqlDataSource db, IServiceProvider services, IEnumerable<ScheduledJob> jobs)
{
    /// <summary>Every registered job, in the order the features registered them.</summary>
    public IReadOnlyList<ScheduledJob> Jobs { get; } = jobs.ToList();

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
        var recurring = await Task.Run(() => RecurringJobs(), ct);
        return Jobs.Select(job =>
        {
            var r = recurring.GetValueOrDefault(job.Id);
            return new JobState(job, r?.NextExecution, r?.LastExecution, r?.LastJobState, r?.Error,
                last.GetValueOrDefault(job.Id), failures.GetValueOrDefault(job.Id), failed.GetValueOrDefault(job.Id));
        }).ToList();
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

    /// <summary>How many nodes run jobs now (Hangfire servers with a live heartbeat).</summary>
    public Task<int> RunningServersAsync(CancellationToken ct = default) =>
        Task.Run(() => Storage.GetMonitoringApi().Servers().Count, ct);

    /// <summary>
    /// Queues a run of the job now, marked manual; whichever node's worker is free first takes it. The caller checks
    /// that the user may (<see cref="CityAction.RunJobs"/>).
    /// </summary>
    /// <summary>Queues a run of the job now and logs who asked (the run itself is recorded in job_runs as manual).</summary>
    /// <returns>False when there is no such job (and nothing is logged).</returns>
    public async Task<bool> RunNowAsync(string jobId, Actor by, CancellationToken ct = default)
    {
        var job = Jobs.FirstOrDefault(j => j.Id == jobId);
        if (job is null) return false;
        var client = (IBackgroundJobClientV2)services.GetRequiredService<IBackgroundJobClient>();
        // Hangfire keeps its queue in its own transaction: the request is logged once it is queued.
        var run = await Task.Run(() => client.Create(job.Job, new EnqueuedState(), JobRunFilter.Parameters(job.Id, manual: true)), ct);
        await new AuditLog(db).RecordAsync(by, AuditActions.JobTrigger, "job", job.Id, new { run }, ct);
        return true;
    }

    private JobStorage Storage => services.GetRequiredService<JobStorage>();

    private Dictionary<string, RecurringJobDto> RecurringJobs()
    {
        using var connection = Storage.GetConnection();
        return connection.GetRecurringJobs(Jobs.Select(j => j.Id)).Where(r => !r.Removed).ToDictionary(r => r.Id);
    }
}
