using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Localization;
using IKomek.Dashboard.Platform.Notify;
using MimeKit;
using Npgsql;

namespace IKomek.Dashboard.Features.Alerts.Channels;

/// <summary>An e-mail address waiting for its confirmation, as the link's page shows it.</summary>
public sealed record PendingEmail(long EndpointId, string Address);

/// <summary>
/// E-mail addresses as endpoints: the person adds one, a confirmation link goes to it (a one-time code, a day long), and
/// the address receives nothing until the link is followed (GET shows a button, POST confirms: a mail scanner that
/// opens links confirms nothing).
/// </summary>
public sealed class EmailEndpoints(NpgsqlDataSource db, ChannelEndpoints endpoints, IMailSender mail, TimeProvider time)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromDays(1);
    public const string ConfirmPath = "me/channels/confirm/";

    /// <summary>Stores the address (unconfirmed) and sends its link, in the reader's language. False: stored, but the
    /// mail server refused or could not be reached (the person may ask again).</summary>
    public async Task<bool> AddAsync(Actor actor, string address, string panelBaseUri, CancellationToken ct = default)
    {
        var normalized = Normalize(address) ?? throw new EndpointRejectedException("channels.err.email");
        var code = OneTimeCode.New();
        await endpoints.ChangeAsync(actor, "add", NotifyChannels.Email, async (conn, tx, now) =>
        {
            var id = await conn.QuerySingleAsync<long>(new CommandDefinition("""
                INSERT INTO notify_endpoints (login, channel, address, created_at) VALUES (@login, 'email', @address, @now)
                ON CONFLICT (login, channel, address) DO UPDATE
                    SET disabled_at = NULL, disabled_reason = NULL,
                        -- A removed address is confirmed anew; one still in use keeps its confirmation.
                        confirmed_at = CASE WHEN notify_endpoints.disabled_at IS NULL THEN notify_endpoints.confirmed_at END
                RETURNING id
                """, new { login = actor.Name, address = normalized, now }, tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO notify_codes (code_hash, login, channel, endpoint_id, created_at, expires_at)
                VALUES (@hash, @login, 'email', @id, @now, @expires)
                """, new { hash = OneTimeCode.Hash(code), login = actor.Name, id, now, expires = now + CodeLifetime }, tx, cancellationToken: ct));
            return id;
        }, ct);
        try
        {
            await mail.SendAsync(ConfirmationMessage(normalized, panelBaseUri.TrimEnd('/') + "/" + ConfirmPath + code), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The address a code confirms, while the code is unused and in time.</summary>
    public async Task<PendingEmail?> PendingAsync(string code, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 64) return null;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<PendingEmail>(new CommandDefinition("""
            SELECT e.id AS EndpointId, e.address AS Address
            FROM notify_codes c JOIN notify_endpoints e ON e.id = c.endpoint_id
            WHERE c.code_hash = @hash AND c.channel = 'email' AND c.used_at IS NULL AND c.expires_at > @now AND e.disabled_at IS NULL
            """, new { hash = OneTimeCode.Hash(code), now = time.GetUtcNow() }, cancellationToken: ct));
    }

    /// <summary>Confirms the address of a code (once). Recorded as the address's owner, from the address that followed the
    /// link: the code proves the mailbox.</summary>
    public async Task<bool> ConfirmAsync(string code, System.Net.IPAddress? from, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 64) return false;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var used = await conn.QuerySingleOrDefaultAsync<(long EndpointId, string Login)?>(new CommandDefinition("""
            UPDATE notify_codes c SET used_at = @now
            FROM notify_endpoints e
            WHERE c.code_hash = @hash AND c.channel = 'email' AND c.used_at IS NULL AND c.expires_at > @now
              AND e.id = c.endpoint_id AND e.disabled_at IS NULL
            RETURNING c.endpoint_id, c.login
            """, new { hash = OneTimeCode.Hash(code), now }, tx, cancellationToken: ct));
        if (used is not { } u) return false;
        await conn.ExecuteAsync(new CommandDefinition("UPDATE notify_endpoints SET confirmed_at = @now WHERE id = @id",
            new { now, id = u.EndpointId }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(conn, tx, new Actor(u.Login, null, from), AuditActions.NotifyEndpoint, "notify_endpoint",
            u.EndpointId.ToString(System.Globalization.CultureInfo.InvariantCulture), new { change = "confirm", channel = NotifyChannels.Email }, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>A plain address (one mailbox, no display name), lower-cased domain; null when it is not one.</summary>
    internal static string? Normalize(string? address)
    {
        var s = address?.Trim();
        if (string.IsNullOrEmpty(s) || s.Length > 254 || s.Contains(' ', StringComparison.Ordinal)) return null;
        if (!MailboxAddress.TryParse(s, out var box) || box.Address != s || !string.IsNullOrEmpty(box.Name)) return null;
        var at = s.LastIndexOf('@');
        if (at <= 0 || at == s.Length - 1 || !s[(at + 1)..].Contains('.', StringComparison.Ordinal)) return null;
        return s[..at] + "@" + s[(at + 1)..].ToLowerInvariant();
    }

    private static MimeMessage ConfirmationMessage(string to, string link)
    {
        var t = new Texts();
        var message = new MimeMessage { Subject = t["channels.mail.subject"] };
        message.To.Add(MailboxAddress.Parse(to));
        var text = t.Format("channels.mail.text", link);
        var html = $"<p>{System.Net.WebUtility.HtmlEncode(t["channels.mail.lead"])}</p><p><a href=\"{System.Net.WebUtility.HtmlEncode(link)}\">"
                   + $"{System.Net.WebUtility.HtmlEncode(t["channels.mail.button"])}</a></p><p>{System.Net.WebUtility.HtmlEncode(t["channels.mail.ignore"])}</p>";
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
