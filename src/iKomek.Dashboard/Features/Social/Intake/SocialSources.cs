using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.Social.Intake;

/// <summary>A monitoring service that may send posts (social_sources).</summary>
public sealed record SocialSource(int Id, string Name);

/// <summary>
/// The monitoring services' API keys, as the city systems' sources keep theirs: only a key's SHA-256 is stored, the
/// key is shown once when issued, a key found is remembered for a minute on the node (a key turned off stops within it).
/// </summary>
public sealed class SocialSources(NpgsqlDataSource db, TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (SocialSource Source, DateTimeOffset Until)> _known = new(StringComparer.Ordinal);

    public async Task<SocialSource?> FindAsync(string key, CancellationToken ct = default)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var hex = Convert.ToHexString(hash);
        var now = time.GetUtcNow();
        if (_known.TryGetValue(hex, out var known) && known.Until > now) return known.Source;
        await using var conn = await db.OpenConnectionAsync(ct);
        var source = await conn.QuerySingleOrDefaultAsync<SocialSource>(new CommandDefinition(
            "SELECT id AS Id, name AS Name FROM social_sources WHERE key_sha256 = @hash AND is_active", new { hash }, cancellationToken: ct));
        if (source is null) _known.TryRemove(hex, out _);
        else _known[hex] = (source, now + Remember);
        return source;
    }

    /// <summary>Issues a key for a monitoring service, recorded with who issued it; returns the key (shown once).</summary>
    public static async Task<(SocialSource Source, string Key)> IssueAsync(NpgsqlDataSource db, string name, Actor by, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("--name: the monitoring service's name is required.");
        var key = "soc_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var id = await conn.ExecuteScalarAsync<int>(new CommandDefinition(
            "INSERT INTO social_sources (name, key_sha256, created_by) VALUES (@name, @hash, @by) RETURNING id",
            new { name = name.Trim(), hash = SHA256.HashData(Encoding.UTF8.GetBytes(key)), by = by.Name }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(conn, tx, by, AuditActions.SocialSourceKey, "social_source", id.ToString(CultureInfo.InvariantCulture),
            new { name = name.Trim() }, ct);
        await tx.CommitAsync(ct);
        return (new SocialSource(id, name.Trim()), key);
    }
}
