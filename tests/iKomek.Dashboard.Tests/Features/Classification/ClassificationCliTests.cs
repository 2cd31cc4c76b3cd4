using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Platform.Cli;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.Classification;

/// <summary>The analysts' verbs on small CSV files (a model file, no database).</summary>
public sealed class ClassificationCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ikomek-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name) => Path.Combine(_folder, name);

    private static Task<NpgsqlDataSource> NoDatabase(CancellationToken ct) =>
        throw new InvalidOperationException("this verb should not need the database");

    private static async Task<(int Code, string Output)> RunAsync(string verb, params string[] pairs)
    {
        // Each pair as typed (--name value), read by the verb's own syntax.
        var syntax = verb switch { "classify-train" => ClassificationCli.TrainSyntax, "classify" => ClassificationCli.ClassifySyntax, _ => ClassificationCli.EvalSyntax };
        var flags = VerbArgs.Parse(verb, syntax, pairs.Select((p, i) => i % 2 == 0 ? "--" + p : p).ToList());
        using var output = new StringWriter();
        var code = await ClassificationCli.RunAsync(verb, flags, output, NoDatabase, CancellationToken.None);
        return (code, output.ToString());
    }

    private static string Csv(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";

    /// <summary>The learnable set as CSV (texts with commas and quotes), plus three bad rows.</summary>
    private string WriteLabeled()
    {
        var lines = new List<string> { "id;text;topic".Replace(';', ',') };
        var i = 0;
        foreach (var t in TrainedOnDemo.Learnable(perType: 30)) lines.Add($"{++i},{Csv(t.Text)},{t.Label}");
        lines.Add("901,\"Нет света, \"\"срочно\"\"\",");   // empty label
        lines.Add("902,,heating.cold");                      // empty text
        lines.Add("903");                                     // a short row
        var path = File("labeled.csv");
        System.IO.File.WriteAllText(path, string.Join("\n", lines));
        return path;
    }

    [Fact]
    public async Task TrainClassifyEvaluate_SmallFiles_WorkEndToEnd()
    {
        var labeled = WriteLabeled();
        var model = File("model.bin");

        var (trainCode, trainOut) = await RunAsync("classify-train", "input", labeled, "text-column", "text", "label-column", "topic", "seed", "2", "out", model);

        Assert.Equal(0, trainCode);
        Assert.True(new FileInfo(model).Length > 100);
        Assert.Contains("skipped row 182, column 'topic': empty label", trainOut);
        Assert.Contains("skipped row 183, column 'text': empty text", trainOut);
        Assert.Contains("skipped row 184", trainOut);
        Assert.Contains("area macro-F1", trainOut);

        var texts = File("texts.csv");
        System.IO.File.WriteAllText(texts, "ref,text\nA1,\"Застряли в лифте, помогите\"\nA2,😡😡😡\nA3,\"<script>x()</script>\"\n");
        var predictions = File("predictions.csv");
        var (classifyCode, _) = await RunAsync("classify", "model", model, "input", texts, "text-column", "text", "output", predictions, "id-column", "ref");

        Assert.Equal(0, classifyCode);
        var rows = System.IO.File.ReadAllLines(predictions);
        Assert.Equal("row,ref,label,area,confidence,label2,confidence2,label3,confidence3", rows[0]);
        Assert.StartsWith("2,A1,elevators.stuck,elevators,", rows[1]);
        Assert.StartsWith("3,A2,unclassified,,", rows[2]);
        Assert.StartsWith("4,A3,unclassified,,", rows[3]);

        var (evalCode, evalOut) = await RunAsync("classify-eval", "model", model, "input", labeled, "text-column", "text", "label-column", "topic");
        Assert.Equal(0, evalCode);
        Assert.Matches(@"area accuracy 0\.9\d+|area accuracy 1\.0000", evalOut);
        Assert.Contains("stray_animals", evalOut);
        Assert.Contains("precision", evalOut);
    }

    [Fact]
    public async Task Evaluate_WithLabelMap_TurnsOutsideLabelsIntoOurAreas()
    {
        var labeled = WriteLabeled();
        var model = File("model.bin");
        Assert.Equal(0, (await RunAsync("classify-train", "input", labeled, "text-column", "text", "label-column", "topic", "out", model)).Code);
        var outside = File("outside.csv");
        System.IO.File.WriteAllText(outside, "msg;cat\nБатареи холодные уже неделю;ЖКХ-тепло\nЛифт не работает второй день;ЖКХ-лифт\nБродячие собаки во дворе;Животные\nЧто-то непонятное;Прочее\n");
        var map = File("map.csv");
        System.IO.File.WriteAllText(map, "label,area\nЖКХ-тепло,heating\nЖКХ-лифт,elevators\nЖивотные,stray_animals\n");

        var (code, output) = await RunAsync("classify-eval", "model", model, "input", outside, "text-column", "msg", "label-column", "cat", "label-map", map);

        Assert.Equal(0, code);
        Assert.Contains("skipped row 5, column 'cat': label 'Прочее' is not in the label map", output);
        Assert.Contains("texts 3,", output);
        Assert.Contains("area accuracy 1.0000", output);
    }

    public static TheoryData<string, string[], string> BadCalls => new()
    {
        { "classify-train", ["text-column", "text", "label-column", "topic", "out", "m.bin"], "--input is required" },
        { "classify-train", ["input", "missing.csv", "text-column", "text", "label-column", "topic", "out", "m.bin"], "file not found" },
        { "classify-train", ["input", "labeled.csv", "text-column", "body", "label-column", "topic", "out", "m.bin"], "column 'body' is not in the header (columns: id, text, topic)" },
        { "classify-train", ["input", "labeled.csv", "text-column", "text", "label-column", "topic"], "give exactly one of --out" },
        { "classify-train", ["input", "one-label.csv", "text-column", "text", "label-column", "topic", "out", "m.bin"], "at least two different labels" },
        { "classify-train", ["input", "broken.csv", "text-column", "text", "label-column", "topic", "out", "m.bin"], "row 3: a quoted field opened on line 3 is never closed" },
        { "classify", ["model", "garbage.bin", "input", "labeled.csv", "text-column", "text", "output", "p.csv"], "topic model file is damaged" },
        { "classify-eval", ["model", "absent.bin", "input", "labeled.csv", "text-column", "text", "label-column", "topic"], "model file not found" },
        { "classify-eval", ["model", "garbage.bin", "input", "labeled.csv", "text-column", "text", "label-column", "topic", "label-map", "bad-map.csv"], "row 3: label 'a' is mapped twice" },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task BadInput_SaysPreciselyWhat(string verb, string[] pairs, string message)
    {
        WriteLabeled();
        System.IO.File.WriteAllText(File("one-label.csv"), "text,topic\nлифт,elevators.x\nлифт сломан,elevators.x\n");
        System.IO.File.WriteAllText(File("broken.csv"), "text,topic\nлифт,elevators.x\n\"не закрыто,heating.x\n");
        System.IO.File.WriteAllBytes(File("garbage.bin"), [1, 2, 3, 4, 5, 6]);
        System.IO.File.WriteAllText(File("bad-map.csv"), "label,area\na,heating\na,elevators\n");
        var inFolder = pairs.Select(p => p.EndsWith(".csv") || p.EndsWith(".bin") ? File(p) : p).ToArray();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => RunAsync(verb, inFolder));

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task Cli_BadClassificationCall_ExitsWithTwo()
    {
        var code = await Cli.RunAsync(["classify", "--model", File("absent.bin"), "--input", File("x.csv"), "--text-column", "text", "--output", File("p.csv")]);
        Assert.Equal(2, code);
    }
}
