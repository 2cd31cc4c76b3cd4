using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Privacy;
using Npgsql;

namespace IKomek.Dashboard.Features.Knowledge;

/// <summary>An editor's version of an article's texts, organisation and deadline.</summary>
public sealed record KbEdit(string QuestionRu, string? QuestionKk, string AnswerRu, string? AnswerKk, int? OrganisationId, short SlaWorkingDays);

/// <summary>An edit the knowledge base refuses, with the field at fault (a text key of KnowledgeTexts).</summary>
public sealed class KnowledgeRejectedException(string field, string textKey) : Exception(textKey)
{
    public string Field { get; } = field;
    public string TextKey { get; } = textKey;
}

/// <summary>
/// The editors' changes: texts, publishing, archiving. Each one records who made it and when on the article and in the
/// audit log, in one transaction. An edited article is the editors' from then on: the mining no longer rewrites it.
/// </summary>
public sealed class KnowledgeWriter(NpgsqlDataSource db, TimeProvider time)
{
    /// <returns>False when there is no such article.</returns>
    public async Task<bool> SaveAsync(Actor by, long id, KbEdit edit, CancellationToken ct = default)
    {
        var clean = Check(edit);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        string[]? changed;
        try
        {
            changed = await conn.QuerySingleOrDefaultAsync<string[]>(new CommandDefinition("""
                WITH old AS (SELECT * FROM kb_articles WHERE id = @id FOR UPDATE)
                UPDATE kb_articles k SET question_ru = @QuestionRu, question_kk = @QuestionKk, answer_ru = @AnswerRu, answer_kk = @AnswerKk,
                                         organisation_id = @OrganisationId, sla_working_days = @SlaWorkingDays, edited_by = @by, edited_at = @now
                FROM old WHERE k.id = old.id
                RETURNING array_remove(ARRAY[
                    CASE WHEN old.question_ru IS DISTINCT FROM k.question_ru THEN 'question_ru' END,
                    CASE WHEN old.question_kk IS DISTINCT FROM k.question_kk THEN 'question_kk' END,
                    CASE WHEN old.answer_ru IS DISTINCT FROM k.answer_ru THEN 'answer_ru' END,
                    CASE WHEN old.answer_kk IS DISTINCT FROM k.answer_kk THEN 'answer_kk' END,
                    CASE WHEN old.organisation_id IS DISTINCT FROM k.organisation_id THEN 'organisation' END,
                    CASE WHEN old.sla_working_days IS DISTINCT FROM k.sla_working_days THEN 'deadline' END], NULL)
                """, new
            {
                id, clean.QuestionRu, clean.QuestionKk, clean.AnswerRu, clean.AnswerKk, clean.OrganisationId, clean.SlaWorkingDays,
                by = by.Name, now = time.GetUtcNow().UtcDateTime,
            }, tx, cancellationToken: ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new KnowledgeRejectedException("organisation", "kb.error.organisation");
        }
        if (changed is null) return false;
        await AuditLog.RecordAsync(conn, tx, by, AuditActions.KnowledgeChange, "kb_article", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { edited = changed }, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Publishes, archives or returns an article to the drafts.</summary>
    /// <returns>False when there is no such article.</returns>
    public async Task<bool> SetStatusAsync(Actor by, long id, string status, CancellationToken ct = default)
    {
        if (!KbStatus.All.Contains(status)) throw new KnowledgeRejectedException("status", "kb.error.status");
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var from = await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition("""
            WITH old AS (SELECT id, status FROM kb_articles WHERE id = @id FOR UPDATE)
            UPDATE kb_articles k SET status = @status, edited_by = @by, edited_at = @now FROM old WHERE k.id = old.id
            RETURNING old.status
            """, new { id, status, by = by.Name, now = time.GetUtcNow().UtcDateTime }, tx, cancellationToken: ct));
        if (from is null) return false;
        await AuditLog.RecordAsync(conn, tx, by, AuditActions.KnowledgeChange, "kb_article", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { from, to = status }, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The edit trimmed and checked: both Russian texts required, lengths within the columns', the deadline
    /// 1-30 working days; an editor's text is masked like a mined one (a phone pasted from an appeal stays out).</summary>
    public static KbEdit Check(KbEdit edit)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : PersonalData.Redact(s.Trim());
        var questionRu = Clean(edit.QuestionRu) ?? throw new KnowledgeRejectedException("question_ru", "kb.error.questionRequired");
        var answerRu = Clean(edit.AnswerRu) ?? throw new KnowledgeRejectedException("answer_ru", "kb.error.answerRequired");
        var questionKk = Clean(edit.QuestionKk);
        var answerKk = Clean(edit.AnswerKk);
        if (questionRu.Length > 1000 || questionKk?.Length > 1000) throw new KnowledgeRejectedException("question", "kb.error.tooLong");
        if (answerRu.Length > 4000 || answerKk?.Length > 4000) throw new KnowledgeRejectedException("answer", "kb.error.tooLong");
        if (edit.SlaWorkingDays is < 1 or > 30) throw new KnowledgeRejectedException("deadline", "kb.error.deadline");
        return new KbEdit(questionRu, questionKk, answerRu, answerKk, edit.OrganisationId, edit.SlaWorkingDays);
    }
}
