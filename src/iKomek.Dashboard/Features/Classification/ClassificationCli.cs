using System.Globalization;
using IKomek.Dashboard.Platform.Cli;
using IKomek.Dashboard.Platform.Csv;
using Npgsql;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Classification;

/// <summary>A bad line of an input file: where and why, so the user can fix it.</summary>
public sealed record CsvProblem(int Row, string Column, string Reason)
{
    public override string ToString() => $"row {Row}, column '{Column}': {Reason}";
}

/// <summary>
/// The analysts' command-line verbs: train a model from a labeled CSV, classify a CSV of texts, evaluate a model on a
/// labeled CSV (optionally mapping outside labels onto our areas of life). Without --model they use the database's
/// current model. Bad input: a message naming the file, row and column, and exit code 2 (thrown as ArgumentException).
/// </summary>
/// <summary>The analysts' three verbs; the work is <see cref="ClassificationCli"/>'s.</summary>
public sealed class ClassifyTrainVerb : IVerb
{
    public string Name => "classify-train";
    public string Summary => """
        train a topic model (labels: service type codes such as heating.no_heat_flat, or area codes);
        20 % of each label is held out and the figures printed; --save-to-db stores it as a version (promoted if better)
        """;
    public string Usage => "classify-train --input labeled.csv --text-column text --label-column label [--seed 1] (--out model.bin | --save-to-db)";
    public VerbSyntax Syntax => ClassificationCli.TrainSyntax;

    public Task<int> RunAsync(VerbContext context, CancellationToken ct) => ClassificationCli.RunAsync(Name, context.Args, context.Out, Opener(context), ct);

    /// <summary>The verbs open (and migrate) the database only when they need it (no --model, or --save-to-db).</summary>
    internal static Func<CancellationToken, Task<NpgsqlDataSource>> Opener(VerbContext context) =>
        async ct => (await context.MigratedDatabaseAsync(ct)).DataSource;
}

public sealed class ClassifyVerb : IVerb
{
    public string Name => "classify";
    public string Summary => "write the top-3 topics with their confidence for each text (the database's current model without --model)";
    public string Usage => "classify [--model model.bin] --input texts.csv --text-column text --output predictions.csv [--id-column id]";
    public VerbSyntax Syntax => ClassificationCli.ClassifySyntax;

    public Task<int> RunAsync(VerbContext context, CancellationToken ct) =>
        ClassificationCli.RunAsync(Name, context.Args, context.Out, ClassifyTrainVerb.Opener(context), ct);
}

public sealed class ClassifyEvalVerb : IVerb
{
    public string Name => "classify-eval";
    public string Summary => "accuracy, macro-F1 and per-class figures; the map's columns 'label' and 'area' turn outside labels into our areas";
    public string Usage => "classify-eval [--model model.bin] --input labeled.csv --text-column text --label-column label [--label-map map.csv]";
    public VerbSyntax Syntax => ClassificationCli.EvalSyntax;

    public Task<int> RunAsync(VerbContext context, CancellationToken ct) =>
        ClassificationCli.RunAsync(Name, context.Args, context.Out, ClassifyTrainVerb.Opener(context), ct);
}

public static class ClassificationCli
{
    public static readonly VerbSyntax TrainSyntax = new() { Options = ["input", "text-column", "label-column", "seed", "out"], Switches = ["save-to-db"] };
    public static readonly VerbSyntax ClassifySyntax = new() { Options = ["model", "input", "text-column", "output", "id-column"] };
    public static readonly VerbSyntax EvalSyntax = new() { Options = ["model", "input", "text-column", "label-column", "label-map"] };

    /// <param name="openDatabase">Opens (and migrates) the city's database, only when a verb needs it.</param>
    public static async Task<int> RunAsync(string verb, VerbArgs flags, TextWriter output,
        Func<CancellationToken, Task<NpgsqlDataSource>> openDatabase, CancellationToken ct)
    {
        switch (verb)
        {
            case "classify-train":
                return await TrainAsync(flags, output, openDatabase, ct);
            case "classify":
                return await ClassifyAsync(flags, output, openDatabase, ct);
            case "classify-eval":
                return await EvaluateAsync(flags, output, openDatabase, ct);
            default:
                throw new ArgumentException($"Unknown verb '{verb}'.");
        }
    }

