using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.SystemicProblems;

/// <summary>
/// How much history the mining has: weeks from the first appeal to the last. The mining needs 6 weeks before anything
/// can recur (6 excess weeks) and a year (sql/functions/systemic_problems/mining_history_weeks.sql) before it claims
/// growth or an emerging problem, since under a year a rise may be the season coming.
/// </summary>
public sealed record MiningHistory(DateTime? FirstUtc, DateTime? LastUtc)
{
    public const int WeeksForSeasons = 52;
    public const int WeeksToRecur = 6;

    public int Weeks => FirstUtc is { } f && LastUtc is { } l ? (int)((l - f).TotalDays / 7) + 1 : 0;

    public bool ShorterThanAYear => Weeks < WeeksForSeasons;

    public static async Task<MiningHistory> ReadAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var (first, last) = await conn.QuerySingleAsync<(DateTime?, DateTime?)>(new CommandDefinition(
            "SELECT min(created_at), max(created_at) FROM appeals", cancellationToken: ct));
        return new MiningHistory(first, last);
    }
}
