using Dapper;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.Ratings;

/// <summary>
/// Sets the indicators' weights: a new version (the old ones stay, each result names the version it used), written
/// with its audit entry in one transaction. Weights are whole or decimal percents, none negative, adding up to 100.
/// </summary>
public sealed class RatingWeightsWriter(NpgsqlDataSource db)
{
    public async Task<RatingWeights> SetAsync(decimal kpi, decimal projects, decimal appeals, decimal systemic, string reason, Actor by,
        CancellationToken ct = default)
    {
        decimal[] all = [kpi, projects, appeals, systemic];
        if (all.Any(w => w < 0 || w > 100 || decimal.Round(w, 2) != w))
            throw new ArgumentException("Each weight is a percent from 0 to 100 with at most two decimals.");
        if (all.Sum() != 100) throw new ArgumentException($"The weights add up to {all.Sum()}, not 100.");
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A change of the weights needs its reason.");
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var old = await RatingQueries.CurrentWeightsAsync(conn, tx, ct);
        var version = await conn.ExecuteScalarAsync<int>(new CommandDefinition("""
            INSERT INTO rating_weights (version, kpi, projects, appeals, systemic, created_at, created_by, reason)
            SELECT coalesce(max(version), 0) + 1, @kpi, @projects, @appeals, @systemic, city_now(), @by, @reason FROM rating_weights
            RETURNING version
            """, new { kpi, projects, appeals, systemic, by = by.Name, reason = reason.Trim() }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(conn, tx, by, AuditActions.RatingWeights, "rating_weights", version.ToString(),
            new { old = new { old.Version, old.Kpi, old.Projects, old.Appeals, old.Systemic }, @new = new { kpi, projects, appeals, systemic }, reason }, ct);
        var current = await RatingQueries.CurrentWeightsAsync(conn, tx, ct);
        await tx.CommitAsync(ct);
        return current;
    }
}
