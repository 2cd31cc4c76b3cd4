using Dapper;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Tests.Infrastructure;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Features.Appeals;

/// <summary>The explorer's search, keyset paging and export: the queries behind the page, against a small demo city in a real PostgreSQL.</summary>
public sealed class AppealsQueriesTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task AppealsSearch_PagesWithoutOverlapAndCountsTheWholeSet()
    {
        var queries = new AppealsQueries(city.DataSource);
        var filter = new AppealFilter(FromUtc: TestClock.UtcNow.AddDays(-30));

        var first = await queries.SearchAsync(filter, 0, 25, null, false);
        var second = await queries.SearchAsync(filter, 25, 25, null, false);

        Assert.Equal(25, first.Rows.Count);
        Assert.Empty(first.Rows.Select(r => r.Id).Intersect(second.Rows.Select(r => r.Id)));
        Assert.True(first.Rows[^1].CreatedAt >= second.Rows[0].CreatedAt);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals WHERE created_at >= @from", new { from = filter.FromUtc }), first.Total);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(nameof(AppealRow.RegNumber), false)]
    [InlineData(nameof(AppealRow.Status), true)]
    [InlineData(nameof(AppealRow.SlaDueAt), false)]
    public async Task KeysetPaging_ForwardAndBack_GivesTheSamePagesAsSkipping(string? sort, bool descending)
    {
        var queries = new AppealsQueries(city.DataSource);
        var filter = new AppealFilter(FromUtc: TestClock.UtcNow.AddDays(-60), DistrictId: 2);
        var byOffset = new List<IReadOnlyList<AppealRow>>();
        for (var p = 0; p < 4; p++) byOffset.Add(await queries.PageAsync(filter, p * 20, 20, sort, descending, null));

        var page = byOffset[0];
        for (var p = 1; p < 4; p++)
        {
            page = await queries.PageAsync(filter, p * 20, 20, sort, descending, new PageCursor(page[^1], Before: false));
            Assert.Equal(byOffset[p].Select(r => r.Id), page.Select(r => r.Id));
        }
        for (var p = 2; p >= 0; p--)
        {
            page = await queries.PageAsync(filter, p * 20, 20, sort, descending, new PageCursor(page[0], Before: true));
            Assert.Equal(byOffset[p].Select(r => r.Id), page.Select(r => r.Id));
        }
    }

    [Fact]
    public async Task AppealsSearch_FiltersAndSorts()
    {
        var queries = new AppealsQueries(city.DataSource);

        var yesil = await queries.SearchAsync(new AppealFilter(DistrictId: 3, Status: "closed"), 0, 50, nameof(AppealRow.RegNumber), descending: false);

        Assert.NotEmpty(yesil.Rows);
        Assert.All(yesil.Rows, r => Assert.Equal((3, "closed"), (r.DistrictId, r.Status)));
        Assert.Equal(yesil.Rows.Select(r => r.RegNumber).Order(StringComparer.Ordinal), yesil.Rows.Select(r => r.RegNumber));
    }

    [Fact]
    public async Task AppealsSearch_TextFindsByRegistrationNumberAndWords()
    {
        var queries = new AppealsQueries(city.DataSource);
        var any = (await queries.SearchAsync(new AppealFilter(), 0, 1, null, false)).Rows[0];

        var byNumber = await queries.SearchAsync(new AppealFilter(Text: any.RegNumber), 0, 10, null, false);
        var byWildcardChars = await queries.SearchAsync(new AppealFilter(Text: "%_%"), 0, 10, null, false);

        Assert.Contains(byNumber.Rows, r => r.Id == any.Id);
        Assert.Empty(byWildcardChars.Rows);
    }

    /// <summary>By relevance: the same appeals the search finds, best ranked first (a page after a page continues the order),
    /// and an exact registration number before any text.</summary>
    [Fact]
    public async Task AppealsSearch_ByRelevance_RanksTheBestMatchesFirst()
    {
        var queries = new AppealsQueries(city.DataSource);
        var filter = new AppealFilter(Text: "отопления квартире");

        var first = await queries.PageAsync(filter, 0, 20, AppealsQueries.Relevance, true, null);
        var second = await queries.PageAsync(filter, 20, 20, AppealsQueries.Relevance, true, null);

        Assert.Equal(20, first.Count);
        Assert.Empty(first.Select(r => r.Id).Intersect(second.Select(r => r.Id)));
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var ranks = (await conn.QueryAsync<(long Id, float Rank)>(
            "SELECT id, ts_rank_cd(search_stems, appeal_stems_query(@text)) FROM appeals WHERE id = ANY(@ids)",
            new { text = filter.Text, ids = first.Concat(second).Select(r => r.Id).ToArray() })).ToDictionary(r => r.Id, r => r.Rank);
        var inOrder = first.Concat(second).Select(r => ranks[r.Id]).ToList();
        Assert.Equal(inOrder.OrderDescending(), inOrder);
        Assert.True(inOrder[0] > inOrder[^1], "the ranks differ: the order is the rank's, not the date's");
        var newestFirst = await queries.PageAsync(filter, 0, 20, nameof(AppealRow.CreatedAt), true, null);
        Assert.NotEqual(newestFirst.Select(r => r.Id), first.Select(r => r.Id));

        var any = newestFirst[^1];
        var byNumber = await queries.PageAsync(new AppealFilter(Text: any.RegNumber), 0, 5, AppealsQueries.Relevance, true, null);
        Assert.Equal(any.Id, byNumber[0].Id);
    }

    /// <summary>What is found has each searched word as written (as a prefix: "отоплен") or a form of it (the same Russian or Kazakh stem), and nothing else.</summary>
    [Theory]
    [InlineData("отоплен")]
    [InlineData("жылу")]
    [InlineData("Лифт не")]
    public async Task AppealsSearch_FindsTheWordsOrTheirForms_AndNothingElse(string words)
    {
        var found = await new AppealsQueries(city.DataSource).SearchAsync(new AppealFilter(Text: words), 0, 50, null, false);

        Assert.NotEmpty(found.Rows);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        // Per appeal, whether every searched word has a word of its text that starts with it or shares its stem's start.
        var matched = await conn.QueryAsync<bool>("""
            SELECT bool_and(EXISTS (
                       SELECT 1 FROM regexp_split_to_table(lower(a.description || ' ' || coalesce(a.address, '')), '[^[:alnum:]]+') t
                       WHERE t LIKE w || '%' OR kk_stem(t) LIKE kk_stem(w) || '%'
                          OR (ts_lexize('russian_stem', t))[1] LIKE (ts_lexize('russian_stem', w))[1] || '%'))
            FROM appeals a, regexp_split_to_table(lower(@words), '[^[:alnum:]]+') w
            WHERE a.id = ANY(@ids) AND w <> ''
            GROUP BY a.id
            """, new { words, ids = found.Rows.Select(r => r.Id).ToArray() });
        Assert.Equal(found.Rows.Count, matched.Count());
        Assert.All(matched, Assert.True);
    }

    [Fact]
    public async Task StoredSearchVectors_AreWhatTheCurrentFunctionsCompute()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();

        Assert.Equal(0L, await conn.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM appeals WHERE search_stems <> appeal_search_stems(language, description || ' ' || coalesce(address, ''))"));
    }

    /// <summary>Every appeal with a form of the word is found, whatever its ending: Russian and English stems, Kazakh endings.</summary>
    [Theory]
    [InlineData("отопление", "ru", "отоплени")]
    [InlineData("батареи", "ru", "батаре")]
    [InlineData("трубы", "ru", @"труб(а|ы|е|у|ой|ою|ам|ами|ах)?\M")]
    [InlineData("жылу", "kk", "жылу")]
    [InlineData("жарық", "kk", "жары[қғ]")]
    [InlineData("құбырлар", "kk", "құбыр")]
    [InlineData("heating", "en", @"heat(ing|ed|s)?\M")]
    public async Task AppealsSearch_FindsEveryFormOfTheWord(string word, string language, string forms)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var formed = (await conn.QueryAsync<long>(
            "SELECT id FROM appeals WHERE language = @language AND lower(description || ' ' || coalesce(address, '')) ~ ('\\m' || @forms)",
            new { language, forms })).ToHashSet();

        var found = await new AppealsQueries(city.DataSource).SearchAsync(new AppealFilter(Text: word), 0, 10_000, null, false);

        Assert.True(formed.Count >= 3, $"{formed.Count} appeals with a form of {word}");
        Assert.Empty(formed.Except(found.Rows.Select(r => r.Id)));
    }

    [Fact]
    public async Task AppealsSearch_NumbersMatchAsPrefixes()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var (id, createdAt, number) = await conn.QueryFirstAsync<(long, DateTime, string)>(
            "SELECT id, created_at, substring(address FROM '[0-9]{2,}') FROM appeals WHERE address ~ '[0-9]{2,}' ORDER BY id LIMIT 1");

        // "12" of "12б" or "125": the number's first digits, within the second the appeal came in.
        var found = await new AppealsQueries(city.DataSource).SearchAsync(
            new AppealFilter(FromUtc: createdAt.AddSeconds(-1), ToUtc: createdAt.AddSeconds(1), Text: number[..^1]), 0, 100, null, false);

        Assert.Contains(found.Rows, r => r.Id == id);
    }

    [Fact]
    public async Task AppealsSearch_OverdueDuplicatesAndDepartment_FilterWhatTheySay()
    {
        var queries = new AppealsQueries(city.DataSource);
        await using (var setup = await city.DataSource.OpenConnectionAsync())
        {
            // A small city may have nothing overdue at this hour: make sure one open appeal is.
            await setup.ExecuteAsync("UPDATE appeals SET sla_due_at = city_now() - interval '1 day' WHERE id = (SELECT id FROM appeals WHERE status NOT IN ('resolved', 'closed') ORDER BY id LIMIT 1)");
        }

        var overdue = await queries.SearchAsync(new AppealFilter(Overdue: true), 0, 100, null, false);
        var repeats = await queries.SearchAsync(new AppealFilter(Duplicates: true), 0, 100, null, false);
        var department = await queries.SearchAsync(new AppealFilter(DepartmentId: 1), 0, 100, null, false);

        Assert.NotEmpty(overdue.Rows);
        Assert.All(overdue.Rows, r => Assert.True(r.ResolvedAt is null && r.SlaDueAt < TestClock.UtcNow && r.Status is not ("resolved" or "closed")));
        Assert.NotEmpty(repeats.Rows);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals WHERE id = ANY(@ids) AND duplicate_of IS NULL", new { ids = repeats.Rows.Select(r => r.Id).ToArray() }));
        Assert.All(department.Rows, r => Assert.Equal(1, r.DepartmentId));
    }

    [Fact]
    public async Task Export_StreamsTheFilteredSetNewestFirst_AndTheFilterSurvivesTheQueryString()
    {
        var filter = new AppealFilter(FromUtc: TestClock.UtcNow.AddDays(-7), DistrictId: 2, Status: "closed");
        var parsed = AppealFilter.FromQuery(new Microsoft.AspNetCore.Http.QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(filter.ToQueryString())));
        var queries = new AppealsQueries(city.DataSource);

        var rows = new List<AppealExportRow>();
        await foreach (var r in queries.ExportAsync(parsed, 100_000)) rows.Add(r);
        var page = await queries.SearchAsync(filter, 0, 1, null, false);

        Assert.Equal(filter with { FromUtc = parsed.FromUtc }, parsed);
        Assert.Equal(page.Total, rows.Count);
        Assert.All(rows, r => Assert.Equal(("closed", "baikonyr"), (r.Status, r.District)));
        Assert.Equal(rows.OrderByDescending(r => r.CreatedAt).Select(r => r.RegNumber), rows.Select(r => r.RegNumber));
    }

    [Fact]
    public async Task AppealsSearch_UnknownSortColumn_FallsBackToNewestFirst()
    {
        var rows = (await new AppealsQueries(city.DataSource).SearchAsync(new AppealFilter(), 0, 20, "description; DROP TABLE appeals", false)).Rows;

        Assert.Equal(rows.OrderByDescending(r => r.CreatedAt).Select(r => r.Id), rows.Select(r => r.Id));
    }
}
