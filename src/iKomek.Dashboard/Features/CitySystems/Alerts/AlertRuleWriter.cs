using System.Text.Json.Nodes;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.CitySystems.Alerts;

/// <summary>What an administrator may change in a rule (its system, code and names stay).</summary>
public sealed record AlertRuleEdit(int Id, string Conditions, double ClearMargin, int Confirm, short[]? Months, string Severity,
    bool RaisesStatus, bool IsEnabled);

/// <summary>A rule edit refused: the grammar's errors, for the editor to show.</summary>
public sealed class AlertRuleRejectedException(IReadOnlyList<RuleError> errors) : Exception(string.Join("; ", errors.Select(e => e.Key)))
{
    public IReadOnlyList<RuleError> Errors { get; } = errors;
}

/// <summary>
/// Stores an administrator's edit of a rule: checked against its system's fields, audited with the values before and
/// after, and evaluated at once on every object of its system.
/// </summary>
public sealed class AlertRuleWriter(NpgsqlDataSource db, AlertQueries queries, AlertEvaluator evaluator, TimeProvider time)
{
    public async Task<AlertRun> SaveAsync(Actor actor, AlertRuleEdit edit, CancellationToken ct = default)
    {
        var before = (await queries.GetRulesAsync(ct)).FirstOrDefault(r => r.Id == edit.Id)
            ?? throw new AlertRuleRejectedException([new RuleError("alerts.err.noRule", edit.Id)]);
        var months = edit.Months is { Length: > 0 } m ? m.Distinct().Order().ToArray() : null;
        var errors = AlertRuleGrammar.Validate(edit.Conditions, await queries.GetFieldsAsync(before.SystemCode, ct),
            edit.ClearMargin, edit.Confirm, edit.Months is null ? null : months ?? [], edit.Severity);
        if (errors.Count > 0) throw new AlertRuleRejectedException(errors);
        var conditions = JsonNode.Parse(edit.Conditions)!.ToJsonString(AlertRuleGrammar.Json);

        await using (var conn = await db.OpenConnectionAsync(ct))
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            await conn.ExecuteAsync(new CommandDefinition("""
                UPDATE city_alert_rules SET conditions = @conditions::jsonb, clear_margin = @ClearMargin, confirm = @Confirm,
                       months = @months, severity = @Severity, raises_status = @RaisesStatus, is_enabled = @IsEnabled,
                       updated_at = @now, updated_by = @actor
                WHERE id = @Id
                """, new
            {
                conditions, edit.ClearMargin, edit.Confirm, months, edit.Severity, edit.RaisesStatus, edit.IsEnabled,
                now = time.GetUtcNow().UtcDateTime, actor = actor.Name, edit.Id,
            }, tx, cancellationToken: ct));
            await AuditLog.RecordAsync(conn, tx, actor, AuditActions.AlertRuleChange, "alert_rule", before.Code, new
            {
                before = new { conditions = before.Conditions, before.ClearMargin, before.Confirm, before.Months, before.Severity, before.RaisesStatus, before.IsEnabled },
                after = new { conditions, edit.ClearMargin, edit.Confirm, months, edit.Severity, edit.RaisesStatus, edit.IsEnabled },
            }, ct);
            await tx.CommitAsync(ct);
        }
        return await evaluator.RuleChangedAsync(edit.Id, ct);
    }
}
