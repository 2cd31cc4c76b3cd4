using System.Globalization;
using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.Knowledge;

/// <summary><c>kb-mine</c>: the knowledge base mined now.</summary>
public sealed class KnowledgeMineVerb : IVerb
{
    public string Name => "kb-mine";
    public string Summary => "mine the operators' knowledge base now from the appeals resolved on the first contact (edited articles are kept)";
    public string Usage => "kb-mine";
    public VerbSyntax Syntax { get; } = new();

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var city = await context.MigratedDatabaseAsync(ct);
        var r = await new KnowledgeMining(city.DataSource, context.Time).RunAsync(ct: ct);
        await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Knowledge base mined: {r.Groups:N0} groups, {r.Created:N0} new draft articles, {r.Existing:N0} existing kept or refreshed"));
        return 0;
    }
}
