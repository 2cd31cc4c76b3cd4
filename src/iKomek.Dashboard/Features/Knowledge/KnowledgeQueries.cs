using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Knowledge;

/// <summary>An article as the pages show it; <see cref="Rank"/> is its relevance to the search (0 in lists).</summary>
public sealed record KbArticle(long Id, int ServiceTypeId, string ServiceTypeRu, string ServiceTypeKk, string ServiceTypeEn,
    string QuestionRu, string? QuestionKk, string AnswerRu, string? AnswerKk, int? OrganisationId, string? Organisation,
    short SlaWorkingDays, string Status, int AppealCount, string? EditedBy, DateTime? EditedAt, double Rank);

/// <summary>The articles' statuses: mined drafts, published for the operators, archived out of use.</summary>
public static class KbStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Archived = "archived";

    public static readonly IReadOnlyList<string> All = [Draft, Published, Archived];
}

/// <summary>The knowledge base's reads: search by word forms (kb_query over kb_articles.search_stems), the editors' lists.</summary>
public sealed class KnowledgeQueries(NpgsqlDataSource db)
{
    /// <summary>The most an operator is shown: a short list read at a glance.</summary>
    public const int MaxResults = 20;

    private const string Columns = """
        k.id AS Id, k.service_type_id AS ServiceTypeId, st.name_ru AS ServiceTypeRu, st.name_kk AS ServiceTypeKk, st.name_en AS ServiceTypeEn,
        k.question_ru AS QuestionRu, k.question_kk AS QuestionKk, k.answer_ru AS AnswerRu, k.answer_kk AS AnswerKk,
        k.organisation_id AS OrganisationId, o.name AS Organisation, k.sla_working_days AS SlaWorkingDays, k.status AS Status,
        k.appeal_count AS AppealCount, k.edited_by AS EditedBy, k.edited_at AS EditedAt
        """;

    /// <summary>
    /// Articles matching a text, the best first: the text's words by their forms (more shared words and words of the
    /// question rank higher), and, when the topic model filed the text under a service type, that type's articles
    /// raised by the model's confidence. Nothing to search by and no type: nothing.
    /// </summary>
    /// <param name="statuses">Published only for the operators; the editors' review searches every status.</param>
    public async Task<IReadOnlyList<KbArticle>> SearchAsync(string? text, int? serviceTypeId = null, double typeConfidence = 0,
        IReadOnlyList<string>? statuses = null, int limit = MaxResults, CancellationToken ct = default)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0 && serviceTypeId is null) return [];
        const string sql = $"""
            SELECT {Columns},
                   coalesce(ts_rank(k.search_stems, q), 0) + CASE WHEN k.service_type_id = @serviceTypeId THEN @typeConfidence ELSE 0 END AS Rank
            FROM kb_query(@text) AS q, kb_articles k
            JOIN service_types st ON st.id = k.service_type_id
            LEFT JOIN organisations o ON o.id = k.organisation_id
            WHERE k.status = ANY (@statuses) AND (k.search_stems @@ q OR k.service_type_id = @serviceTypeId)
            ORDER BY Rank DESC, k.appeal_count DESC, k.id
            LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<KbArticle>(new CommandDefinition(sql, new
        {
            text, serviceTypeId, typeConfidence = Math.Clamp(typeConfidence, 0, 1),
            statuses = (statuses ?? [KbStatus.Published]).ToArray(), limit = Math.Clamp(limit, 1, MaxResults),
        }, cancellationToken: ct))).AsList();
    }

    /// <summary>The editors' list of one status: the articles behind most appeals first.</summary>
    public async Task<IReadOnlyList<KbArticle>> ListAsync(string status, int limit = 200, CancellationToken ct = default)
    {
        const string sql = $"""
            SELECT {Columns}, 0::float8 AS Rank
            FROM kb_articles k JOIN service_types st ON st.id = k.service_type_id LEFT JOIN organisations o ON o.id = k.organisation_id
            WHERE k.status = @status
            ORDER BY k.appeal_count DESC, k.id
            LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<KbArticle>(new CommandDefinition(sql, new { status, limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>How many articles each status holds.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(string Status, long Count)>(new CommandDefinition(
            "SELECT status, count(*) FROM kb_articles GROUP BY status", cancellationToken: ct));
        return KbStatus.All.ToDictionary(s => s, s => rows.FirstOrDefault(r => r.Status == s).Count);
    }

    public async Task<KbArticle?> GetAsync(long id, CancellationToken ct = default)
    {
        const string sql = $"""
            SELECT {Columns}, 0::float8 AS Rank
            FROM kb_articles k JOIN service_types st ON st.id = k.service_type_id LEFT JOIN organisations o ON o.id = k.organisation_id
            WHERE k.id = @id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<KbArticle>(new CommandDefinition(sql, new { id }, cancellationToken: ct));
    }

    /// <summary>The organisations an article may name, by name.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> OrganisationsAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(int, string)>(new CommandDefinition("SELECT id, name FROM organisations ORDER BY name, id", cancellationToken: ct))).AsList();
    }
}
