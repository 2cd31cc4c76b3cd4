using System.Text.RegularExpressions;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Platform.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace IKomek.Dashboard.Tests.Hosting;

/// <summary>The verbs' dispatcher: verbs found through DI, the list on help and on an unknown verb, bad input exits 2.</summary>
public sealed class CliTests
{
    private static readonly string[] DocumentedVerbs =
        ["seed", "simulate", "migrate", "import", "mine", "project-services", "rating-weights", "system-key", "social-key", "social-import", "kb-mine", "user-add", "user-disable", "classify-train", "classify", "classify-eval", "profile", "demo-export"];

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args, Action<IServiceCollection>? moreVerbs = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunAsync(args, output, error, new StringReader(""), terminal: false, moreVerbs);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData(true, "seed")]
    [InlineData(true, "no-such-verb")]
    [InlineData(true, "--help")]
    [InlineData(false, "--urls", "http://127.0.0.1:5099")]
    [InlineData(false, "--City:FixedNow=2026-03-31T14:00:00+05:00")]
    [InlineData(false)]
    public void IsCommand_AFirstWordIsAVerb_FlagsStartTheWebApp(bool verb, params string[] args) => Assert.Equal(verb, Cli.IsCommand(args));

    [Fact]
    public async Task Help_ListsEveryFeaturesVerbWithItsUsage()
    {
        var (code, output, _) = await RunAsync(["help"]);

        Assert.Equal(0, code);
        Assert.Equal(DocumentedVerbs.Order(), Cli.Verbs().Select(v => v.Name).Order());
        foreach (var verb in Cli.Verbs()) Assert.Contains("  " + verb.Usage.ReplaceLineEndings("\n  "), output.ReplaceLineEndings("\n"));
        Assert.Contains("Without a verb the web app starts.", output);
    }

    [Fact]
    public async Task HelpOnOneVerb_PrintsItsUsage()
    {
        var (code, output, _) = await RunAsync(["help", "mine"]);
        var (flagCode, flagOutput, _) = await RunAsync(["mine", "--help"]);

        Assert.Equal((0, 0), (code, flagCode));
        Assert.StartsWith("mine [--full]\n", output.ReplaceLineEndings("\n"));
        Assert.Equal(output, flagOutput);
    }

    [Fact]
    public async Task UnknownVerb_ExitsTwoWithTheList()
    {
        var (code, output, error) = await RunAsync(["sed", "--scale", "1"]);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("error: there is no verb 'sed'.", error);
        Assert.Contains("seed [--scale 0.05]", error);
    }

    [Theory]
    [InlineData("error: mine has no option --fulll (it takes --full)", "mine", "--fulll")]
    [InlineData("error: --scale: 'big' is not a valid number (with a dot: 0.5)", "seed", "--scale", "big")]
    [InlineData("error: --scenario 'flood' is not one of calm, storm, heating", "simulate", "--scenario", "flood")]
    [InlineData("error: user-disable needs a LOGIN", "user-disable")]
    [InlineData("error: import needs a FILE", "import", "--preset", "open311")]
    [InlineData("error: profile apply needs a FILE (a city profile, e.g. docs/profiles/example-city.json)", "profile", "apply")]
    [InlineData("error: 'replace' is not apply or show", "profile", "replace")]
    [InlineData("error: --input is required", "classify-train", "--text-column", "text", "--label-column", "label", "--out", "m.bin")]
    public async Task BadArguments_ExitTwoWithTheMessageAndTheVerbsUsage_BeforeTheDatabaseIsOpened(string message, params string[] args)
    {
        // No database is configured here: these must fail on their arguments alone.
        var (code, _, error) = await RunAsync([.. args, "--City:DataFolder=/nonexistent/ikomek"]);

        var lines = error.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal(2, code);
        Assert.Equal(message, lines[0]);
        Assert.StartsWith($"usage: {args[0]}", lines[1]);
    }

    [Fact]
    public async Task AVerbRegisteredInDi_GetsItsParsedArgumentsAndGivesTheExitCode()
    {
        var (code, output, _) = await RunAsync(["echo", "hello", "--times", "2", "--loud"], s => s.AddVerb<EchoVerb>());

        Assert.Equal(7, code);
        Assert.Equal("HELLO HELLO\n", output.ReplaceLineEndings("\n"));
    }

    /// <summary>Every verb line of the README (without placeholders) parses with its verb's syntax.</summary>
    [Fact]
    public void ReadmesVerbLines_ParseWithTheirVerbs()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        var lines = Regex.Matches(readme, @"dotnet run --project src/iKomek\.Dashboard -- ([^\n#]+)").Select(m => m.Groups[1].Value.Trim())
            .Where(l => !l.Contains('[') && !l.Contains('|') && l != "help").ToList();
        var verbs = Cli.Verbs().ToDictionary(v => v.Name);

        Assert.True(lines.Count >= 10, $"{lines.Count} verb lines in the README");
        foreach (var line in lines)
        {
            var words = Words(line);
            Assert.True(verbs.TryGetValue(words[0], out var verb), $"README verb '{words[0]}' is registered");
            var parsed = VerbArgs.Parse(verb!.Name, verb.Syntax, words[1..]);
            Assert.NotNull(parsed);
        }
        Assert.Equal(DocumentedVerbs.Order(), lines.Select(l => Words(l)[0]).Distinct().Order());
    }

    /// <summary>A command line split as a shell splits it (double quotes; "$VAR" stays a word).</summary>
    private static string[] Words(string line) =>
        Regex.Matches(line, "\"([^\"]*)\"|(\\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToArray();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "iKomek.Dashboard.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private sealed class EchoVerb : IVerb
    {
        public string Name => "echo";
        public string Summary => "says the word";
        public string Usage => "echo WORD [--times 1] [--loud]";
        public VerbSyntax Syntax { get; } = new() { Positionals = ["WORD"], Options = ["times"], Switches = ["loud"] };

        public async Task<int> RunAsync(VerbContext context, CancellationToken ct)
        {
            var word = context.Args.Has("loud") ? context.Args.Positional("WORD").ToUpperInvariant() : context.Args.Positional("WORD");
            await context.Out.WriteLineAsync(string.Join(' ', Enumerable.Repeat(word, context.Args.Get("times", 1))));
            return 7;
        }
    }
}
