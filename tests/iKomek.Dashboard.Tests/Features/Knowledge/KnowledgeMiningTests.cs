using Dapper;
using IKomek.Dashboard.Features.Knowledge;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Privacy;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Knowledge;

/// <summary>The knowledge base mined from the small demo city's first-contact appeals, on the real PostgreSQL.</summary>
public sealed class KnowledgeMiningTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private KnowledgeMining Mining => new(city.DataSource, city.Clock);

    [Fact]
    public async Task Mining_GroupsFirstContactAppealsByTypeAndPhrasing_IntoMaskedDrafts()
    {
        var run = await Mining.RunAsync();

        await using var conn = await city.DataSource.OpenConnectionAsync();
        var articles = (await conn.QueryAsync<(long Id, int Type, string Key, string Question, string? QuestionKk, string Answer, int Count, string Status)>(
            "SELECT id, service_type_id, group_key, question_ru, question_kk, answer_ru, appeal_count, status FROM kb_articles")).AsList();
        Assert.True(run.Groups > 10, $"only {run.Groups} groups");
        Assert.Equal((run.Groups, run.Groups), (articles.Count, run.Created));
        Assert.All(articles, a => Assert.Equal("draft", a.Status));
        Assert.All(articles, a => Assert.True(a.Count >= KnowledgeMining.MinAppeals));
        Assert.Contains(articles, a => a.Key != "");
        Assert.Contains(articles, a => a.QuestionKk is not null);
        // Every linked appeal was answered on the first contact and is of its article's service type.
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM kb_article_appeals l JOIN appeals a ON a.id = l.appeal_id JOIN kb_articles k ON k.id = l.article_id
            WHERE NOT a.first_contact_resolved OR a.service_type_id <> k.service_type_id OR a.status NOT IN ('resolved', 'closed')
            """));
        Assert.Equal(articles.Sum(a => a.Count), await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM kb_article_appeals"));
        // No resident's phone, e-mail, name or flat reaches an article.
        Assert.All(articles, a => Assert.False(PersonalData.Contains(a.Question + " " + a.QuestionKk + " " + a.Answer), a.Question));
    }

    [Fact]
    public async Task Mining_MasksPersonalDataOfTheResidentsWords()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        // Every first-contact appeal of the commonest type gives its phone: whichever is the question, it has one.
        var type = await conn.ExecuteScalarAsync<int>("SELECT service_type_id FROM appeals WHERE first_contact_resolved GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
        await conn.ExecuteAsync("""
            UPDATE appeals SET description = description || ' Мой телефон +7 701 555 12 34'
            WHERE first_contact_resolved AND service_type_id = @type
            """, new { type });

        await Mining.RunAsync();

        // The drafts the mining writes (an article another test edited keeps its text).
        var questions = (await conn.QueryAsync<string>("SELECT question_ru FROM kb_articles WHERE service_type_id = @type AND edited_by IS NULL AND status = 'draft'", new { type })).AsList();
        Assert.NotEmpty(questions);
        Assert.All(questions, q => Assert.Contains("[", q, StringComparison.Ordinal));
        Assert.DoesNotContain(questions, q => q.Contains("555", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Remining_KeepsEditedAndPublishedArticles_AndDoesNotDuplicate()
    {
        await Mining.RunAsync();
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var ids = (await conn.QueryAsync<long>("SELECT id FROM kb_articles WHERE edited_by IS NULL AND status = 'draft' ORDER BY appeal_count DESC, id LIMIT 3")).AsList();
        var writer = new KnowledgeWriter(city.DataSource, city.Clock);
        var editor = new Actor("knowledge.editor", "knowledge_editor");
        Assert.True(await writer.SaveAsync(editor, ids[0], new KbEdit("Как узнать график?", "Кестені қалай білуге болады?", "Сообщите график.", "Кестені айтыңыз.", null, 3)));
        Assert.True(await writer.SetStatusAsync(editor, ids[1], KbStatus.Published));
        var publishedText = await conn.ExecuteScalarAsync<string>("SELECT question_ru FROM kb_articles WHERE id = @id", new { id = ids[1] });
        // An unedited draft the next run may rewrite: its text is made stale here to see that it is.
        await conn.ExecuteAsync("UPDATE kb_articles SET question_ru = 'устарело' WHERE id = @id", new { id = ids[2] });
        var before = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM kb_articles");

        var again = await Mining.RunAsync();

        Assert.Equal((0, again.Groups), (again.Created, again.Existing));
        Assert.Equal(before, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM kb_articles"));
        var edited = await conn.QuerySingleAsync<(string Q, string? Qk, string A, string Status, string By, short Sla)>(
            "SELECT question_ru, question_kk, answer_ru, status, edited_by, sla_working_days FROM kb_articles WHERE id = @id", new { id = ids[0] });
        Assert.Equal(("Как узнать график?", "Кестені қалай білуге болады?", "Сообщите график.", "draft", "knowledge.editor", (short)3), edited);
        Assert.Equal(publishedText, await conn.ExecuteScalarAsync<string>("SELECT question_ru FROM kb_articles WHERE id = @id", new { id = ids[1] }));
        Assert.NotEqual("устарело", await conn.ExecuteScalarAsync<string>("SELECT question_ru FROM kb_articles WHERE id = @id", new { id = ids[2] }));
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM kb_article_appeals l JOIN kb_articles k ON k.id = l.article_id GROUP BY l.appeal_id HAVING count(*) > 1 LIMIT 1"));
    }

    [Fact]
    public async Task EveryEdit_IsInTheAuditLogWithWhoMadeIt()
    {
        await Mining.RunAsync();
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var id = await conn.ExecuteScalarAsync<long>("SELECT min(id) FROM kb_articles WHERE edited_by IS NULL");
        var writer = new KnowledgeWriter(city.DataSource, city.Clock);
        var editor = new Actor("knowledge.editor", "knowledge_editor");
        var article = (await new KnowledgeQueries(city.DataSource).GetAsync(id))!;

        await writer.SaveAsync(editor, id, new KbEdit(article.QuestionRu, "Жаңа сұрақ", article.AnswerRu, null, article.OrganisationId, article.SlaWorkingDays));
        await writer.SetStatusAsync(editor, id, KbStatus.Published);
        await writer.SetStatusAsync(TestActors.Admin, id, KbStatus.Archived);

        var rows = await AuditRows.AboutAsync(city.DataSource, "kb_article", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["knowledge.editor", "knowledge.editor", "admin"], rows.Select(r => r.Actor));
        Assert.All(rows, r => Assert.Equal(AuditActions.KnowledgeChange, r.Action));
        Assert.Equal("[\"question_kk\"]", rows[0].Detail("edited"));
        Assert.Equal(("draft", "published"), (rows[1].Detail("from"), rows[1].Detail("to")));
        Assert.Equal(("published", "archived"), (rows[2].Detail("from"), rows[2].Detail("to")));
        var (by, at) = await conn.QuerySingleAsync<(string, DateTime)>("SELECT edited_by, edited_at FROM kb_articles WHERE id = @id", new { id });
        // When: the app's clock's time of the last change (the tests' clock runs on from its fixed start).
        Assert.Equal("admin", by);
        Assert.InRange(at, city.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1), city.Clock.GetUtcNow().UtcDateTime);
    }

    [Theory]
    [InlineData("", "Ответ", 3, "kb.error.questionRequired")]
    [InlineData("Вопрос", "   ", 3, "kb.error.answerRequired")]
    [InlineData("Вопрос", "Ответ", 0, "kb.error.deadline")]
    [InlineData("Вопрос", "Ответ", 31, "kb.error.deadline")]
    public async Task BadEdits_AreRefused_AndChangeNothing(string question, string answer, short days, string error)
    {
        await Mining.RunAsync();
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var id = await conn.ExecuteScalarAsync<long>("SELECT min(id) FROM kb_articles WHERE edited_by IS NULL");
        var writer = new KnowledgeWriter(city.DataSource, city.Clock);

        var refused = await Assert.ThrowsAsync<KnowledgeRejectedException>(() => writer.SaveAsync(TestActors.Admin, id, new KbEdit(question, null, answer, null, null, days)));

        Assert.Equal(error, refused.TextKey);
        Assert.Null(await conn.ExecuteScalarAsync<string?>("SELECT edited_by FROM kb_articles WHERE id = @id", new { id }));
        await Assert.ThrowsAsync<KnowledgeRejectedException>(() => writer.SetStatusAsync(TestActors.Admin, id, "deleted"));
        Assert.Equal("kb.error.organisation", (await Assert.ThrowsAsync<KnowledgeRejectedException>(() =>
            writer.SaveAsync(TestActors.Admin, id, new KbEdit("Вопрос", null, "Ответ", null, -5, 3)))).TextKey);
        Assert.False(await writer.SetStatusAsync(TestActors.Admin, -1, KbStatus.Published));
        Assert.Empty(await AuditRows.AboutAsync(city.DataSource, "kb_article", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
