using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Import;

/// <summary>One import run as the recent-runs grid shows it.</summary>
public sealed record ImportRun(
    long Id, string Source, string FileName, string Preset, string ImportedBy, DateTime StartedAt, DateTime? FinishedAt,
    int RowsRead, int RowsInserted, int RowsSkipped, int RowsRejected, string? Error)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;
}

/// <summary>Reads of the import page.</summary>
public sealed class ImportQueries(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<ImportRun>> GetRecentRunsAsync(int limit = 20, CancellationToken ct = default)
    {
        const string sql = """
            SELECT id AS Id, source AS Source, file_name AS FileName, preset AS Preset, imported_by AS ImportedBy,
                   started_at AS StartedAt, finished_at AS FinishedAt, rows_read AS RowsRead, rows_inserted AS RowsInserted,
                   rows_skipped AS RowsSkipped, rows_rejected AS RowsRejected, error AS Error
            FROM import_runs ORDER BY started_at DESC, id DESC LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ImportRun>(new CommandDefinition(sql, new { limit }, cancellationToken: ct))).AsList();
    }
}