    private static async Task<int> TrainAsync(VerbArgs flags, TextWriter output,
        Func<CancellationToken, Task<NpgsqlDataSource>> openDatabase, CancellationToken ct)
    {
        var input = flags.Required("input");
        var seed = flags.Get("seed", 1);
        var outPath = flags.Option("out");
        var toDatabase = flags.Has("save-to-db");
        if (outPath is null == !toDatabase) throw new ArgumentException("give exactly one of --out model.bin and --save-to-db");
        var (data, problems) = await ReadLabeledAsync(input, flags.Required("text-column"), flags.Required("label-column"), null, ct);
        Report(output, problems);
        if (data.Select(d => d.Area).Distinct().Count() < 2) throw new ArgumentException($"{input}: at least two different labels are needed to train, found {data.Select(d => d.Label).Distinct().Count()}");

        var (train, test) = ClassifierEvaluation.StratifiedSplit(data, 0.2, seed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // The trainer returns the model as loaded from its stored bytes: judged the way it will be used.
        var model = MlTopicTrainer.Train(train, new TopicTrainingOptions(Seed: seed), ct);
        var bytes = model.Serialize();
        output.WriteLine($"trained on {train.Count:N0} texts in {clock.Elapsed.TotalSeconds:N1} s; held out {test.Count:N0}");
        var report = ClassifierEvaluation.Evaluate(test, t => model.Predict(t));
        Print(output, report, data.Any(d => d.Label != d.Area));
        if (outPath is not null)
        {
            await File.WriteAllBytesAsync(outPath, bytes, ct);
            output.WriteLine($"model written to {outPath}");
            return 0;
        }

        {
            var queries = new ClassificationQueries(await openDatabase(ct));
            var typeIds = await queries.GetTypeIdsAsync(ct);
            var unknown = model.Labels.Where(l => !typeIds.ContainsKey(l)).Take(5).ToList();
            if (unknown.Count > 0) throw new ArgumentException($"{input}: labels must be service type codes to store the model in the database; unknown: {string.Join(", ", unknown)}");
            var (verdict, _) = await ClassifierTraining.JudgeAsync(queries, report, test, $"{test.Count} held-out texts of {Path.GetFileName(input)}", ct);
            var id = await queries.SaveModelAsync(bytes, seed, new { source = Path.GetFileName(input), texts = data.Count, train = train.Count, test = test.Count }, report, verdict, ct);
            output.WriteLine($"model {id} stored; {verdict.Reason}");
        }
        return 0;
    }

    private static async Task<int> ClassifyAsync(VerbArgs flags, TextWriter output,
        Func<CancellationToken, Task<NpgsqlDataSource>> openDatabase, CancellationToken ct)
    {
        var input = flags.Required("input");
        var outPath = flags.Required("output");
        var table = await Table.ReadAsync(input, ct);
        var textColumn = table.Column(flags.Required("text-column"), input);
        var idColumn = flags.Option("id-column") is { } idName ? table.Column(idName, input) : -1;
        var model = await LoadModelAsync(flags, openDatabase, ct);
        var rows = new List<string[]>(table.Rows.Count);
        var problems = new List<CsvProblem>();
        foreach (var (row, fields) in table.Rows)
        {
            var text = textColumn < fields.Count ? fields[textColumn] : null;
            if (text is null) problems.Add(new CsvProblem(row, table.Header[textColumn], $"the row has {fields.Count} fields, the header {table.Header.Length}; classified as empty"));
            var p = model.Predict(text);
            var cells = new List<string> { row.ToString(CultureInfo.InvariantCulture) };
            if (idColumn >= 0) cells.Add(idColumn < fields.Count ? fields[idColumn] : "");
            cells.Add(p.Unclassified ? "unclassified" : p.Label ?? "unclassified");
            cells.Add(p.Area ?? "");
            cells.Add(Number(p.Confidence));
            for (var i = 1; i < 3; i++)
            {
                cells.Add(i < p.Top.Count ? p.Top[i].Label : "");
                cells.Add(i < p.Top.Count ? Number(p.Top[i].Confidence) : "");
            }
            rows.Add([.. cells]);
        }
        string[] header = idColumn >= 0
            ? ["row", table.Header[idColumn], "label", "area", "confidence", "label2", "confidence2", "label3", "confidence3"]
            : ["row", "label", "area", "confidence", "label2", "confidence2", "label3", "confidence3"];
        // The analysts' tools read plain UTF-8 with LF line ends.
        await using (var csv = CsvRowWriter.ToFile(outPath, byteOrderMark: false, newLine: "\n"))
        {
            await csv.WriteAsync(header, ct);
            foreach (var r in rows) await csv.WriteAsync(r, ct);
        }
        Report(output, problems);
        output.WriteLine($"{rows.Count:N0} texts classified into {outPath} ({rows.Count(r => r[idColumn >= 0 ? 2 : 1] == "unclassified"):N0} unclassified)");
        return 0;
    }

    private static async Task<int> EvaluateAsync(VerbArgs flags, TextWriter output,
        Func<CancellationToken, Task<NpgsqlDataSource>> openDatabase, CancellationToken ct)
    {
        var input = flags.Required("input");
        var map = flags.Option("label-map") is { } mapPath ? await ReadLabelMapAsync(mapPath, ct) : null;
        var (data, problems) = await ReadLabeledAsync(input, flags.Required("text-column"), flags.Required("label-column"), map, ct);
        Report(output, problems);
        if (data.Count == 0) throw new ArgumentException($"{input}: no labeled rows to evaluate on");
        var model = await LoadModelAsync(flags, openDatabase, ct);
        var unknownAreas = data.Select(d => d.Area).Distinct().Where(a => !model.Areas.Contains(a)).Take(5).ToList();
        if (unknownAreas.Count > 0) output.WriteLine($"warning: labels the model does not know (always counted wrong): {string.Join(", ", unknownAreas)}");
        var report = ClassifierEvaluation.Evaluate(data, t => model.Predict(t));
        Print(output, report, map is null && data.Any(d => d.Label != d.Area));
        return 0;
    }

    private static async Task<MlTopicModel> LoadModelAsync(VerbArgs flags,
        Func<CancellationToken, Task<NpgsqlDataSource>> openDatabase, CancellationToken ct)
    {
        if (flags.Option("model") is { } path)
        {
            if (!File.Exists(path)) throw new ArgumentException($"{path}: model file not found");
            try { return MlTopicModel.Deserialize(await File.ReadAllBytesAsync(path, ct)); }
            catch (InvalidDataException e) { throw new ArgumentException($"{path}: {e.Message}"); }
        }
        {
            var current = await new ClassificationQueries(await openDatabase(ct)).GetCurrentModelAsync(ct)
                ?? throw new ArgumentException("the database has no promoted model yet: give --model, or train one with classify-train --save-to-db");
            return MlTopicModel.Deserialize(current.Model);
        }
    }

    /// <summary>
    /// Labeled rows; a label "area.type" is a service type under its area, a label without a dot is an area (one level).
    /// With a map, outside labels become our area codes. Rows with an empty text or label, or a label the map lacks,
    /// are reported and left out; the rest is kept.
    /// </summary>
    internal static async Task<(List<LabeledText> Data, List<CsvProblem> Problems)> ReadLabeledAsync(string path, string textName, string labelName,
        IReadOnlyDictionary<string, string>? map, CancellationToken ct)
    {
        var table = await Table.ReadAsync(path, ct);
        var textColumn = table.Column(textName, path);
        var labelColumn = table.Column(labelName, path);
        var data = new List<LabeledText>(table.Rows.Count);
        var problems = new List<CsvProblem>();
        foreach (var (row, fields) in table.Rows)
        {
            if (Math.Max(textColumn, labelColumn) >= fields.Count)
            {
                problems.Add(new CsvProblem(row, fields.Count <= labelColumn ? labelName : textName, $"missing: the row has {fields.Count} fields, the header {table.Header.Length}"));
                continue;
            }
            var label = fields[labelColumn].Trim();
            if (label.Length == 0) { problems.Add(new CsvProblem(row, labelName, "empty label")); continue; }
            if (string.IsNullOrWhiteSpace(fields[textColumn])) { problems.Add(new CsvProblem(row, textName, "empty text")); continue; }
            string area;
            if (map is not null)
            {
                if (!map.TryGetValue(label, out var mapped)) { problems.Add(new CsvProblem(row, labelName, $"label '{label}' is not in the label map")); continue; }
                (area, label) = (mapped, mapped);
            }
            else
            {
                var dot = label.IndexOf('.');
                area = dot > 0 ? label[..dot] : label;
            }
            data.Add(new LabeledText(fields[textColumn], area, label, LanguageDetector.Detect(fields[textColumn])));
        }
        return (data, problems);
    }

    private static async Task<Dictionary<string, string>> ReadLabelMapAsync(string path, CancellationToken ct)
    {
        var table = await Table.ReadAsync(path, ct);
        var from = table.Column("label", path);
        var to = table.Column("area", path);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (row, fields) in table.Rows)
        {
            if (Math.Max(from, to) >= fields.Count || fields[from].Trim().Length == 0 || fields[to].Trim().Length == 0)
                throw new ArgumentException($"{path}: row {row}: both 'label' and 'area' are needed");
            if (!map.TryAdd(fields[from].Trim(), fields[to].Trim()))
                throw new ArgumentException($"{path}: row {row}: label '{fields[from].Trim()}' is mapped twice");
        }
        return map;
    }

