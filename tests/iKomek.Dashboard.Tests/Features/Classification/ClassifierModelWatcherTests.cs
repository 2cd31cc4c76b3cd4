using System.Collections.Concurrent;
using Dapper;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IKomek.Dashboard.Tests.Features.Classification;

/// <summary>The model watcher through database failures, on the real PostgreSQL: it logs, waits and carries on.</summary>
public sealed class ClassifierModelWatcherTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    /// <summary>Generous: the watcher retries every 50-200 ms here, the machine may be busy; a pass takes well under a second.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void Backoff_DoublesFromTheFirstPauseUpToThePollInterval()
    {
        var first = TimeSpan.FromSeconds(5);
        var max = TimeSpan.FromMinutes(1);
        Assert.Equal([5, 10, 20, 40, 60, 60], new[] { 1, 2, 3, 4, 5, 6 }.Select(n => ClassifierModelWatcher.Backoff(n, first, max).TotalSeconds));
        Assert.Equal(max, ClassifierModelWatcher.Backoff(1000, first, max));
    }

    [Fact]
    public async Task Watcher_TableGoneThenBack_ConnectionsKilled_RecoversAndLoadsTheNewModels()
    {
        var queries = new ClassificationQueries(db.DataSource);
        var model = MlTopicTrainer.Train(TrainedOnDemo.Learnable(perType: 15));
        var report = ClassifierEvaluation.Evaluate(TrainedOnDemo.Learnable(perType: 5, seed: 9), t => model.Predict(t));
        async Task<int> SaveAsync() => await queries.SaveModelAsync(model.Serialize(), 1, new { source = "test" }, report,
            PromotionRule.Decide(report, null, null, "test texts"));
        var firstId = await SaveAsync();

        // The table the watcher reads is gone (as during a botched migration): every look fails.
        await ExecuteAsync("ALTER TABLE classifier_models RENAME TO classifier_models_away");
        var classifier = new TrainedAppealClassifier();
        var logger = new ListLogger();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Classification:TrainOnStart"] = "false",
            ["Classification:PollInterval"] = "00:00:00.200",
            ["Classification:FirstRetry"] = "00:00:00.050",
        }).Build();
        using var watcher = new ClassifierModelWatcher(queries, classifier,
            new ClassifierTraining(queries, classifier, NullLogger<ClassifierTraining>.Instance), configuration, logger);
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            await Until(() => watcher.ConsecutiveFailures >= 3);
            Assert.Null(classifier.Current);
            Assert.Contains(logger.Errors, e => e.Contains("classifier_models"));

            // Back: the watcher loads the promoted model on its next try.
            await ExecuteAsync("ALTER TABLE classifier_models_away RENAME TO classifier_models");
            await Until(() => classifier.Current?.Id == firstId);
            await Until(() => watcher.ConsecutiveFailures == 0);

            // Every connection of the database killed (as when the server restarts), then a newer model promoted.
            await using (var conn = await db.DataSource.OpenConnectionAsync())
            {
                await conn.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
            }
            // Stored over a connection of its own: the shared pool's connections are the dead ones the watcher meets.
            await using var other = Npgsql.NpgsqlDataSource.Create(db.ConnectionString + ";Pooling=false");
            var secondId = await new ClassificationQueries(other).SaveModelAsync(model.Serialize(), 1, new { source = "test" }, report,
                PromotionRule.Decide(report, null, null, "test texts"));
            await Until(() => classifier.Current?.Id == secondId);
            Assert.True(watcher.ExecuteTask is { IsCompleted: false }, "the watcher is still running");
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync(sql);
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the watcher did not get there in time");
            await Task.Delay(20);
        }
    }

    private sealed class ListLogger : ILogger<ClassifierModelWatcher>
    {
        private readonly ConcurrentQueue<string> _errors = new();
        public IReadOnlyCollection<string> Errors => _errors;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) _errors.Enqueue(formatter(state, exception) + " " + exception?.Message);
        }
    }
}
