using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IKomek.Dashboard.Tests.Infrastructure;

/// <summary>
/// A push service for the Web Push tests, since the browsers' real ones cannot be reached from here. It hands out
/// subscriptions (an endpoint with a P-256 key pair and an auth secret, as a browser would), accepts a push request as a
/// push service does: checks the VAPID Authorization header (the JWT's ES256 signature with the expected public key,
/// aud = this service's origin, exp in the next 24 hours), decrypts the aes128gcm body with the subscription's private
/// key and auth secret (RFC 8291), and keeps the decrypted JSON; it answers 410 or 503 on demand.
/// </summary>
public sealed class LocalPushService : LocalHttpServer
{
    private readonly ConcurrentDictionary<string, Subscriber> _subscribers = new();
    private readonly ConcurrentDictionary<string, int> _answers = new();

    /// <summary>The VAPID public key (base64url) the requests must be signed with.</summary>
    public required string VapidPublicKey { get; init; }

    public ConcurrentQueue<PushReceived> Received { get; } = new();

    /// <summary>Requests refused (a bad signature, a wrong audience, an undecryptable body), with why.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    public static async Task<LocalPushService> StartAsync(string vapidPublicKey)
    {
        var service = new LocalPushService { VapidPublicKey = vapidPublicKey };
        await service.ListenAsync();
        return service;
    }

    /// <summary>A new subscription, as a browser's pushManager.subscribe() would give it.</summary>
    public (string Endpoint, string P256dh, string Auth) Subscribe()
    {
        var id = Guid.NewGuid().ToString("N");
        var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var auth = RandomNumberGenerator.GetBytes(16);
        _subscribers[id] = new Subscriber(key, auth);
        var q = key.ExportParameters(false).Q;
        return ($"{BaseUrl}/push/{id}", B64([0x04, .. q.X!, .. q.Y!]), B64(auth));
    }

    /// <summary>Answers every later request to this endpoint with the status (410 gone, 503 down), until told otherwise.</summary>
    public void Answer(string endpoint, int status) => _answers[endpoint[(endpoint.LastIndexOf('/') + 1)..]] = status;

    protected override void Map(WebApplication app) => app.MapPost("/push/{id}", async (string id, HttpRequest request) =>
    {
        if (!_subscribers.TryGetValue(id, out var subscriber)) return Results.StatusCode(404);
        if (_answers.TryGetValue(id, out var status)) return Results.StatusCode(status);
        if (CheckVapid(request.Headers.Authorization.ToString()) is { } refusal) return Refuse(401, refusal);
        if (request.Headers.ContentEncoding.ToString() != "aes128gcm") return Refuse(415, "not aes128gcm");
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        string json;
        try
        {
            json = Encoding.UTF8.GetString(Decrypt(body.ToArray(), subscriber));
        }
        catch (CryptographicException e)
        {
            return Refuse(400, "cannot decrypt: " + e.Message);
        }
        Received.Enqueue(new PushReceived(id, json, request.Headers["TTL"].ToString(), request.Headers["Urgency"].ToString()));
        return Results.StatusCode(201);
    });

    private IResult Refuse(int status, string why)
    {
        Refused.Enqueue(why);
        return Results.StatusCode(status);
    }

    /// <summary>RFC 8292: "vapid t=&lt;JWT&gt;, k=&lt;public key&gt;"; null when it is right, else why not.</summary>
    private string? CheckVapid(string header)
    {
        if (!header.StartsWith("vapid ", StringComparison.Ordinal)) return "no vapid header";
        var parts = header[6..].Split(',').Select(p => p.Trim().Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var jwt) || !parts.TryGetValue("k", out var k)) return "no t or k";
        if (k != VapidPublicKey) return "another public key";
        var pieces = jwt.Split('.');
        if (pieces.Length != 3) return "not a JWT";
        var point = FromB64(k);
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..65] },
        });
        if (!ecdsa.VerifyData(Encoding.ASCII.GetBytes(pieces[0] + "." + pieces[1]), FromB64(pieces[2]), HashAlgorithmName.SHA256,
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            return "bad signature";
        using var header0 = JsonDocument.Parse(FromB64(pieces[0]));
        if (header0.RootElement.GetProperty("alg").GetString() != "ES256") return "not ES256";
        using var claims = JsonDocument.Parse(FromB64(pieces[1]));
        // The origin; the library writes it without the port, which real push services (https on 443) never have.
        var aud = claims.RootElement.GetProperty("aud").GetString();
        if (aud != BaseUrl && aud != new Uri(BaseUrl).GetLeftPart(UriPartial.Scheme) + new Uri(BaseUrl).Host) return $"aud {claims.RootElement.GetProperty("aud").GetString()} is not this origin {BaseUrl}";
        // The signer's own clock (the library reads the machine's): the token must be alive and live at most a day.
        var exp = DateTimeOffset.FromUnixTimeSeconds(claims.RootElement.GetProperty("exp").GetInt64());
        var now = DateTimeOffset.UtcNow;
        if (exp <= now || exp > now.AddHours(24).AddMinutes(5)) return "exp out of range";
        return claims.RootElement.TryGetProperty("sub", out var sub) && sub.GetString() is { Length: > 0 } ? null : "no sub";
    }

    /// <summary>RFC 8188 aes128gcm with RFC 8291's key derivation, one record (a push message is at most 4 KB).</summary>
    private static byte[] Decrypt(byte[] body, Subscriber to)
    {
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        var idLength = body[20];
        var senderPublic = body[21..(21 + idLength)];
        var record = body[(21 + idLength)..];
        if (idLength != 65 || record.Length > recordSize) throw new CryptographicException("bad header");

        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..65] },
        });
        var ecdh = to.Key.DeriveRawSecretAgreement(sender.PublicKey);
        var q = to.Key.ExportParameters(false).Q;
        byte[] receiverPublic = [0x04, .. q.X!, .. q.Y!];
        // PRK_key = HMAC(auth, ecdh); IKM = HMAC(PRK_key, "WebPush: info" || 0 || ua_public || as_public || 1)
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, ecdh, 32, to.Auth, [.. "WebPush: info\0"u8, .. receiverPublic, .. senderPublic]);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, "Content-Encoding: nonce\0"u8.ToArray());

        var plain = new byte[record.Length - 16];
        using var aes = new AesGcm(cek, 16);
        aes.Decrypt(nonce, record[..^16], record[^16..], plain);
        // The last record's padding: the delimiter 2, then zeros.
        var end = Array.FindLastIndex(plain, b => b != 0);
        if (end < 0 || plain[end] != 2) throw new CryptographicException("no last-record delimiter");
        return plain[..end];
    }

    private static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromB64(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b.PadRight(b.Length + (4 - b.Length % 4) % 4, '='));
    }

    private sealed record Subscriber(ECDiffieHellman Key, byte[] Auth);
}

/// <summary>A push message as the service decrypted it, with the sender's TTL and Urgency headers.</summary>
public sealed record PushReceived(string SubscriptionId, string Json, string Ttl, string Urgency)
{
    public JsonElement Payload => JsonDocument.Parse(Json).RootElement;
}
