using System.Globalization;
using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.SystemicProblems;

/// <summary><c>mine [--full]</c>: a mining run now, incremental or in full.</summary>
public sealed class MineVerb : IVerb
{
    public string Name => "mine";
    public string Summary => "mine systemic problems now (incremental: appeals since the last run; --full: recount all)";
    public string Usage => "mine [--full]";
    public VerbSyntax Syntax { get; } = new() { Switches = ["full"] };

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var city = await context.MigratedDatabaseAsync(ct);
        var r = await new SystemicMining(city.DataSource, context.Time).RunAsync(context.Args.Has("full"), ct);
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(r.Full ? "Full" : "Incremental")} mining: {r.TouchedGroups:N0} {(r.Full ? "weekly counts" : "groups touched")}, {r.Candidates:N0} candidates, {r.Problems:N0} current problems in {r.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }
}
