using System.Globalization;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Cli;
using IKomek.Dashboard.Platform.Database;

namespace IKomek.Dashboard.Features.DemoCity;

/// <summary><c>seed</c>: generate the demo city into the database (replacing one only with --reset).</summary>
public sealed class SeedVerb : IVerb
{
    public string Name => "seed";
    public string Summary => "generate the demo city (scale 1 = 4.6M appeals over three years); --reset replaces an existing city";
    public string Usage => "seed [--scale 0.05] [--years 3] [--seed 109] [--end-date yyyy-MM-dd] [--reset]";
    public VerbSyntax Syntax { get; } = new() { Options = ["scale", "years", "seed", "end-date"], Switches = ["reset"] };

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var args = context.Args;
        var scale = args.Get("scale", 0.05);
        var years = args.Get("years", 3);
        var seed = args.Get("seed", 109);
        DateOnly? endDate = args.Get<DateOnly?>("end-date", null, raw => DateOnly.ParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (scale is <= 0 or > 5) throw new ArgumentException("--scale must be above 0 and at most 5");
        if (years is < 1 or > 10) throw new ArgumentException("--years must be from 1 to 10");

        var city = await context.DatabaseAsync(ct);
        if (args.Has("reset")) await CityDatabase.RecreateDatabaseAsync(city.DataSource.ConnectionString, ct);
        await context.MigratedDatabaseAsync(ct);
        if (await city.HasCityAsync(ct))
        {
            await context.Error.WriteLineAsync("error: the database already holds a city. Pass --reset to replace it.");
            return 2;
        }
        var result = await DemoCityGenerator.SeedAsync(city.DataSource, new DemoCityOptions(seed, scale, years, endDate),
            new Progress<string>(context.Out.WriteLine), ct);
        await context.Out.WriteLineAsync($"Seeded {result.Appeals:N0} appeals and {result.Events:N0} status events in {result.Elapsed.TotalSeconds:F1} s " +
                                         $"({result.Appeals / Math.Max(result.Elapsed.TotalSeconds, 0.001):N0} appeals/s).");
        return 0;
    }
}

/// <summary><c>simulate</c>: stream realistic appeals through the intake path into a running panel.</summary>
public sealed class SimulateVerb : IVerb
{
    private static readonly Dictionary<string, SimulatedScenario> Scenarios = new(StringComparer.Ordinal)
    {
        ["calm"] = SimulatedScenario.Calm,
        ["storm"] = SimulatedScenario.Storm,
        ["heating"] = SimulatedScenario.HeatingFailure,
    };

    public string Name => "simulate";
    public string Summary => "stream realistic appeals through the intake path (appeals per second); Ctrl+C stops";
    public string Usage => "simulate [--rate 0.5] [--minutes 60] [--scenario calm|storm|heating]";
    public VerbSyntax Syntax { get; } = new() { Options = ["rate", "minutes", "scenario"] };

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var args = context.Args;
        var rate = args.Get("rate", 0.5);
        var minutes = args.Get("minutes", 60.0);
        var scenario = args.Choice("scenario", Scenarios, SimulatedScenario.Calm);
        if (rate is <= 0 or > 5000) throw new ArgumentException("--rate must be above 0 and at most 5000 appeals per second");
        if (minutes <= 0) throw new ArgumentException("--minutes must be above 0");

        var db = (await context.MigratedDatabaseAsync(ct)).DataSource;
        var time = context.Time;
        // The current topic model, when there is one, records its suggestions as the web app's intake does.
        var classifier = new TrainedAppealClassifier();
        if (await new ClassificationQueries(db).LoadCurrentAsync(ct) is { } model) classifier.Use(model);
        using var reference = new CityReference(db, time);
        await using var intake = new AppealIntake(db, classifier, new RoutingTable(db, time), reference, time);
        await context.Out.WriteLineAsync($"Streaming a {scenario} city at {rate} appeals/s for {minutes} min; Ctrl+C stops.");
        var sent = await new LiveSimulator(db, intake, time).RunAsync(scenario, rate, TimeSpan.FromMinutes(minutes),
            r => context.Out.WriteLine($"{new AstanaClock(time).Now:HH:mm:ss} {r.RegNumber}{(r.DuplicateOf is null ? "" : " (duplicate)")}"), ct);
        await context.Out.WriteLineAsync($"Sent {sent:N0} appeals.");
        return 0;
    }
}
