using System.Diagnostics;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Knowledge;
using Npgsql;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// The knowledge base's suggestions at intake on a city you point it at (docs/benchmarks.md, "Knowledge base"):
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- kb --data /tmp/full-kb [--seed 109] [--percent 20]
/// It starts the app with its scheduler off (migrations applied), mines on the first-contact appeals not held out
/// (a fixed share by a fixed seed), and for each held-out one asks the top 3 as intake does: by search alone, then with
/// the topic model's service type when the city has a trained model. The mined articles stay in that city as drafts
/// (run it on a copy, or mine again with kb-mine).
/// </summary>
public static class KnowledgeBench
{
    public static async Task<int> RunAsync(BenchOptions options, string[] args)
    {
        string Get(string name, string fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault() ?? fallback;
        var seed = long.Parse(Get("seed", "109"), System.Globalization.CultureInfo.InvariantCulture);
        var percent = int.Parse(Get("percent", "20"), System.Globalization.CultureInfo.InvariantCulture);
        await using var app = await BenchApp.StartAsync(options.DataFolder, "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false");
        await using var db = NpgsqlDataSource.Create(app.ConnectionString + ";Command Timeout=900");
        Console.WriteLine($"City at {options.DataFolder}: {await app.CountAppealsAsync():N0} appeals; held out {percent} % by seed {seed}");
        var evaluation = new KnowledgeEvaluation(db, new KnowledgeMining(db, TimeProvider.System), new KnowledgeQueries(db));

        var clock = Stopwatch.StartNew();
        Print("search alone", await evaluation.MeasureAsync(seed, percent), clock);
        if (await new ClassificationQueries(db).LoadCurrentAsync() is { } model)
        {
            var classifier = new TrainedAppealClassifier();
            classifier.Use(model);
            clock.Restart();
            Print($"search + topic model {model.Id}", await evaluation.MeasureAsync(seed, percent, classifier), clock);
        }
        else
        {
            Console.WriteLine("no trained topic model in this city: the figure with the model is not measured");
        }
        return 0;
    }

    private static void Print(string what, KnowledgeHitRate r, Stopwatch clock) => Console.WriteLine(
        $"{what,-28} top-3 hit rate {r.Rate:P1}: {r.Hits:N0} of {r.Answerable:N0} held-out appeals with a right article " +
        $"({r.Appeals:N0} held out; mining and {r.Answerable:N0} suggestions in {clock.Elapsed.TotalSeconds:F1} s)");
}
