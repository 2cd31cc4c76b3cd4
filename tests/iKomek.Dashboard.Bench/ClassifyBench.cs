using System.Diagnostics;
using System.Globalization;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Features.Classification;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// The topic classifier on the demo generator's texts (docs/benchmarks.md, "Topic classification"):
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- classify [--scale 0.14] [--seed 109] [--train-size 500000] [--models new,lbfgs] [--l1 0] [--l2 5e-5] [--iterations 20] [--tolerance 0.1] [--prune 0] [--threads 2]
/// Generates the texts (seeded), splits them stratified by service type (20 % held out), trains each model on up to
/// --train-size texts, and prints their figures side by side with the keyword-rule baseline: accuracy, calibration,
/// throughput on one thread, training time, size and memory. Then the same trainer on a split that holds out whole
/// phrasings (<see cref="ClassifierEvaluation.PhrasingSplit"/>; --no-phrasing skips it), the gap, per-area F1 and
/// confusions, and both models on the hand-written real-style appeals.
/// </summary>
internal static class ClassifyBench
{
    public static int Run(string[] args)
    {
        var scale = Arg(args, "--scale", 0.14);
        var seed = (int)Arg(args, "--seed", 109);
        var trainSize = (int)Arg(args, "--train-size", 500_000);
        var clock = Stopwatch.StartNew();
        var all = DemoTexts.Generate(new DemoCityOptions(seed, scale, 3, new DateOnly(2026, 6, 30))).ToList();
        Console.WriteLine($"generated {all.Count:N0} texts in {clock.Elapsed.TotalSeconds:N1} s (scale {scale}, seed {seed}); " +
                          $"languages: {string.Join(", ", all.GroupBy(t => t.Language).OrderBy(g => g.Key).Select(g => $"{g.Key} {100.0 * g.Count() / all.Count:N1} %"))}");
        var (train, test) = ClassifierEvaluation.StratifiedSplit(all, 0.2, seed);
        if (train.Count > trainSize) train = train.Take(trainSize).ToList();
        Console.WriteLine($"train {train.Count:N0}, held out {test.Count:N0}; {train.Select(t => t.Label).Distinct().Count():N0} service types, {train.Select(t => t.Area).Distinct().Count()} areas");

        var engines = (args.SkipWhile(a => a != "--models").Skip(1).FirstOrDefault() ?? "new").Split(',');
        var results = new List<(string Name, Figures Figures)>();
        foreach (var engine in engines)
        {
            // Each model starts from a collected heap, so that its peak memory is its own.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var figures = engine switch
            {
                "new" or "lbfgs" => Measure(engine == "new" ? "ML.NET SDCA" : "ML.NET L-BFGS", train, test, () =>
                {
                    var options = new TopicTrainingOptions(Seed: seed, Trainer: engine == "new" ? TopicTrainerKind.Sdca : TopicTrainerKind.LbfgsMaximumEntropy);
                    if (args.Contains("--l2")) options = options with { L2 = Arg(args, "--l2", 0) is > 0 and var l2 ? (float)l2 : null };
                    if (args.Contains("--l1")) options = options with { L1 = (float)Arg(args, "--l1", 0) };
                    if (args.Contains("--tolerance")) options = options with { Tolerance = (float)Arg(args, "--tolerance", 0.1) };
                    if (args.Contains("--prune")) options = options with { PruneBelow = (float)Arg(args, "--prune", 0) };
                    if (args.Contains("--threads")) options = options with { Threads = (int)Arg(args, "--threads", 1) };
                    if (args.Contains("--iterations")) options = options with { Iterations = (int)Arg(args, "--iterations", 20) };
                    var m = MlTopicTrainer.Train(train, options, progress: p => Console.WriteLine("    " + p));
                    return (m.Serialize().Length, m.Vocabulary, t => m.Predict(t));
                }),
                _ => throw new ArgumentException($"unknown model '{engine}' (new, lbfgs)"),
            };
            results.Add((engine, figures));
        }
        var baselineReport = ClassifierEvaluation.Evaluate(test, DemoTexts.KeywordBaseline().Predict);
        Print("keyword baseline", baselineReport);
        Console.WriteLine();
        Console.WriteLine($"side by side ({train.Count:N0} training texts, {test.Count:N0} held out, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores):");
        Console.WriteLine($"    {"figure",-34}{string.Concat(results.Select(r => $"{r.Figures.Name,18}"))}");
        void Row(string what, Func<Figures, string> value) => Console.WriteLine($"    {what,-34}{string.Concat(results.Select(r => $"{value(r.Figures),18}"))}");
        Row("areas macro-F1 (>= 0.98)", f => f.Report.AreaMacroF1.ToString("F4", CultureInfo.InvariantCulture));
        Row("areas accuracy", f => f.Report.AreaAccuracy.ToString("P2", CultureInfo.InvariantCulture));
        Row("service types top-1 (>= 94 %)", f => f.Report.TypeAccuracy.ToString("P2", CultureInfo.InvariantCulture));
        Row("service types top-3 (>= 98 %)", f => f.Report.TypeTop3Accuracy.ToString("P2", CultureInfo.InvariantCulture));
        Row("service types macro-F1", f => f.Report.TypeMacroF1.ToString("F4", CultureInfo.InvariantCulture));
        Row("calibration error (top-1, ECE)", f => f.CalibrationError.ToString("F4", CultureInfo.InvariantCulture));
        Row("mean confidence - accuracy", f => (f.MeanConfidence - f.Report.TypeAccuracy).ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture));
        Row("texts/s, one thread (>= 20,000)", f => f.PerCpuSecond.ToString("N0", CultureInfo.InvariantCulture) + " /cpu-s");
        Row("  the same, of wall time", f => f.PerWallSecond.ToString("N0", CultureInfo.InvariantCulture));
        Row("training, wall", f => f.TrainSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s");
        Row("training, CPU", f => f.TrainCpuSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s");
        Row("model size", f => (f.Bytes / 1024.0 / 1024).ToString("N1", CultureInfo.InvariantCulture) + " MB");
        Row("features", f => f.Features.ToString("N0", CultureInfo.InvariantCulture));
        Row("peak working set (process)", f => f.PeakMegabytes.ToString("N0", CultureInfo.InvariantCulture) + " MB");
        Console.WriteLine("    (the peak working set is the process's so far: a model measured after another includes the other's peak if higher)");
        Console.WriteLine($"mean text {test.Average(t => t.Text.Length):N0} chars, median {Median(test.Select(t => t.Text.Length)):N0}");
        if (results.FirstOrDefault(r => r.Name == "new").Figures is { } random && !args.Contains("--no-phrasing")) Generalisation(all, seed, trainSize, random);
        return 0;
    }

    /// <summary>
    /// The honest figure: the same trainer on a split that holds out whole phrasings (no text of a held-out phrasing is
    /// trained on), beside the random split; per-area F1 of both, the held-out split's worst confusions, and both models on
    /// the hand-written real-style texts (tests/.../RealStyleAppeals.tsv).
    /// </summary>
    private static void Generalisation(List<LabeledText> all, int seed, int trainSize, Figures random)
    {
        var (train, test) = ClassifierEvaluation.PhrasingSplit(all, 0.2, seed);
        if (train.Count > trainSize) train = train.Take(trainSize).ToList();
        var phrasings = all.Select(t => t.Phrasing).Distinct().Count();
        Console.WriteLine();
        Console.WriteLine($"held-out phrasings: {phrasings:N0} phrasings in {all.Select(t => ClassifierEvaluation.Family(t.Phrasing)).Distinct().Count():N0} families; " +
                          $"train {train.Count:N0}, test {test.Count:N0} (texts of {test.Select(t => t.Phrasing).Distinct().Count():N0} held-out phrasings)");
        var clock = Stopwatch.StartNew();
        var model = MlTopicTrainer.Train(train, new TopicTrainingOptions(Seed: seed));
        Console.WriteLine($"    trained in {clock.Elapsed.TotalSeconds:N1} s (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
        var held = ClassifierEvaluation.Evaluate(test, t => model.Predict(t));
        Print("held-out phrasing", held);
        var r = random.Report;
        Console.WriteLine($"    {"split",-20}{"area accuracy",16}{"area macro-F1",16}{"type top-1",14}{"type top-3",14}");
        Console.WriteLine($"    {"random rows",-20}{r.AreaAccuracy,16:P2}{r.AreaMacroF1,16:F4}{r.TypeAccuracy,14:P2}{r.TypeTop3Accuracy,14:P2}");
        Console.WriteLine($"    {"held-out phrasings",-20}{held.AreaAccuracy,16:P2}{held.AreaMacroF1,16:F4}{held.TypeAccuracy,14:P2}{held.TypeTop3Accuracy,14:P2}");
        Console.WriteLine($"    {"gap",-20}{r.AreaAccuracy - held.AreaAccuracy,16:P2}{r.AreaMacroF1 - held.AreaMacroF1,16:F4}{r.TypeAccuracy - held.TypeAccuracy,14:P2}" +
                          $"{r.TypeTop3Accuracy - held.TypeTop3Accuracy,14:P2}   (aim: area macro-F1 gap <= 0.10)");
        Console.WriteLine("    per-area F1 (random rows / held-out phrasings, support of the held-out test):");
        var heldByArea = held.Areas.ToDictionary(a => a.Label);
        foreach (var a in r.Areas)
        {
            var h = heldByArea.GetValueOrDefault(a.Label);
            Console.WriteLine($"        {a.Label,-22}{a.F1,8:F3}{(h is null ? "       -" : $"{h.F1,8:F3}")}{h?.Support ?? 0,8:N0}");
        }
        Console.WriteLine("    worst area confusions, held-out phrasings: " + string.Join("; ", held.WorstPairs.Take(10).Select(p => $"{p.Actual} -> {p.Predicted}: {p.Count}")));

        var realStyle = RealStyle();
        if (realStyle.Count == 0) return;
        foreach (var (name, predict) in new (string, Func<string, TopicPrediction>)[] { ("random-split model", random.Predict), ("held-out-phrasing model", t => model.Predict(t)) })
        {
            var report = ClassifierEvaluation.Evaluate(realStyle, predict);
            Console.WriteLine($"real-style texts ({realStyle.Count}, hand-written), {name}: area accuracy {report.AreaAccuracy:P1}, area macro-F1 {report.AreaMacroF1:F3}, " +
                              $"unclassified {report.Unclassified}; wrong: " + string.Join("; ", report.WorstPairs.Take(8).Select(p => $"{p.Actual} -> {p.Predicted}: {p.Count}")));
        }
    }

    /// <summary>The hand-written real-style appeals (area, language, text), labeled by area only.</summary>
    private static List<LabeledText> RealStyle()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "RealStyleAppeals.tsv");
        if (!File.Exists(path)) return [];
        return File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'))
            .Select(f => new LabeledText(f[2], f[0], f[0], f[1])).ToList();
    }

