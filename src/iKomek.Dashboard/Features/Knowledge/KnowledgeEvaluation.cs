using Dapper;
using IKomek.Dashboard.Features.Classification;
using Npgsql;

namespace IKomek.Dashboard.Features.Knowledge;

/// <summary>
/// How often the right answer is in the top 3 of the suggestions. <see cref="Appeals"/> first-contact appeals were held
/// out of the mining (a fixed share by a fixed seed); <see cref="Answerable"/> of them had a right article: the article
/// of their service type whose phrasing group (its stem) is among their stems, the one with the most appeals, else the
/// type's article for its other phrasings. <see cref="Hits"/>: how many of those had it among the first three.
/// </summary>
public sealed record KnowledgeHitRate(int Appeals, int Answerable, int Hits)
{
    public double Rate => Answerable == 0 ? 0 : (double)Hits / Answerable;
}

/// <summary>Measures the suggestions at intake on held-out appeals (the bench's kb mode and its floor test).</summary>
public sealed class KnowledgeEvaluation(NpgsqlDataSource db, KnowledgeMining mining, KnowledgeQueries queries)
{
    /// <summary>Mines on the appeals not held out, then suggests for each held-out one as intake does (its text and the
    /// topic model's service type, when a classifier is given; every status counts, the drafts being unreviewed).</summary>
    public async Task<KnowledgeHitRate> MeasureAsync(long seed, int percent, IAppealClassifier? classifier = null, CancellationToken ct = default)
    {
        await mining.RunAsync(seed, percent, ct);
        await using var conn = await db.OpenConnectionAsync(ct);
        var held = (await conn.QueryAsync<(string Text, long? Right)>(new CommandDefinition("""
            SELECT h.description,
                   coalesce((SELECT k.id FROM kb_articles k
                             WHERE k.service_type_id = h.service_type_id AND k.group_key <> '' AND k.group_key = ANY (h.stems)
                             ORDER BY k.appeal_count DESC, k.id LIMIT 1),
                            (SELECT k.id FROM kb_articles k WHERE k.service_type_id = h.service_type_id AND k.group_key = ''))
            FROM (SELECT a.id, a.service_type_id, a.description, kb_appeal_stems(a.language, a.description) AS stems
                  FROM appeals a
                  WHERE a.first_contact_resolved AND a.status IN ('resolved', 'closed') AND a.duplicate_of IS NULL
                    AND kb_held_out(a.id, @seed, @percent)) AS h
            ORDER BY h.id
            """, new { seed, percent }, commandTimeout: 600, cancellationToken: ct))).AsList();
        var hits = 0;
        foreach (var (text, right) in held.Where(h => h.Right is not null))
        {
            var topic = classifier?.Classify(text, null);
            var top = await queries.SearchAsync(text, topic?.ServiceTypeId, topic?.Confidence ?? 0, KbStatus.All, 3, ct);
            if (top.Any(a => a.Id == right)) hits++;
        }
        return new KnowledgeHitRate(held.Count, held.Count(h => h.Right is not null), hits);
    }
}
