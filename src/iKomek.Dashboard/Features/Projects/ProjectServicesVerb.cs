using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Cli;
using Npgsql;

namespace IKomek.Dashboard.Features.Projects;

/// <summary>
/// <c>project-services [--group G --set CODE,CODE]</c>: which service types count as complaints near a project of each
/// group (the portfolio's rising complaints and the card's appeals near the site). Without <c>--set</c> it lists them.
/// A group's list is replaced whole, in one transaction with its audit entry; an unknown group or code changes nothing.
/// </summary>
public sealed class ProjectServicesVerb : IVerb
{
    public string Name => "project-services";
    public string Summary => "list or set the service types whose appeals near a site count as complaints about a project of a group";
    public string Usage => "project-services [--group roads|construction|engineering|improvement|social --set CODE,CODE...]";
    public VerbSyntax Syntax { get; } = new() { Options = ["group", "set"] };

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct)
    {
        var city = await context.MigratedDatabaseAsync(ct);
        if (context.Args.Option("set") is { } set)
        {
            var group = context.Args.Required("group");
            var codes = set.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var count = await SetAsync(city.DataSource, group, codes, Actor.Console(Environment.UserName), ct);
            await context.Out.WriteLineAsync($"{group}: {count} service types.");
            return 0;
        }
        if (context.Args.Given("group")) throw new ArgumentException("--group needs --set with the service types' codes (comma-separated).");
        foreach (var (group, codes) in await ListAsync(city.DataSource, ct))
            await context.Out.WriteLineAsync($"{group}: {codes}");
        return 0;
    }

    /// <summary>Each group with its service types' codes, comma-separated (empty when none).</summary>
    public static async Task<IReadOnlyList<(string Group, string Codes)>> ListAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(string, string)>(new CommandDefinition("""
            SELECT g.name, coalesce(string_agg(s.code, ',' ORDER BY s.code), '')
            FROM unnest(@groups) g (name)
            LEFT JOIN project_group_service_types t ON t.project_group = g.name
            LEFT JOIN service_types s ON s.id = t.service_type_id
            GROUP BY g.name ORDER BY array_position(@groups, g.name)
            """, new { groups = PortfolioFilter.Groups.ToArray() }, cancellationToken: ct))).AsList();
    }

    /// <summary>Replaces a group's service types; returns how many it has now.</summary>
    public static async Task<int> SetAsync(NpgsqlDataSource db, string group, IReadOnlyList<string> codes, Actor by, CancellationToken ct = default)
    {
        if (!PortfolioFilter.Groups.Contains(group))
            throw new ArgumentException($"Unknown project group \"{group}\": expected one of {string.Join(", ", PortfolioFilter.Groups)}.");
        codes = codes.Distinct().Order(StringComparer.Ordinal).ToList();
        if (codes.Count == 0) throw new ArgumentException("--set needs at least one service type's code.");
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var ids = (await conn.QueryAsync<(string Code, int Id)>(new CommandDefinition(
            "SELECT code, id FROM service_types WHERE code = ANY(@codes)", new { codes = codes.ToArray() }, tx, cancellationToken: ct))).ToDictionary(r => r.Code, r => r.Id);
        if (codes.Where(c => !ids.ContainsKey(c)).ToList() is { Count: > 0 } unknown)
            throw new ArgumentException($"Unknown service type {string.Join(", ", unknown.Select(c => $"\"{c}\""))}: nothing changed.");
        var before = await conn.QueryAsync<string>(new CommandDefinition("""
            SELECT s.code FROM project_group_service_types t JOIN service_types s ON s.id = t.service_type_id
            WHERE t.project_group = @group ORDER BY s.code
            """, new { group }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition("DELETE FROM project_group_service_types WHERE project_group = @group", new { group }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO project_group_service_types (project_group, service_type_id) SELECT @group, unnest(@ids)",
            new { group, ids = ids.Values.ToArray() }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(conn, tx, by, AuditActions.ProjectChange, "project_group", group,
            new { change = "service_types", before = before.ToArray(), after = codes }, ct);
        await tx.CommitAsync(ct);
        return ids.Count;
    }
}
