using Dapper;
using IKomek.Dashboard.Features.Knowledge;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Knowledge;

/// <summary>The operators' search: Russian and Kazakh word forms, relevance, the topic model's type, published only.</summary>
public sealed class KnowledgeSearchTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    private long _heating, _lift, _draft, _tariff;

    public async Task InitializeAsync()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        await conn.ExecuteAsync("DELETE FROM kb_article_appeals; DELETE FROM kb_articles");
        async Task<long> Add(int type, string key, string q, string? qk, string a, string status) => await conn.ExecuteScalarAsync<long>("""
            INSERT INTO kb_articles (service_type_id, group_key, question_ru, question_kk, answer_ru, sla_working_days, status, appeal_count, mined_at)
            VALUES (@type, @key, @q, @qk, @a, 3, @status, 5, now()) RETURNING id
            """, new { type, key, q, qk, a, status });
        _heating = await Add(1, "отоплен", "Нет отопления в квартире, батареи холодные", "Пәтерде жылу жоқ, батареялар суық",
            "Сообщите в аварийную службу теплосетей, бригада выезжает в течение дня.", KbStatus.Published);
        _lift = await Add(2, "лифт", "Не работает лифт в подъезде", "Кіреберісте лифт істемейді", "Передайте в КСК дома.", KbStatus.Published);
        _tariff = await Add(3, "тариф", "Почему выросла сумма за отопление", null, "Тарифы утверждает комитет по регулированию.", KbStatus.Published);
        _draft = await Add(4, "отоплен", "Слабое отопление в школе", null, "Черновик.", KbStatus.Draft);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private KnowledgeQueries Queries => new(city.DataSource);

    [Theory]
    [InlineData("отопления")]
    [InlineData("отоплением")]
    [InlineData("батарея холодная")]
    [InlineData("жылуы жоқ")]
    [InlineData("батареяларымыз суық")]
    [InlineData("ОТОПЛЕНИЕ!!!")]
    public async Task Search_FindsTheArticleByWordForms_RussianAndKazakh(string text)
    {
        var found = await Queries.SearchAsync(text);

        Assert.Contains(found, a => a.Id == _heating);
        Assert.DoesNotContain(found, a => a.Id == _lift);
    }

    [Fact]
    public async Task Search_RanksTheArticleSharingMoreWordsFirst_AndShowsPublishedOnly()
    {
        var found = await Queries.SearchAsync("Здравствуйте, у нас нет отопления, батареи холодные. Когда дадут?");

        Assert.Equal(_heating, found[0].Id);
        Assert.Contains(found, a => a.Id == _tariff);
        Assert.DoesNotContain(found, a => a.Id == _draft);
        Assert.Contains(await Queries.SearchAsync("отопление", statuses: KbStatus.All), a => a.Id == _draft);
    }

    [Fact]
    public async Task Search_TheTopicModelsTypeRaisesItsArticles()
    {
        var plain = await Queries.SearchAsync("отопление сумма");
        var withType = await Queries.SearchAsync("отопление сумма", serviceTypeId: 1, typeConfidence: 0.9);

        Assert.Equal(_tariff, plain[0].Id);
        Assert.Equal(_heating, withType[0].Id);
        // The type alone, with nothing searchable typed yet, brings its articles.
        Assert.Equal([_lift], (await Queries.SearchAsync("и в", serviceTypeId: 2, typeConfidence: 0.5)).Select(a => a.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("и у в на")]
    [InlineData("12 34")]
    [InlineData("'); DROP TABLE kb_articles; --")]
    [InlineData("&|!:*()<->")]
    public async Task Search_NothingSearchable_FindsNothing_AndNeverFails(string text)
    {
        Assert.Empty(await Queries.SearchAsync(text));
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(4, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM kb_articles"));
    }

    [Fact]
    public async Task Search_AVeryLongText_IsCutAndStillAnswers()
    {
        var found = await Queries.SearchAsync(string.Concat(Enumerable.Repeat("лифт не работает ", 1000)));

        Assert.Equal(_lift, found[0].Id);
    }
}
