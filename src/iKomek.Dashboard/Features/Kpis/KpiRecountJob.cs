using Dapper;
using Hangfire;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Jobs;
using Npgsql;

namespace IKomek.Dashboard.Features.Kpis;

/// <summary>
/// Keeps the computed KPIs equal to the data they measure as appeals are answered late and milestones are done:
/// every hour, kpi_recount measures the periods over by the end of last month, back three months. Closed months are
/// left alone (kpi_recount skips them), and nothing is written (and no page redrawn) when every value is right.
/// </summary>
public sealed class KpiRecountJob(NpgsqlDataSource db)
{
    public const string Id = "kpi-recount";

    public static readonly ScheduledJob Schedule =
        ScheduledJob.For<KpiRecountJob>(Id, "17 * * * *", "kpi.job.recount", j => j.RunAsync(CancellationToken.None));

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT kpi_recount((date_trunc('month', city_today()) - interval '3 months')::date,
                               (date_trunc('month', city_today()) - interval '1 month')::date, @actor)
            """;
        await using var conn = await db.OpenConnectionAsync(cancellationToken);
        var written = await conn.ExecuteScalarAsync<int>(new CommandDefinition(sql, new { actor = Actor.Job(Id).Name },
            commandTimeout: 600, cancellationToken: cancellationToken));
        return new JobResult("kpi.job.result", written);
    }
}
