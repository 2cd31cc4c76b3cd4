using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Platform.Database;

/// <summary><c>migrate</c>: apply the migrations in sql/ and exit.</summary>
public sealed class MigrateVerb : IVerb
{
    public string Name => "migrate";
    public string Summary => "apply the migrations in sql/ and exit";
    public string Usage => "migrate";
    public VerbSyntax Syntax { get; } = new();

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        await context.MigratedDatabaseAsync(ct);
        return 0;
    }
}
