using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Notify;
using Npgsql;

namespace IKomek.Dashboard.Features.Alerts.Channels;

/// <summary>One of the person's endpoints as their page lists it.</summary>
public sealed record MyEndpoint(long Id, string Channel, string Address, string? Label, DateTime CreatedAt, DateTime? ConfirmedAt,
    DateTime? DisabledAt, string? DisabledReason)
{
    public bool IsActive => DisabledAt is null && (ConfirmedAt is not null || Channel == NotifyChannels.Push);
}

/// <summary>A browser's push subscription as the page's script hands it over.</summary>
public sealed record PushSubscriptionInput(string Endpoint, string P256dh, string Auth, string? Label);

/// <summary>A change to an endpoint refused; <see cref="Exception.Message"/> is a text key.</summary>
public sealed class EndpointRejectedException(string textKey) : Exception(textKey);

/// <summary>One-time codes: 16 random bytes in base64url (a Telegram start parameter allows [A-Za-z0-9_-], 64 at most);
/// the database keeps only their SHA-256.</summary>
internal static class OneTimeCode
{
    public static string New() => VapidKeys.Base64Url(RandomNumberGenerator.GetBytes(16));
    public static byte[] Hash(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));
}

/// <summary>A person's endpoints (notify_endpoints): listed, added, removed and disabled; each change in the audit log
/// in its own transaction.</summary>
public sealed class ChannelEndpoints(NpgsqlDataSource db, TimeProvider time)
{
    public async Task<IReadOnlyList<MyEndpoint>> ListAsync(string login, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // Removed by the person: gone from the list; gone at the service: kept, with why.
        return (await conn.QueryAsync<MyEndpoint>(new CommandDefinition("""
            SELECT id AS Id, channel AS Channel, address AS Address, label AS Label, created_at AS CreatedAt, confirmed_at AS ConfirmedAt,
                   disabled_at AS DisabledAt, disabled_reason AS DisabledReason
            FROM notify_endpoints WHERE login = @login AND disabled_reason IS DISTINCT FROM 'removed'
            ORDER BY array_position(ARRAY['push', 'telegram', 'email'], channel), created_at, id
            """, new { login }, cancellationToken: ct))).AsList();
    }

    public async Task<NotifyEndpoint?> GetAsync(string login, long id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<NotifyEndpoint>(new CommandDefinition("""
            SELECT id AS Id, login AS Login, channel AS Channel, address AS Address, keys::text AS KeysJson
            FROM notify_endpoints WHERE id = @id AND login = @login
            """, new { id, login }, cancellationToken: ct));
    }

    /// <summary>Stores the browser's subscription as the signed-in person's (again after a removal: enabled anew). A push
    /// endpoint is an https address of a push service; the keys are the subscription's P-256 point and 16-byte secret.</summary>
    public async Task<long> SavePushAsync(Actor actor, PushSubscriptionInput input, CancellationToken ct = default)
    {
        if (!Uri.TryCreate(input.Endpoint, UriKind.Absolute, out var endpoint)
            || !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback))
            || input.Endpoint.Length > 2000)
            throw new EndpointRejectedException("channels.err.pushEndpoint");
        if (Base64UrlLength(input.P256dh) != 65 || Base64UrlLength(input.Auth) != 16)
            throw new EndpointRejectedException("channels.err.pushKeys");
        var label = Trim(input.Label, 100);
        var keys = JsonSerializer.Serialize(new { p256dh = input.P256dh, auth = input.Auth });
        return await ChangeAsync(actor, "add", NotifyChannels.Push, async (conn, tx, now) => await conn.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO notify_endpoints (login, channel, address, keys, label, created_at, confirmed_at)
            VALUES (@login, 'push', @address, @keys::jsonb, @label, @now, @now)
            ON CONFLICT (login, channel, address) DO UPDATE
                SET keys = excluded.keys, label = excluded.label, confirmed_at = @now, disabled_at = NULL, disabled_reason = NULL
            RETURNING id
            """, new { login = actor.Name, address = input.Endpoint, keys, label, now }, tx, cancellationToken: ct)), ct);
    }

    /// <summary>The person removes one of their endpoints: nothing is sent to it any more, its past deliveries stay.</summary>
    public async Task RemoveAsync(Actor actor, long id, CancellationToken ct = default) =>
        await ChangeAsync(actor, "remove", null, async (conn, tx, now) =>
        {
            var removed = await conn.ExecuteAsync(new CommandDefinition("""
                UPDATE notify_endpoints SET disabled_at = @now, disabled_reason = 'removed'
                WHERE id = @id AND login = @login AND disabled_reason IS DISTINCT FROM 'removed'
                """, new { id, login = actor.Name, now }, tx, cancellationToken: ct));
            return removed == 1 ? id : throw new EndpointRejectedException("channels.err.notYours");
        }, ct);

    /// <summary>The channel answered "gone" (404/410 from a push service, the bot blocked): nothing more is sent there.</summary>
    public async Task DisableGoneAsync(long id, string reason, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE notify_endpoints SET disabled_at = @now, disabled_reason = @reason WHERE id = @id AND disabled_at IS NULL
            """, new { id, reason = "gone: " + Trim(reason, 300), now = time.GetUtcNow() }, cancellationToken: ct));
    }

    /// <summary>One change of the person's endpoints and its audit record, in one transaction.</summary>
    internal async Task<long> ChangeAsync(Actor actor, string change, string? channel,
        Func<NpgsqlConnection, NpgsqlTransaction, DateTimeOffset, Task<long>> write, CancellationToken ct, string? outcome = null)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var id = await write(conn, tx, time.GetUtcNow());
        channel ??= await conn.ExecuteScalarAsync<string>(new CommandDefinition("SELECT channel FROM notify_endpoints WHERE id = @id",
            new { id }, tx, cancellationToken: ct));
        // The address itself stays out of the log: the endpoint's id and channel say which one.
        await AuditLog.RecordAsync(conn, tx, actor, AuditActions.NotifyEndpoint, "notify_endpoint", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { change, channel, outcome }, ct);
        await tx.CommitAsync(ct);
        return id;
    }

    internal static string? Trim(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : s.Trim() is var t && t.Length > max ? t[..max] : s.Trim();

    private static int Base64UrlLength(string? s)
    {
        if (string.IsNullOrEmpty(s) || s.Length > 200) return -1;
        var b = s.Replace('-', '+').Replace('_', '/');
        b = b.PadRight(b.Length + (4 - b.Length % 4) % 4, '=');
        var bytes = new byte[b.Length];
        return Convert.TryFromBase64String(b, bytes, out var n) ? n : -1;
    }
}
