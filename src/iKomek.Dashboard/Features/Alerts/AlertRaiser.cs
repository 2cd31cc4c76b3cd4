using Dapper;
using IKomek.Dashboard.Features.Live;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IKomek.Dashboard.Features.Alerts;

/// <summary>What one raising did: alerts raised (or escalated) and deliveries created.</summary>
public sealed record RaiseRun(int Alerts, int Deliveries);

/// <summary>
/// Raises the alerts of every source and fans them out, in SQL (sql/functions/alerts/): one transaction under one
/// advisory lock, so nodes hearing the same change raise an alert once; the deliveries it creates are handed to the
/// delivery at once rather than at the next minute.
/// </summary>
public sealed class AlertRaiser(NpgsqlDataSource db, TimeProvider time, IOptions<AlertsOptions> options, DeliveryTrigger delivery)
{
    /// <summary>New critical appeals, system alerts, emerging problems, a city status change; with <paramref name="overdue"/>
    /// (the minute's sweep) the departments' overdue appeals too.</summary>
    public Task<RaiseRun> RaiseAsync(bool overdue, CancellationToken ct = default) => RunAsync(
        "SELECT coalesce(array_agg(id), '{}') FROM alerts_raise(@now, @after, @thresholds, @overdue) id",
        new { overdue, thresholds = CityStatus.Thresholds }, fanOut: true, ct);

    /// <summary>Unacknowledged critical alerts past their time go up a level, to that level's subscriptions (the SQL
    /// function fans them out itself).</summary>
    public Task<RaiseRun> EscalateAsync(CancellationToken ct = default) =>
        RunAsync("SELECT alerts_escalate(@now, @after)", new { }, fanOut: false, ct);

    private async Task<RaiseRun> RunAsync(string sql, object args, bool fanOut, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var parameters = new DynamicParameters(args);
        parameters.Add("now", now);
        parameters.Add("after", options.Value.EscalateAfter);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext('alerts_raise'))", transaction: tx, cancellationToken: ct));
        var ids = await conn.QuerySingleAsync<long[]>(new CommandDefinition(sql, parameters, tx, cancellationToken: ct));
        if (fanOut) await conn.ExecuteAsync(new CommandDefinition("SELECT alerts_fan_out(@ids, @now)", new { ids, now }, tx, cancellationToken: ct));
        var deliveries = await conn.QuerySingleAsync<int>(new CommandDefinition(
            "SELECT count(*)::int FROM alert_deliveries WHERE alert_id = ANY (@ids) AND created_at = @now", new { ids, now }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        if (deliveries > 0) delivery.Trigger();
        return new RaiseRun(ids.Length, deliveries);
    }
}
