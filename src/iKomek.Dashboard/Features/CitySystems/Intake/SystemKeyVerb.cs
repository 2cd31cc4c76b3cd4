using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.CitySystems.Intake;

/// <summary><c>system-key --system CODE --name "..."</c>: issues an API key for a source of a system's data and prints it
/// once (only its SHA-256 is kept); the issue is in the audit log.</summary>
public sealed class SystemKeyVerb : IVerb
{
    public string Name => "system-key";
    public string Summary => "issue an API key for a source of a city system's data (printed once; X-Api-Key of /api/systems/{code}/...)";
    public string Usage => "system-key --system manholes --name \"Astana Su Arnasy sensors\"";
    public VerbSyntax Syntax { get; } = new() { Options = ["system", "name"] };

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var system = context.Args.Required("system");
        var name = context.Args.Required("name");
        var city = await context.MigratedDatabaseAsync(ct);
        var (source, key) = await SystemSources.IssueAsync(city.DataSource, system, name, Actor.Console(Environment.UserName), ct);
        await context.Out.WriteLineAsync($"Source {source.Id} \"{source.Name}\" of {source.SystemCode}. Its key (shown once, keep it safe):");
        await context.Out.WriteLineAsync(key);
        return 0;
    }
}
