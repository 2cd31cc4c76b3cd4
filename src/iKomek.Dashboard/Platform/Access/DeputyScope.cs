using System.Security.Claims;
using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Platform.Access;

/// <summary>
/// What a signed-in deputy akim supervises: the departments of deputy_departments and the areas of city life whose
/// service types those departments handle (v_access_deputy_areas). The deputy's pages list these first and mark them;
/// the deputy still sees the whole city.
/// </summary>
public sealed record DeputyScope(int DeputyId, IReadOnlySet<int> Departments, IReadOnlySet<int> Areas);

/// <summary>Reads a reader's <see cref="DeputyScope"/> from the database: decided on the server from the signed-in user.</summary>
public sealed class DeputyScopes(NpgsqlDataSource db)
{
    /// <summary>The reader's scope, or null for anyone but a signed-in deputy with a deputy on record (users.deputy_id).</summary>
    public async Task<DeputyScope?> OfAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!user.IsInRole(CityRoles.Deputy) || user.Login() is not { } login) return null;
        const string sql = """
            SELECT deputy_id::int FROM users WHERE login = @login AND deputy_id IS NOT NULL;
            SELECT dd.department_id::int FROM deputy_departments dd JOIN users u ON u.deputy_id = dd.deputy_id WHERE u.login = @login;
            SELECT v.area_id::int FROM v_access_deputy_areas v JOIN users u ON u.deputy_id = v.deputy_id WHERE u.login = @login;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { login }, cancellationToken: ct));
        var deputy = await grid.ReadSingleOrDefaultAsync<int?>();
        var departments = (await grid.ReadAsync<int>()).ToHashSet();
        var areas = (await grid.ReadAsync<int>()).ToHashSet();
        return deputy is { } id ? new DeputyScope(id, departments, areas) : null;
    }
}

public static class SupervisedOrder
{
    /// <summary>
    /// The first <paramref name="limit"/> of a ranked list as ranked; with the keys a deputy supervises, those first
    /// (every one of them, in their ranked order) and then the others, ranked, up to the limit.
    /// </summary>
    public static IReadOnlyList<T> SupervisedFirst<T>(this IReadOnlyList<T> ranked, IReadOnlySet<int>? supervised, Func<T, int> key, int limit)
    {
        if (supervised is null) return ranked.Take(limit).ToList();
        var mine = ranked.Where(i => supervised.Contains(key(i))).ToList();
        return mine.Concat(ranked.Where(i => !supervised.Contains(key(i)))).Take(Math.Max(limit, mine.Count)).ToList();
    }
}
