using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.CitySystems.Alerts;

/// <summary>What one evaluation did: objects evaluated, alerts opened and closed.</summary>
public sealed record AlertRun(int Evaluated, int Opened, int Closed);

/// <summary>
/// The alert rules' evaluation, in SQL (sql/functions/city_systems/alerts_evaluate.sql): each call is one transaction
/// under the evaluator's advisory lock, so nodes evaluating together open an alert once; alerts opened or closed are
/// announced on the change feed in the same transaction.
/// </summary>
public sealed class AlertEvaluator(NpgsqlDataSource db, TimeProvider time)
{
    /// <summary>Objects changed since the last evaluation, and those of an intake change (its change_seq range).</summary>
    public Task<AlertRun> OnChangesAsync(long firstSeq, long lastSeq, CancellationToken ct = default) =>
        RunAsync("SELECT * FROM city_alerts_on_changes(@firstSeq, @lastSeq, @now)", new { firstSeq, lastSeq }, ct);

    /// <summary>The minute's sweep: what the change feed missed, time-based rules, months, disabled rules, freshness.</summary>
    public Task<AlertRun> SweepAsync(CancellationToken ct = default) =>
        RunAsync("SELECT * FROM city_alerts_sweep(@now)", new { }, ct);

    /// <summary>A rule edited: it takes effect at once on every object of its system.</summary>
    public Task<AlertRun> RuleChangedAsync(int ruleId, CancellationToken ct = default) =>
        RunAsync("SELECT * FROM city_alerts_rule_changed(@ruleId, @now)", new { ruleId }, ct);

    private async Task<AlertRun> RunAsync(string sql, object args, CancellationToken ct)
    {
        var parameters = new DynamicParameters(args);
        parameters.Add("now", time.GetUtcNow().UtcDateTime);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var run = await conn.QuerySingleAsync<AlertRun>(new CommandDefinition(sql, parameters, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return run;
    }
}
