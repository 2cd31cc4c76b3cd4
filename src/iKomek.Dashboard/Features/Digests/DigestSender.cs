using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Notify;
using Npgsql;

namespace IKomek.Dashboard.Features.Digests;

/// <summary>Where the links of a digest lead (section <c>Digests</c>): the panel's address as its readers reach it.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";
    public string PanelUrl { get; set; } = "http://127.0.0.1:5080";
}

/// <summary>Some digests of a run were not sent; the others were. Thrown after the run so that the job is retried and
/// the retry sends only those.</summary>
public sealed class DigestDeliveryException(int failed, string firstError)
    : Exception($"{failed} digest(s) not sent, will retry; first error: {firstError}");

/// <summary>
/// Sends the digests due: each person's subscription of a kind, once per period. A subscription is taken under a row
/// lock that other nodes skip and marked sent for the period in the same transaction, so a retried run or a second
/// node sends nobody twice; a failure (the mail server refusing) leaves that one due and goes on to the next.
/// </summary>
public sealed class DigestSender(NpgsqlDataSource db, DigestQueries queries, CityReference reference, IMailSender mail,
    AstanaClock clock, DigestOptions options, ILogger<DigestSender> log)
{
    public sealed record Run(int Sent, int AlreadySent, int Failed);

    // A subscription due for the period, with where and in which language it goes.
    private const string Due = """
        SELECT s.login AS Login, e.address AS Address, u.language AS Language
        FROM digest_subscriptions s
        JOIN notify_endpoints e ON e.id = s.endpoint_id
        JOIN users u ON u.login = s.login
        WHERE s.period = @kind AND s.enabled AND (s.last_sent_for IS NULL OR s.last_sent_for < @from)
          AND e.channel = 'email' AND e.confirmed_at IS NOT NULL AND e.disabled_at IS NULL AND NOT u.disabled
        """;

    private sealed record Recipient(string Login, string Address, string Language);

    public async Task<Run> SendDueAsync(string kind, CancellationToken ct)
    {
        var period = DigestPeriod.For(kind, clock.Today);
        var from = period.From.ToDateTime(TimeOnly.MinValue);
        IReadOnlyList<string> logins;
        int already;
        await using (var conn = await db.OpenConnectionAsync(ct))
        {
            logins = (await conn.QueryAsync<string>(new CommandDefinition($"SELECT Login FROM ({Due}) d ORDER BY 1", new { kind, from }, cancellationToken: ct))).AsList();
            already = await conn.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT count(*) FROM digest_subscriptions WHERE period = @kind AND enabled AND last_sent_for >= @from", new { kind, from }, cancellationToken: ct));
        }
        var digests = new Dictionary<string, Digest>();
        var (sent, failed, firstError) = (0, 0, "");
        foreach (var login in logins)
        {
            try
            {
                await using var conn = await db.OpenConnectionAsync(ct);
                await using var tx = await conn.BeginTransactionAsync(ct);
                var to = await conn.QuerySingleOrDefaultAsync<Recipient>(new CommandDefinition(
                    Due + " AND s.login = @login FOR UPDATE OF s SKIP LOCKED", new { kind, from, login }, tx, cancellationToken: ct));
                if (to is null)
                {
                    already++;   // taken by another node meanwhile
                    continue;
                }
                var scope = await queries.ScopeOfAsync(login, ct);
                var key = $"{scope.Kind}:{string.Join(',', scope.Departments ?? [])}:{string.Join(',', scope.Areas ?? [])}";
                if (!digests.TryGetValue(key, out var digest)) digests[key] = digest = await queries.GetAsync(period, scope, ct);
                await mail.SendAsync(DigestMail.Compose(digest, to.Language, to.Address, options.PanelUrl, await reference.GetAsync(ct)), ct);
                await conn.ExecuteAsync(new CommandDefinition(
                    "UPDATE digest_subscriptions SET last_sent_for = @from WHERE login = @login AND period = @kind",
                    new { kind, from, login }, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One person's failure holds no one else: the run goes on and the job is retried for the rest.
                log.LogWarning(e, "The {Kind} digest for {Login} was not sent", kind, login);
                if (failed++ == 0) firstError = e.Message;
            }
        }
        if (failed > 0) throw new DigestDeliveryException(failed, firstError);
        return new Run(sent, already, failed);
    }

    /// <summary>The person's digest of a kind for its latest period, now, to one of the person's confirmed e-mail
    /// addresses; recorded in the audit log. It does not count as the period's scheduled one.</summary>
    public async Task<string> SendNowAsync(Actor actor, string kind, long endpointId, CancellationToken ct = default)
    {
        var period = DigestPeriod.For(kind, clock.Today);
        await using var conn = await db.OpenConnectionAsync(ct);
        var to = await conn.QuerySingleOrDefaultAsync<Recipient>(new CommandDefinition("""
            SELECT e.login AS Login, e.address AS Address, u.language AS Language
            FROM notify_endpoints e JOIN users u ON u.login = e.login
            WHERE e.id = @endpointId AND e.login = @login AND e.channel = 'email' AND e.confirmed_at IS NOT NULL AND e.disabled_at IS NULL
            """, new { endpointId, login = actor.Name }, cancellationToken: ct))
            ?? throw new DigestRejectedException("digests.page.badAddress");
        var digest = await queries.GetAsync(period, await queries.ScopeOfAsync(to.Login, ct), ct);
        await mail.SendAsync(DigestMail.Compose(digest, to.Language, to.Address, options.PanelUrl, await reference.GetAsync(ct)), ct);
        await AuditLog.RecordAsync(conn, null, actor, AuditActions.DigestSend, "digest", to.Login,
            new { kind, period = period.From.ToString("yyyy-MM-dd"), endpoint = endpointId }, ct);
        return to.Address;
    }
}
