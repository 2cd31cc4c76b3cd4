using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using IKomek.Dashboard.Platform.Notify;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IKomek.Dashboard.Features.Alerts.Channels;

/// <summary>Web Push settings (section <c>Push</c>). Without keys the panel makes its own pair once and keeps it in the
/// database; configured keys take precedence (the same pair on every installation of one panel).</summary>
public sealed class PushOptions
{
    public const string Section = "Push";

    /// <summary>Who the push services may contact about this sender: a mailto: or https: address.</summary>
    public string Subject { get; set; } = "mailto:info@ikomek109.kz";
    public string? PublicKey { get; set; }
    public string? PrivateKey { get; set; }
    /// <summary>How long a push service keeps a message for a device that is offline (critical ones: a day).</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(4);
    public TimeSpan CriticalTimeToLive { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>The panel's VAPID key pair (P-256, base64url): configured, or made once and kept in notify_push_keys with
/// the private key protected by the panel's data-protection keys.</summary>
public sealed class VapidKeys(NpgsqlDataSource db, IDataProtectionProvider protection, IOptions<PushOptions> options, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("iKomek.Notify.Vapid");
    private (string Public, string Private)? _keys;

    public async Task<(string Public, string Private)> GetAsync(CancellationToken ct = default)
    {
        if (_keys is { } known) return known;
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.PublicKey) && !string.IsNullOrWhiteSpace(o.PrivateKey))
            return (_keys = (o.PublicKey.Trim(), o.PrivateKey.Trim())).Value;
        var (publicKey, privateKey) = Generate();
        await using var conn = await db.OpenConnectionAsync(ct);
        // Two nodes starting together: the first insert wins and both read it.
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO notify_push_keys (public_key, private_key, created_at) VALUES (@publicKey, @privateKey, @now)
            ON CONFLICT (id) DO NOTHING
            """, new { publicKey, privateKey = _protector.Protect(privateKey), now = time.GetUtcNow() }, cancellationToken: ct));
        var stored = await conn.QuerySingleAsync<(string PublicKey, string PrivateKey)>(new CommandDefinition(
            "SELECT public_key, private_key FROM notify_push_keys", cancellationToken: ct));
        try
        {
            return (_keys = (stored.PublicKey, _protector.Unprotect(stored.PrivateKey))).Value;
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException("The stored VAPID private key cannot be read with this panel's data-protection keys: "
                + "set Push:PublicKey and Push:PrivateKey, or delete the row of notify_push_keys (browsers then subscribe again).", e);
        }
    }

    /// <summary>A new P-256 pair as the Web Push standard writes it: the uncompressed public point and the private scalar.</summary>
    public static (string Public, string Private) Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url([0x04, .. p.Q.X!, .. p.Q.Y!]), Base64Url(p.D!));
    }

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Web Push (RFC 8030/8291/8292): the payload {title, body, url, ack, critical} encrypted for the subscription
/// (aes128gcm) and signed with the panel's VAPID key. 404/410: the subscription is gone; 429, 5xx, timeouts: later.</summary>
public sealed class PushChannel(IHttpClientFactory http, VapidKeys keys, IOptions<PushOptions> options) : IOutboundChannel
{
    public const string HttpClientName = "push";

    public string Channel => NotifyChannels.Push;

    public async Task<DeliveryResult> SendAsync(NotifyEndpoint to, OutboundMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var subscription = new PushSubscription { Endpoint = to.Address };
        using (var json = JsonDocument.Parse(to.KeysJson ?? "{}"))
        {
            if (!json.RootElement.TryGetProperty("p256dh", out var p256dh) || !json.RootElement.TryGetProperty("auth", out var auth))
                return new DeliveryResult(DeliveryOutcome.Gone, "push: the subscription has no keys");
            subscription.SetKey(PushEncryptionKeyName.P256DH, p256dh.GetString());
            subscription.SetKey(PushEncryptionKeyName.Auth, auth.GetString());
        }
        var payload = JsonSerializer.Serialize(new
        {
            title = message.Title, body = message.Body, url = message.Link, ack = message.AckLink, critical = message.Critical,
        });
        var push = new PushMessage(payload)
        {
            Urgency = message.Critical ? PushMessageUrgency.High : PushMessageUrgency.Normal,
            TimeToLive = (int)(message.Critical ? o.CriticalTimeToLive : o.TimeToLive).TotalSeconds,
        };
        // The delivery job owns the retries and their back-off: the client waits for no Retry-After itself.
        var client = new PushServiceClient(http.CreateClient(HttpClientName)) { AutoRetryAfter = false };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.Timeout);
        try
        {
            var (publicKey, privateKey) = await keys.GetAsync(cancellationToken);
            using var vapid = new VapidAuthentication(publicKey, privateKey) { Subject = o.Subject };
            await client.RequestPushMessageDeliveryAsync(subscription, push, vapid, VapidAuthenticationScheme.Vapid, timeout.Token);
            return DeliveryResult.Sent;
        }
        catch (PushServiceClientException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return new DeliveryResult(DeliveryOutcome.Gone, $"push: {(int)e.StatusCode} {e.Message}");
        }
        catch (PushServiceClientException e)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, $"push: {(int)e.StatusCode} {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, "push: " + e.Message);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new DeliveryResult(DeliveryOutcome.Retry, $"push: {e.GetType().Name} {e.Message}");
        }
    }
}
