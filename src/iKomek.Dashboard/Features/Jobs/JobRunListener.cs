using Dapper;
using Npgsql;
using Quartz;

namespace IKomek.Dashboard.Features.Jobs;

/// <summary>
/// Writes every run of every job to job_runs: which node ran it, when, for how long, and how it ended (with the
/// error when it failed). The administration page reads it; Quartz's own tables only know the next fire.
/// </summary>
public sealed class JobRunListener(NpgsqlDataSource db, TimeProvider time, ILogger<JobRunListener> log) : IJobListener
{
    public const string ManualKey = "manual";

    public string Name => "job-runs";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        const string sql = """
            INSERT INTO job_runs (job_name, node, fire_id, manual, started_at, outcome)
            VALUES (@job, @node, @fire, @manual, @at, 'running')
            ON CONFLICT (fire_id) DO NOTHING
            """;
        await WriteAsync(sql, new
        {
            job = context.JobDetail.Key.Name,
            node = context.Scheduler.SchedulerInstanceId,
            fire = context.FireInstanceId,
            manual = context.MergedJobDataMap.ContainsKey(ManualKey),
            at = time.GetUtcNow(),
        });
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        FinishAsync(context, "vetoed", null);

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
        FinishAsync(context, jobException is null ? "succeeded" : "failed", jobException?.InnerException?.Message ?? jobException?.Message);

    private async ValueTask FinishAsync(IJobExecutionContext context, string outcome, string? error)
    {
        const string sql = """
            UPDATE job_runs SET finished_at = @at, outcome = @outcome, summary = @summary, error = @error
            WHERE fire_id = @fire
            """;
        await WriteAsync(sql, new
        {
            fire = context.FireInstanceId,
            at = time.GetUtcNow(),
            outcome,
            summary = context.Result as string,
            error = error is null ? null : error.Length > 2000 ? error[..2000] : error,
        });
    }

    private async Task WriteAsync(string sql, object args)
    {
        // History must never fail a job: a lost row is logged, the job goes on.
        try
        {
            await using var conn = await db.OpenConnectionAsync();
            await conn.ExecuteAsync(sql, args);
        }
        catch (NpgsqlException e)
        {
            log.LogWarning(e, "Could not record a job run");
        }
    }
}
