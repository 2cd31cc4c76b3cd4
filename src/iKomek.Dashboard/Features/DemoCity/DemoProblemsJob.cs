using Hangfire;
using IKomek.Dashboard.Platform.Jobs;
using IKomek.Dashboard.Platform.Localization;
using Npgsql;

namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>The demo city's problems live on: five minutes after each mining run (and at a node's start) the steps
/// of their lifecycle that fell due are taken (<see cref="DemoProblemHistory"/>). Does nothing on a real city.</summary>
public sealed class DemoProblemsJob(NpgsqlDataSource db, TimeProvider time)
{
    public const string Id = "demo-problems";

    public static readonly ScheduledJob Schedule = ScheduledJob.For<DemoProblemsJob>(Id, "5-59/10 * * * *", "demo.job.problems",
        j => j.RunAsync(CancellationToken.None), runAtStart: true);

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<JobResult> RunAsync(CancellationToken cancellationToken) =>
        new("demo.job.problemsResult", await DemoProblemHistory.ApplyAsync(db, time.GetUtcNow(), cancellationToken));
}

[UiTexts]
internal static class DemoCityJobTexts
{
    public static readonly Dictionary<string, Text> Entries = new()
    {
        ["demo.job.problems"] = new("Демо-город: жизненный цикл системных проблем", "Демо-қала: жүйелі мәселелердің өмірлік циклі",
            "Demo city: the systemic problems' lifecycle"),
        ["demo.job.problemsResult"] = new("шагов сделано: {0:N0}", "жасалған қадамдар: {0:N0}", "steps taken: {0:N0}"),
    };
}
