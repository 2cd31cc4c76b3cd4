using System.Collections.Concurrent;
using Dapper;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.Notify;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IKomek.Dashboard.Features.Alerts;

/// <summary>What one delivery run did.</summary>
public sealed record DeliveryRun(int Sent, int Retried, int Failed);

/// <summary>A claimed delivery with what its message needs (alerts_claim_deliveries).</summary>
public sealed record ClaimedDelivery(long Id, long AlertId, string Login, long EndpointId, string Channel, string Address, string? Keys,
    short Attempts, string AckToken, bool Critical, string TitleRu, string TitleKk, string TitleEn, string Link);

/// <summary>
/// Works through the due pending deliveries (sql/functions/alerts/alerts_deliveries.sql): claims a batch (SKIP LOCKED and
/// a lease, so two nodes never send one delivery twice), sends each through its channel, and records the outcome: sent;
/// retried with exponential back-off; failed after the last attempt, or at once with the endpoint disabled when it is
/// gone. Channels run side by side, each with a bounded number of sends at once and a timeout per send: one that is
/// down, hangs or throws holds no other and loses nothing (its deliveries wait for their next attempt).
/// </summary>
public sealed class AlertDelivery(NpgsqlDataSource db, TimeProvider time, IOptions<AlertsOptions> options,
    IEnumerable<IOutboundChannel> channels, ILogger<AlertDelivery> log)
{
    private readonly IReadOnlyDictionary<string, IOutboundChannel> _channels = channels.ToDictionary(c => c.Channel);

    /// <summary>Until nothing is due; a batch at a time.</summary>
    public async Task<DeliveryRun> RunAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var outcomes = new ConcurrentBag<string>();
        // Bounded: deliveries retried within this run's time come back in the next one, not in an endless loop here.
        for (var round = 0; round < 20; round++)
        {
            var claimed = await ClaimAsync(o, ct);
            if (claimed.Count == 0) break;
            await Task.WhenAll(claimed.GroupBy(d => d.Channel).Select(group => Parallel.ForEachAsync(group,
                new ParallelOptions { MaxDegreeOfParallelism = o.ParallelPerChannel, CancellationToken = ct },
                async (d, token) => outcomes.Add(await DeliverAsync(d, o, token)))));
            if (claimed.Count < o.Batch) break;
        }
        return new DeliveryRun(outcomes.Count(s => s == "sent"), outcomes.Count(s => s == "pending"), outcomes.Count(s => s == "failed"));
    }

    private async Task<List<ClaimedDelivery>> ClaimAsync(AlertsOptions o, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ClaimedDelivery>(new CommandDefinition(
            """
            SELECT id AS Id, alert_id AS AlertId, login AS Login, endpoint_id AS EndpointId, channel AS Channel, address AS Address,
                   keys AS Keys, attempts AS Attempts, ack_token AS AckToken, critical AS Critical, title_ru AS TitleRu,
                   title_kk AS TitleKk, title_en AS TitleEn, link AS Link
            FROM alerts_claim_deliveries(@now, @limit, @lease)
            """,
            new { now = time.GetUtcNow().UtcDateTime, limit = o.Batch, lease = o.Lease }, cancellationToken: ct))).AsList();
    }

    private async Task<string> DeliverAsync(ClaimedDelivery d, AlertsOptions o, CancellationToken ct)
    {
        var result = await SendAsync(d, o, ct);
        if (result.Outcome != DeliveryOutcome.Sent)
            log.LogWarning("Alert {AlertId} to {Channel} endpoint {EndpointId}: {Outcome} {Error}", d.AlertId, d.Channel, d.EndpointId, result.Outcome, result.Error);
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT alerts_delivery_done(@Id, @outcome, @error, @now, @first, @max, @attempts)",
            new
            {
                d.Id, outcome = result.Outcome.ToString().ToLowerInvariant(), error = result.Error, now = time.GetUtcNow().UtcDateTime,
                first = o.RetryFirst, max = o.RetryMax, attempts = o.MaxAttempts,
            }, cancellationToken: ct)) ?? "";
    }

    private async Task<DeliveryResult> SendAsync(ClaimedDelivery d, AlertsOptions o, CancellationToken ct)
    {
        if (!_channels.TryGetValue(d.Channel, out var channel))
            return new DeliveryResult(DeliveryOutcome.Retry, $"The {d.Channel} channel is not configured on this node.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(o.SendTimeout);
        try
        {
            return await channel.SendAsync(new NotifyEndpoint(d.EndpointId, d.Login, d.Channel, d.Address, d.Keys), Message(d, o), timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, $"No answer within {o.SendTimeout.TotalSeconds:0} s.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A channel should answer Retry itself; one that throws is treated the same, never as lost.
            return new DeliveryResult(DeliveryOutcome.Retry, e.Message);
        }
    }

    /// <summary>In Russian, the panel's language, with the Kazakh and English titles below: a person's language is not on record.</summary>
    private static OutboundMessage Message(ClaimedDelivery d, AlertsOptions o) =>
        new(d.TitleRu, $"{d.TitleKk}\n{d.TitleEn}", o.Absolute(d.Link), o.Absolute(AckEndpoints.Path(d.AckToken)), d.Critical);
}

/// <summary>Runs the delivery promptly after a fan-out, coalesced to one run at a time: an alert does not wait for the
/// delivery job's next minute. The job remains the backstop (retries, quiet hours, a node that stopped).</summary>
public sealed class DeliveryTrigger : IDisposable
{
    private readonly CoalescingTrigger _trigger;

    public DeliveryTrigger(IServiceProvider services, ILogger<DeliveryTrigger> log)
    {
        _trigger = new CoalescingTrigger(TimeSpan.FromMilliseconds(20), async () =>
        {
            try
            {
                await services.GetRequiredService<AlertDelivery>().RunAsync();
            }
            catch (Exception e)
            {
                log.LogWarning(e, "A prompt alert delivery failed; the delivery job tries again within a minute");
            }
        }, TimeProvider.System);
    }

    public void Trigger() => _trigger.Trigger();

    public void Dispose() => _trigger.Dispose();
}
