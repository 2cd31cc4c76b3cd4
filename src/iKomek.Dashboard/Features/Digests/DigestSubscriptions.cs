using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;
using Npgsql;

namespace IKomek.Dashboard.Features.Digests;

/// <summary>A change refused, with the text key saying why.</summary>
public sealed class DigestRejectedException(string textKey) : Exception(textKey)
{
    public string TextKey { get; } = textKey;
}

/// <summary>A confirmed e-mail address of the person (notify_endpoints).</summary>
public sealed record DigestAddress(long Id, string Address);

/// <summary>One of the person's digests as stored.</summary>
public sealed record DigestSubscription(string Kind, long EndpointId, bool Enabled, DateTime? LastSentFor);

/// <summary>What the person's page shows and edits.</summary>
public sealed record DigestSettings(string Language, IReadOnlyList<DigestAddress> Addresses, IReadOnlyList<DigestSubscription> Subscriptions);

/// <summary>What the person chose: which digests, to which address, in which language.</summary>
public sealed record DigestChoice(long EndpointId, string Language, IReadOnlySet<string> Kinds);

/// <summary>A person's digest subscriptions: read and saved by the person, each save audited in its transaction.</summary>
public sealed class DigestSubscriptions(NpgsqlDataSource db, TimeProvider time)
{
    // The person's addresses a digest may go to: e-mail, confirmed, not removed.
    private const string Confirmed = "e.login = @login AND e.channel = 'email' AND e.confirmed_at IS NOT NULL AND e.disabled_at IS NULL";

    public async Task<DigestSettings> GetAsync(string login, CancellationToken ct = default)
    {
        const string sql = $"""
            SELECT language FROM users WHERE login = @login;
            SELECT e.id AS Id, e.address AS Address FROM notify_endpoints e WHERE {Confirmed} ORDER BY e.id;
            SELECT period AS Kind, endpoint_id AS EndpointId, enabled AS Enabled, last_sent_for::timestamp AS LastSentFor
            FROM digest_subscriptions WHERE login = @login;
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { login }, cancellationToken: ct));
        var language = await grid.ReadSingleOrDefaultAsync<string>() ?? "ru";
        return new DigestSettings(language, (await grid.ReadAsync<DigestAddress>()).AsList(), (await grid.ReadAsync<DigestSubscription>()).AsList());
    }

    /// <summary>Saves the person's choice (the actor is the person: a digest is one's own): each kind on or off to the
    /// chosen address, and the language of what the panel sends.</summary>
    public async Task SaveAsync(Actor actor, DigestChoice choice, CancellationToken ct = default)
    {
        if (!CultureSettings.UiLanguages.Contains(choice.Language)) throw new DigestRejectedException("digests.page.language");
        if (choice.Kinds.Except(DigestKinds.All).Any()) throw new ArgumentException("Unknown digest kind", nameof(choice));
        var login = actor.Name;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var mine = await conn.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM notify_endpoints e WHERE e.id = @id AND {Confirmed})", new { id = choice.EndpointId, login }, tx, cancellationToken: ct));
        if (!mine) throw new DigestRejectedException("digests.page.badAddress");
        const string sql = """
            UPDATE users SET language = @language WHERE login = @login;
            INSERT INTO digest_subscriptions (login, period, endpoint_id, enabled, updated_at, updated_by)
            SELECT @login, k, @endpoint, k = ANY(@on), @at, @login FROM unnest(@all) k
            ON CONFLICT (login, period) DO UPDATE SET endpoint_id = excluded.endpoint_id, enabled = excluded.enabled,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by;
            """;
        await conn.ExecuteAsync(new CommandDefinition(sql, new
        {
            login, choice.Language, endpoint = choice.EndpointId, on = choice.Kinds.ToArray(), all = DigestKinds.All.ToArray(), at = time.GetUtcNow(),
        }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(conn, tx, actor, AuditActions.DigestSubscriptions, "digest", login, new
        {
            daily = choice.Kinds.Contains(DigestKinds.Daily), weekly = choice.Kinds.Contains(DigestKinds.Weekly),
            monthly = choice.Kinds.Contains(DigestKinds.Monthly), endpoint = choice.EndpointId, language = choice.Language,
        }, ct);
        await tx.CommitAsync(ct);
    }
}
