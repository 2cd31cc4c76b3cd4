using System.Collections.Concurrent;
using System.Security.Cryptography;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.CitySystems.Intake;

/// <summary>A source that may send one system's data (city_system_sources).</summary>
public sealed record SystemSource(int Id, string SystemCode, string Name);

/// <summary>
/// The sources' API keys: only a key's SHA-256 is stored, the key itself is shown once when issued. A key found is
/// remembered for a minute on the node (a busy source sends many batches a second); a key turned off stops within it.
/// </summary>
public sealed class SystemSources(NpgsqlDataSource db, TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (SystemSource Source, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    public async Task<SystemSource?> FindAsync(string key, CancellationToken ct = default)
    {
        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        var now = time.GetUtcNow();
        if (_known.TryGetValue(hash, out var known) && known.Until > now) return known.Source;
        await using var conn = await db.OpenConnectionAsync(ct);
        var source = await conn.QuerySingleOrDefaultAsync<SystemSource>(new CommandDefinition(
            "SELECT id AS Id, system_code AS SystemCode, name AS Name FROM city_system_sources WHERE key_sha256 = @hash AND is_active",
            new { hash = Convert.FromHexString(hash) }, cancellationToken: ct));
        if (source is null) _known.TryRemove(hash, out _);
        else _known[hash] = (source, now + Remember);
        return source;
    }

    /// <summary>Issues a new key for a system's source, recorded with who issued it; returns the key (shown once).</summary>
    public static async Task<(SystemSource Source, string Key)> IssueAsync(NpgsqlDataSource db, string systemCode, string name, Actor by,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("--name: the source's name is required (who sends the data).");
        var key = "sys_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var systems = (await conn.QueryAsync<string>(new CommandDefinition("SELECT code FROM city_systems ORDER BY position", transaction: tx, cancellationToken: ct))).AsList();
        if (!systems.Contains(systemCode))
            throw new ArgumentException($"Unknown system \"{systemCode}\": expected one of {string.Join(", ", systems)}.");
        var id = await conn.ExecuteScalarAsync<int>(new CommandDefinition("""
            INSERT INTO city_system_sources (system_code, name, key_sha256, created_by) VALUES (@systemCode, @name, @hash, @by) RETURNING id
            """, new { systemCode, name = name.Trim(), hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)), by = by.Name }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(conn, tx, by, AuditActions.SystemsSourceKey, "system_source", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { system = systemCode, name = name.Trim() }, ct);
        await tx.CommitAsync(ct);
        return (new SystemSource(id, systemCode, name.Trim()), key);
    }
}
