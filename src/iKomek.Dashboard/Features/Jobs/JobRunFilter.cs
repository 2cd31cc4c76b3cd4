using System.Text.Json;
using Dapper;
using Hangfire.Server;
using Npgsql;
using IKomek.Dashboard.Platform.Jobs;

namespace IKomek.Dashboard.Features.Jobs;

/// <summary>
/// Writes every run of every job to job_runs: which node ran it, when, for how long, and how it ended (the result or
/// the error). Hangfire forgets succeeded jobs after a day; the administration page shows a longer history.
/// </summary>
public sealed class JobRunFilter(NpgsqlDataSource db, TimeProvider time, ILogger<JobRunFilter> log) : IServerFilter
{
    /// <summary>Hangfire's own parameter: it sets it on the runs it creates from a recurring job.</summary>
    public const string JobIdParameter = "RecurringJobId";

    /// <summary>Ours: set on the runs an administrator started from the jobs page.</summary>
    public const string ManualParameter = "CityManual";

    public static Dictionary<string, object> Parameters(string jobId, bool manual) => new()
    {
        [JobIdParameter] = jobId,
        [ManualParameter] = manual,
    };

    /// <summary>The node's name in a Hangfire server id (Hangfire adds a process and a random part after colons).</summary>
    public static string NodeName(string serverId) => serverId.Split(':')[0];

    public void OnPerforming(PerformingContext context)
    {
        // A run that finds its own earlier attempt still "running" follows a node that died mid-run.
        const string sql = """
            UPDATE job_runs SET outcome = 'interrupted', finished_at = @at WHERE fire_id = @fire AND outcome = 'running';
            INSERT INTO job_runs (job_name, node, fire_id, manual, started_at, outcome)
            VALUES (@job, @node, @fire, @manual, @at, 'running');
            """;
        Write(sql, new
        {
            job = context.GetJobParameter<string>(JobIdParameter) ?? $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}",
            node = NodeName(context.ServerId),
            fire = context.BackgroundJob.Id,
            manual = context.GetJobParameter<bool>(ManualParameter),
            at = time.GetUtcNow(),
        });
    }

    public void OnPerformed(PerformedContext context)
    {
        var error = context.Exception is { } e ? (e.InnerException ?? e) : null;
        // Stopped by the node's shutdown: Hangfire queues the job again, another node (or this one) runs it.
        var outcome = error is null ? "succeeded" : error is OperationCanceledException ? "interrupted" : "failed";
        const string sql = """
            UPDATE job_runs SET finished_at = @at, outcome = @outcome, summary = @summary, error = @error
            WHERE fire_id = @fire AND outcome = 'running'
            """;
        Write(sql, new
        {
            fire = context.BackgroundJob.Id,
            at = time.GetUtcNow(),
            outcome,
            summary = context.Result is JobResult r ? JsonSerializer.Serialize(r) : context.Result?.ToString(),
            error = error?.Message is { } m ? m.Length > 2000 ? m[..2000] : m : null,
        });
    }

    private void Write(string sql, object args)
    {
        // History must never fail a job: a lost row is logged, the job goes on. Hangfire's filters are synchronous.
        try
        {
            using var conn = db.OpenConnection();
            conn.Execute(sql, args);
        }
        catch (NpgsqlException e)
        {
            log.LogWarning(e, "Could not record a job run");
        }
    }
}
