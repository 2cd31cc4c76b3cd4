using System.Globalization;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.Ratings;

/// <summary>
/// <c>rating-weights [--kpi N --projects N --appeals N --systemic N --reason TEXT]</c>: lists the weights' versions, or
/// sets new ones (percent, adding up to 100), versioned and audited as <c>console:&lt;account&gt;</c>. The rating job
/// takes them at its next run.
/// </summary>
public sealed class RatingWeightsVerb : IVerb
{
    private static readonly string[] Weights = ["kpi", "projects", "appeals", "systemic"];

    public string Name => "rating-weights";
    public string Summary => "list the weights of the managers' rating, or set a new version of them (percent, adding up to 100)";
    public string Usage => "rating-weights [--kpi N --projects N --appeals N --systemic N --reason TEXT]";
    public VerbSyntax Syntax { get; } = new() { Options = [.. Weights, "reason"] };

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var city = await context.MigratedDatabaseAsync(ct);
        if (Weights.Any(context.Args.Given))
        {
            decimal Percent(string name) => decimal.TryParse(context.Args.Required(name), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                ? value : throw new ArgumentException($"--{name} takes a number (percent), e.g. 25 or 12.5.");
            var set = await new RatingWeightsWriter(city.DataSource).SetAsync(Percent("kpi"), Percent("projects"), Percent("appeals"),
                Percent("systemic"), context.Args.Required("reason"), Actor.Console(Environment.UserName), ct);
            await context.Out.WriteLineAsync($"version {set.Version}: {Line(set)}");
            return 0;
        }
        foreach (var w in await new RatingQueries(city.DataSource).GetWeightsHistoryAsync(ct))
            await context.Out.WriteLineAsync($"version {w.Version} ({w.CreatedAt:yyyy-MM-dd HH:mm} {w.CreatedBy}): {Line(w)}; {w.Reason}");
        return 0;
    }

    private static string Line(RatingWeights w) => string.Create(CultureInfo.InvariantCulture,
        $"kpi {w.Kpi:0.##}, projects {w.Projects:0.##}, appeals {w.Appeals:0.##}, systemic {w.Systemic:0.##}");
}