    /// <summary>
    /// An analyst's file read whole: its header (trimmed) and rows, each numbered as a spreadsheet shows it (the header
    /// is row 1). Blank lines are skipped; a row may have fewer or more fields than the header.
    /// </summary>
    private sealed record Table(string[] Header, List<(int Row, IReadOnlyList<string> Fields)> Rows)
    {
        /// <exception cref="ArgumentException">The file is missing or empty, has an unclosed quote or an oversized row.</exception>
        public static async Task<Table> ReadAsync(string path, CancellationToken ct)
        {
            if (!File.Exists(path)) throw new ArgumentException($"{path}: file not found");
            await using var csv = CsvRowReader.OpenFile(path);
            string[]? header = null;
            var rows = new List<(int, IReadOnlyList<string>)>();
            while (await csv.ReadAsync(ct) is { } record)
            {
                // Stray quotes and text after a closing quote are kept as text; these two cannot be read at all.
                if (record.Error == CsvRecord.UnclosedQuote)
                    throw new ArgumentException($"{path}: row {record.Line}: a quoted field opened on line {record.Line} is never closed");
                if (record.Error == CsvRecord.TooLong)
                    throw new ArgumentException($"{path}: row {record.Line}: the row is longer than {CsvRowReader.MaxRecordBytes:N0} bytes");
                if (header is null) header = record.Fields.Select(h => h.Trim()).ToArray();
                else rows.Add((record.Line, record.Fields));
            }
            if (header is null || header.All(string.IsNullOrWhiteSpace)) throw new ArgumentException($"{path}: the file is empty, a header row is needed");
            return new Table(header, rows);
        }

