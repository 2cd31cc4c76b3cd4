using System.Text.Json;
using Dapper;
using IKomek.Dashboard.Platform.Privacy;
using Npgsql;

namespace IKomek.Dashboard.Features.Knowledge;

/// <summary>What a mining run did: the groups found, the articles it created and the ones that existed already.</summary>
public sealed record KnowledgeMiningResult(int Groups, int Created, int Existing);

/// <summary>
/// Mines the knowledge base from the appeals resolved on the first contact (sql/functions/knowledge: kb_mine_groups
/// groups them, kb_store_mined keeps edited articles and does not duplicate). The questions are residents' words: their
/// personal data is masked here, before anything is stored.
/// </summary>
public sealed class KnowledgeMining(NpgsqlDataSource db, TimeProvider time)
{
    /// <summary>The fewest appeals an article is mined from: one appeal is a case, not a question people ask.</summary>
    public const int MinAppeals = 2;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <param name="holdoutSeed">With <paramref name="holdoutPercent"/>: the share of appeals left out (to measure on them).</param>
    public async Task<KnowledgeMiningResult> RunAsync(long holdoutSeed = 0, int holdoutPercent = 0, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(holdoutPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(holdoutPercent, 99);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Two nodes' runs one after the other: the second sees the first's articles.
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext('kb_mining'))", transaction: tx, cancellationToken: ct));
        var groups = (await conn.QueryAsync<MinedGroup>(new CommandDefinition("""
            SELECT service_type_id AS ServiceTypeId, group_key AS GroupKey, appeal_ids AS AppealIds, keywords AS Keywords,
                   question_ru AS QuestionRu, question_kk AS QuestionKk, answer_ru AS AnswerRu, organisation_id AS OrganisationId,
                   sla_working_days AS SlaWorkingDays
            FROM kb_mine_groups(@MinAppeals, @holdoutSeed, @holdoutPercent)
            """, new { MinAppeals, holdoutSeed, holdoutPercent }, tx, commandTimeout: 600, cancellationToken: ct)))
            .ToList();
        foreach (var g in groups)
        {
            g.QuestionRu = Mask(g.QuestionRu)!;
            g.QuestionKk = Mask(g.QuestionKk);
            g.AnswerRu = Mask(g.AnswerRu)!;
        }
        var stored = await conn.QuerySingleAsync<(int Created, int Existing)>(new CommandDefinition(
            "SELECT created, existing FROM kb_store_mined(@groups::jsonb, @now)",
            new { groups = JsonSerializer.Serialize(groups, Json), now = time.GetUtcNow().UtcDateTime }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new KnowledgeMiningResult(groups.Count, stored.Created, stored.Existing);
    }

    /// <summary>A resident's text as an article may show it: personal data masked, cut to the column's length.</summary>
    private static string? Mask(string? text)
    {
        var masked = PersonalData.Redact(text);
        return masked is { Length: > 1000 } ? masked[..1000] : masked;
    }

    /// <summary>A group as kb_mine_groups returns it and kb_store_mined takes it (as JSON, snake_case).</summary>
    private sealed class MinedGroup
    {
        public int ServiceTypeId { get; set; }
        public string GroupKey { get; set; } = "";
        public long[] AppealIds { get; set; } = [];
        public string Keywords { get; set; } = "";
        public string QuestionRu { get; set; } = "";
        public string? QuestionKk { get; set; }
        public string AnswerRu { get; set; } = "";
        public int? OrganisationId { get; set; }
        public short SlaWorkingDays { get; set; }
    }
}
