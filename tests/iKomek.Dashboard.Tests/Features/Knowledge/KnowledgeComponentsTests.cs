using System.Globalization;
using Bunit;
using Dapper;
using IKomek.Dashboard.Features.Classification;
using IKomek.Dashboard.Features.Knowledge;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Components;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IKomek.Dashboard.Tests.Features.Knowledge;

/// <summary>The knowledge base's components in bUnit, on the real database: the article card, the suggestions at
/// intake and the editors' review page.</summary>
public sealed class KnowledgeComponentsTests(DemoCityDatabase city) : MudComponentTest, IClassFixture<DemoCityDatabase>
{
    private static readonly KbArticle Heating = new(1, 1, "Нет отопления", "Жылу жоқ", "No heating", "Нет отопления в квартире", "Пәтерде жылу жоқ",
        "Сообщите в аварийную службу.", null, null, null, 3, KbStatus.Published, 12, null, null, 0);

    private long _published, _draft;

    public override async Task InitializeAsync()
    {
        UseDatabase(city.DataSource);
        Context.Services.AddSingleton(city.Clock);
        Context.Services.AddSingleton<KnowledgeQueries>();
        Context.Services.AddSingleton(sp => new KnowledgeWriter(city.DataSource, city.Clock));
        Context.Services.AddSingleton<IAppealClassifier, GivenServiceTypeClassifier>();
        await using var conn = await city.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("DELETE FROM kb_article_appeals; DELETE FROM kb_articles");
        async Task<long> Add(int type, string key, string q, string status) => await conn.ExecuteScalarAsync<long>("""
            INSERT INTO kb_articles (service_type_id, group_key, question_ru, answer_ru, sla_working_days, status, appeal_count, mined_at)
            VALUES (@type, @key, @q, 'Передайте в теплосети.', 2, @status, 4, now()) RETURNING id
            """, new { type, key, q, status });
        _published = await Add(1, "a", "Нет отопления в квартире", KbStatus.Published);
        await Add(1, "b", "Батареи еле тёплые, отопление слабое", KbStatus.Published);
        await Add(1, "c", "Отопление включат когда", KbStatus.Published);
        await Add(1, "d", "Отопление шумит в трубах", KbStatus.Published);
        _draft = await Add(2, "e", "Отопление в подъезде не работает", KbStatus.Draft);
    }

    [Fact]
    public void Card_ShowsQuestionAnswerOrganisationAndDeadline_InTheReadersLanguage()
    {
        var ru = Context.Render<KbArticleCard>(p => p.Add(c => c.Article, Heating));

        Assert.Equal("Нет отопления в квартире", ru.Find(".question").TextContent);
        Assert.Equal("оператор на линии", ru.Find("[data-testid=kb-organisation]").TextContent);
        Assert.Equal("до 3 раб. дн.", ru.Find("[data-testid=kb-deadline]").TextContent);

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("kk-KZ");
        var kk = Context.Render<KbArticleCard>(p => p.Add(c => c.Article, Heating));
        Assert.Equal("Пәтерде жылу жоқ", kk.Find(".question").TextContent);
        // No Kazakh answer written yet: the Russian one.
        Assert.Equal("Сообщите в аварийную службу.", kk.Find("[data-testid=kb-answer]").TextContent);
    }

    [Fact]
    public void Suggestions_ShowTheTopThreePublishedAnswers_ForTheTextAsTyped()
    {
        var cut = Context.Render<KnowledgeSuggestions>(p => p.Add(c => c.Text, "ab"));
        Assert.Empty(cut.FindAll("[data-testid=kb-article]"));

        cut.Render(p => p.Add(c => c.Text, "Здравствуйте, нет отопления в квартире"));

        cut.WaitForAssertion(() =>
        {
            var shown = cut.FindAll("[data-testid=kb-article]").Select(a => long.Parse(a.GetAttribute("data-article")!, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(KnowledgeSuggestions.Top, shown.Count);
            Assert.Equal(_published, shown[0]);
            Assert.DoesNotContain(_draft, shown);
        });

        cut.Render(p => p.Add(c => c.Text, "зелёные насаждения"));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=kb-suggestions-empty]")));
    }

    [Fact]
    public async Task Review_AnEditorEditsAndPublishes_AndTheLogNamesThem()
    {
        SignIn("knowledge_editor");
        var cut = Context.Render<KnowledgeReviewPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=kb-article]")));

        cut.Find("[data-testid=kb-edit]").Click();
        cut.WaitForElement("textarea[data-testid=kb-question-kk]").Change("Кіреберісте жылу жоқ");
        cut.Find("[data-testid=kb-editor]").Submit();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=kb-editor]")));
        cut.Find("[data-testid=kb-move-published]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=kb-article]")));

        var article = (await new KnowledgeQueries(city.DataSource).GetAsync(_draft))!;
        Assert.Equal(("Кіреберісте жылу жоқ", KbStatus.Published), (article.QuestionKk, article.Status));
        var log = await AuditRows.AboutAsync(city.DataSource, "kb_article", _draft.ToString(CultureInfo.InvariantCulture));
        Assert.Equal([(AuditActions.KnowledgeChange, "knowledge_editor"), (AuditActions.KnowledgeChange, "knowledge_editor")],
            log.Select(r => (r.Action, r.Actor)));
    }

    [Fact]
    public async Task Review_AnEmptyRussianAnswer_IsRefusedBesideTheForm()
    {
        SignIn("admin");
        var cut = Context.Render<KnowledgeReviewPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=kb-article]")));

        cut.Find("[data-testid=kb-edit]").Click();
        cut.WaitForElement("textarea[data-testid=kb-answer-ru]").Change("  ");
        cut.Find("[data-testid=kb-editor]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Нужен ответ на русском", cut.Find("[data-testid=kb-error]").TextContent.Trim()));
        Assert.Null((await new KnowledgeQueries(city.DataSource).GetAsync(_draft))!.EditedBy);
    }

    [Fact]
    public void Review_AnOperator_SeesWhoMayAndNoButtons()
    {
        SignIn("operator");
        var cut = Context.Render<KnowledgeReviewPage>();

        Assert.Equal("EditKnowledge", cut.Find("[data-testid=access-hint]").GetAttribute("data-action"));
        Assert.Empty(cut.FindAll("[data-testid=kb-edit]"));
    }
}