        /// <summary>The index of a named column.</summary>
        /// <exception cref="ArgumentException">The header does not have it.</exception>
        public int Column(string name, string path) =>
            Array.FindIndex(Header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
                ? i
                : throw new ArgumentException($"{path}: column '{name}' is not in the header (columns: {string.Join(", ", Header)})");
    }

    private static void Report(TextWriter output, List<CsvProblem> problems)
    {
        foreach (var p in problems.Take(20)) output.WriteLine($"skipped {p}");
        if (problems.Count > 20) output.WriteLine($"... and {problems.Count - 20} more rows skipped");
    }

    private static void Print(TextWriter output, EvaluationReport r, bool withTypes)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"texts {r.Count}, unclassified {r.Unclassified}; area accuracy {r.AreaAccuracy:F4}, area macro-F1 {r.AreaMacroF1:F4}"));
        if (withTypes)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"service type accuracy {r.TypeAccuracy:F4}, top-3 {r.TypeTop3Accuracy:F4}, macro-F1 {r.TypeMacroF1:F4}"));
        }
        output.WriteLine("class                      support  precision  recall      F1");
        foreach (var c in r.Areas)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Label,-26} {c.Support,7}  {c.Precision,9:F4}  {c.Recall,6:F4}  {c.F1,6:F4}"));
        }
        foreach (var l in r.Languages)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"language {l.Language}: {l.Count} texts, area accuracy {l.AreaAccuracy:F4}, macro-F1 {l.AreaMacroF1:F4}"));
        }
        foreach (var p in r.WorstPairs.Take(5)) output.WriteLine($"confused: {p.Actual} -> {p.Predicted} ({p.Count})");
    }


    private static string Number(double x) => x.ToString("0.0000", CultureInfo.InvariantCulture);
}
