using System.Globalization;
using IKomek.Dashboard.Platform.Database;
using static IKomek.Dashboard.Platform.Cli.VerbFlags;

namespace IKomek.Dashboard.Features.SystemicProblems;

/// <summary><c>mine [--full]</c>: a mining run now, incremental or in full.</summary>
public static class MineVerb
{
    public static async Task<int> RunAsync(CityDatabase city, Dictionary<string, string?> flags, CancellationToken ct)
    {
        var mining = new SystemicMining(city.DataSource, TimeProvider.System);
        var r = await mining.RunAsync(flags.ContainsKey("full"), ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(r.Full ? "Full" : "Incremental")} mining: {r.TouchedGroups:N0} {(r.Full ? "weekly counts" : "groups touched")}, {r.Candidates:N0} candidates, {r.Problems:N0} current problems in {r.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }
}
