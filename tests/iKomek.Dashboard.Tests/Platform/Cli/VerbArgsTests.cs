using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Tests.Platform.Cli;

/// <summary>The one command-line parser: what it accepts, and a precise message for everything it refuses.</summary>
public sealed class VerbArgsTests
{
    private static readonly VerbSyntax Syntax = new()
    {
        Positionals = ["FILE"],
        Options = ["scale", "years", "name", "scenario"],
        Switches = ["reset"],
        Pairs = ["map"],
    };

    private static VerbArgs Parse(params string[] args) => VerbArgs.Parse("demo", Syntax, args);

    private static string Refused(params string[] args) => Assert.Throws<ArgumentException>(() => Parse(args)).Message;

    [Fact]
    public void Parse_PositionalOptionsSwitchesAndPairs()
    {
        var a = Parse("calls.csv", "--scale", "0.5", "--name=Айжан Нурланова", "--reset", "--map", "Лифт=elevators", "--map", "Яма = roads.pothole");

        Assert.Equal("calls.csv", a.Positional("FILE"));
        Assert.Equal(0.5, a.Get("scale", 1.0));
        Assert.Equal(3, a.Get("years", 3));
        Assert.Equal("Айжан Нурланова", a.Option("name"));
        Assert.True(a.Has("reset"));
        Assert.Equal(new Dictionary<string, string> { ["Лифт"] = "elevators", ["Яма"] = "roads.pothole" }, a.Pairs("map"));
        Assert.Equal(["name", "reset", "scale"], a.GivenNames.Order());
    }

    [Fact]
    public void Parse_OrderDoesNotMatter_AndTheHostsOverridesAreSkipped()
    {
        var a = Parse("--City:DemoScale=0.2", "--reset", "--ConnectionStrings:City", "Host=db", "calls.csv", "--years", "2");

        Assert.Equal(("calls.csv", true, 2), (a.Positional("FILE"), a.Has("reset"), a.Get("years", 3)));
        Assert.Equal(["--City:DemoScale=0.2", "--ConnectionStrings:City", "Host=db"],
            VerbArgs.HostArguments(["calls.csv", "--City:DemoScale=0.2", "--reset", "--ConnectionStrings:City", "Host=db", "--years", "2"]));
    }

    [Theory]
    [InlineData("demo has no option --colour (it takes --scale, --years, --name, --scenario, --reset, --map)", "f.csv", "--colour", "blue")]
    [InlineData("--scale needs a value", "f.csv", "--scale")]
    [InlineData("--scale needs a value", "f.csv", "--scale", "--reset")]
    [InlineData("--reset is a switch and takes no value", "f.csv", "--reset=yes")]
    [InlineData("--years is given twice", "f.csv", "--years", "1", "--years", "2")]
    [InlineData("--reset is given twice", "f.csv", "--reset", "--reset")]
    [InlineData("unexpected argument 'other.csv' (demo takes one FILE)", "f.csv", "other.csv")]
    [InlineData("unexpected argument 'yes' (demo takes one FILE)", "f.csv", "--reset", "yes")]
    [InlineData("demo needs a FILE", "--reset")]
    [InlineData("--map 'Лифт' is not of the form A=B", "f.csv", "--map", "Лифт")]
    [InlineData("--map 'Лифт=' is not of the form A=B", "f.csv", "--map", "Лифт=")]
    public void Parse_BadArguments_SayPreciselyWhat(string message, params string[] args) => Assert.Equal(message, Refused(args));

    [Fact]
    public void Parse_AVerbWithoutPositionals_RefusesOne()
    {
        var e = Assert.Throws<ArgumentException>(() => VerbArgs.Parse("mine", new VerbSyntax { Switches = ["full"] }, ["full"]));
        Assert.Equal("mine takes no argument 'full' (options start with --)", e.Message);
    }

    [Theory]
    [InlineData("years", "three", "--years: 'three' is not a valid whole number")]
    [InlineData("years", "99999999999", "--years: '99999999999' is not a valid whole number")]
    [InlineData("scale", "0,5", "--scale: '0,5' is not a valid number (with a dot: 0.5)")]
    public void Get_AValueThatDoesNotParse_SaysWhichAndWhy(string option, string value, string message)
    {
        var a = Parse("f.csv", "--" + option, value);
        var e = Assert.Throws<ArgumentException>(() => option == "years" ? a.Get("years", 3) : (object)a.Get("scale", 1.0));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void RequiredAndChoice_MissingOrUnknown_SayWhat()
    {
        var a = Parse("f.csv", "--scenario", "flood");
        var choices = new Dictionary<string, int> { ["calm"] = 0, ["storm"] = 1 };

        Assert.Equal("--name is required", Assert.Throws<ArgumentException>(() => a.Required("name")).Message);
        Assert.Equal("--scenario 'flood' is not one of calm, storm", Assert.Throws<ArgumentException>(() => a.Choice("scenario", choices, 0)).Message);
        Assert.Equal(1, Parse("f.csv", "--scenario", "storm").Choice("scenario", choices, 0));
        Assert.Equal(0, Parse("f.csv").Choice("scenario", choices, 0));
    }
}
