using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Knowledge;

/// <summary>
/// The operators' knowledge base in a real browser, on the articles the app's startup mining made from the demo city:
/// an editor edits a draft and publishes it, an operator finds it by another form of its words, and the operator's new
/// appeal form shows it among the top answers while the text is typed.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class KnowledgeBaseTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Editor_EditsAndPublishesADraft_AndAnOperatorFindsItByAnotherWordForm()
    {
        var id = await DraftAsync();
        var review = await KnowledgeReviewPage.OpenAsync(fixture, "knowledge.editor");
        await PageChecks.OpensWholeAsync(review, "Статьи базы знаний");
        var card = review.Article(id);
        await card.GetByTestId("kb-edit").ClickAsync();
        await review.Field("kb-question-ru").FillAsync("Как подать заявку на опиловку деревьев во дворе?");
        await review.Field("kb-question-kk").FillAsync("Аулада ағаштарды кесуге өтінімді қалай беруге болады?");
        await review.Field("kb-answer-ru").FillAsync("Примите обращение: опиловку выполняет управление озеленения.");
        await review.Editor.GetByTestId("kb-save").ClickAsync();
        await Assertions.Expect(review.Snackbar("Статья сохранена")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByTestId("kb-edited")).ToContainTextAsync("knowledge.editor");
        await review.ScreenshotsAsync("kb-review");
        await card.GetByTestId("kb-move-published").ClickAsync();
        await Assertions.Expect(review.Snackbar("Статус статьи изменён")).ToBeVisibleAsync();
        await Assertions.Expect(card).ToHaveCountAsync(0);
        await review.CloseAsync();

        var search = await KnowledgeSearchPage.OpenAsync(fixture, "operator");
        await PageChecks.OpensWholeAsync(search, "База знаний");
        // Other forms of the words: "опиловки" (опиловку), "деревья" (деревьев); and in Kazakh "ағаштар" (ағаштарды).
        await search.Search.FillAsync("опиловки деревья");
        await Assertions.Expect(search.Article(id)).ToContainTextAsync("управление озеленения");
        await search.ScreenshotsAsync("kb-search");
        await search.Search.FillAsync("ағаштар кесу");
        await Assertions.Expect(search.Article(id)).ToBeVisibleAsync();
        await search.CloseAsync();

        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        Assert.Equal(2, await conn.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'knowledge.change' AND subject_id = @id AND actor = 'knowledge.editor'", new { id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Fact]
    public async Task Operator_TypingAnAppeal_SeesTheTopAnswersBesideTheForm()
    {
        var (id, question) = await PublishedAsync();
        var form = await IntakeFormPage.OpenAsync(fixture, "operator");
        await PageChecks.OpensWholeAsync(form, "Новое обращение");
        await Assertions.Expect(form.Suggestions).ToContainTextAsync("Появятся, пока вы пишете");

        await form.Text.PressSequentiallyAsync("Здравствуйте. " + question, new() { Delay = 15 });

        await Assertions.Expect(form.Suggestion(id)).ToBeVisibleAsync();
        Assert.InRange(await form.Suggestions.GetByTestId("kb-article").CountAsync(), 1, 3);
        await Assertions.Expect(form.Suggestion(id).GetByTestId("kb-deadline")).ToContainTextAsync("раб. дн.");
        await form.ScreenshotsAsync("kb-intake");
        // Without a district the form says so and registers nothing.
        await form.Register.ClickAsync();
        await Assertions.Expect(form.Error).ToHaveTextAsync("Выберите район");
        await form.CloseAsync();
    }

    /// <summary>A draft of the startup mining behind the most appeals, once that run has stored its articles.</summary>
    private async Task<long> DraftAsync()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        long? id = null;
        await Eventually.UntilAsync(async () => (id = await conn.ExecuteScalarAsync<long?>(
            "SELECT id FROM kb_articles WHERE status = 'draft' AND edited_by IS NULL ORDER BY appeal_count DESC, id LIMIT 1")) is not null, seconds: 180);
        return id!.Value;
    }

    /// <summary>A mined article published (as its editor would) with its Russian question.</summary>
    private async Task<(long Id, string Question)> PublishedAsync()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        (long Id, string Question)? article = null;
        await Eventually.UntilAsync(async () => (article = await conn.QueryFirstOrDefaultAsync<(long, string)?>("""
            SELECT id, question_ru FROM kb_articles
            WHERE group_key <> '' AND status = 'draft' AND edited_by IS NULL AND question_ru !~ '\[' ORDER BY appeal_count DESC, id OFFSET 1 LIMIT 1
            """)) is not null, seconds: 180);
        await conn.ExecuteAsync("UPDATE kb_articles SET status = 'published', edited_by = 'knowledge.editor', edited_at = now() WHERE id = @Id", new { article!.Value.Id });
        return article.Value;
    }
}