    private static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    private sealed record Figures(string Name, EvaluationReport Report, double CalibrationError, double MeanConfidence, double PerCpuSecond, double PerWallSecond,
        double TrainSeconds, double TrainCpuSeconds, long Bytes, int Features, long PeakMegabytes, Func<string, TopicPrediction> Predict);

    /// <summary>Trains one model (as stored and loaded back), then its figures on the held-out texts and its speed on one thread.</summary>
    private static Figures Measure(string name, List<LabeledText> train, List<LabeledText> test, Func<(long Bytes, int Features, Func<string, TopicPrediction> Predict)> trainModel)
    {
        Console.WriteLine($"{name}:");
        var process = Process.GetCurrentProcess();
        var cpuAtStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var (bytes, features, predict) = trainModel();
        var trainSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var trainCpuSeconds = (process.TotalProcessorTime - cpuAtStart).TotalSeconds;
        Console.WriteLine($"    trained on {train.Count:N0} texts: {trainSeconds:N1} s wall, {trainCpuSeconds:N1} s CPU (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");

        var predictions = test.Select(t => predict(t.Text)).ToList();
        var report = ClassifierEvaluation.Evaluate(test, predictions);
        Print(name, report);
        Console.WriteLine("    per language (area accuracy / area macro-F1 / type accuracy):");
        foreach (var l in report.Languages) Console.WriteLine($"        {l.Language,-6} {l.Count,8:N0}  {l.AreaAccuracy:P1} / {l.AreaMacroF1:F3} / {l.TypeAccuracy:P1}");
        Console.WriteLine("    worst area confusions: " + string.Join("; ", report.WorstPairs.Take(5).Select(p => $"{p.Actual} -> {p.Predicted}: {p.Count}")));
        // Calibration: in ten bins of the first suggestion's confidence, how far the share right is from the confidence.
        var bins = test.Select((t, i) => (Right: predictions[i].Label == t.Label, predictions[i].Confidence))
            .GroupBy(x => Math.Min(9, (int)(x.Confidence * 10))).OrderBy(g => g.Key).ToList();
        var ece = bins.Sum(g => g.Count() * Math.Abs(g.Average(x => x.Right ? 1.0 : 0.0) - g.Average(x => x.Confidence))) / test.Count;
        Console.WriteLine("    calibration (confidence bin: texts, mean confidence, share right): " +
                          string.Join("; ", bins.Select(g => $"{g.Key / 10.0:F1}: {g.Count():N0}, {g.Average(x => x.Confidence):F2}, {g.Average(x => x.Right ? 1.0 : 0.0):F2}")));

        // Throughput on one thread, warm, texts of the held-out set. Wall time counts the moments other processes take
        // the core; the process's CPU time does not (one thread works).
        var texts = test.Select(t => t.Text).ToArray();
        for (var i = 0; i < Math.Min(2000, texts.Length); i++) predict(texts[i]);
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        clock.Restart();
        var n = 0;
        while (clock.Elapsed.TotalSeconds < 5) predict(texts[n++ % texts.Length]);
        var perWall = n / clock.Elapsed.TotalSeconds;
        process.Refresh();
        var perCpu = n / (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"    throughput, one thread: {perWall:N0} texts/s of wall time, {perCpu:N0} per CPU second (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
        process.Refresh();
        return new Figures(name, report, ece, predictions.Average(p => p.Confidence), perCpu, perWall, trainSeconds, trainCpuSeconds, bytes, features,
            process.PeakWorkingSet64 / 1024 / 1024, predict);
    }

    private static void Print(string name, EvaluationReport r) =>
        Console.WriteLine($"{name,-17} area accuracy {r.AreaAccuracy:P1}, area macro-F1 {r.AreaMacroF1:F3}, service type top-1 {r.TypeAccuracy:P1}, " +
                          $"top-3 {r.TypeTop3Accuracy:P1}, type macro-F1 {r.TypeMacroF1:F3}, unclassified {r.Unclassified:N0}");

    private static double Arg(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
