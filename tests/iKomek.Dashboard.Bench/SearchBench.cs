using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Bench;

/// <summary>
/// How much of what the explorer should find it finds (docs/benchmarks.md, "Search by word forms"):
///   dotnet run -c Release --project tests/iKomek.Dashboard.Bench -- search --data /tmp/ikomek-demo
/// For 20 common words in Russian and 20 in Kazakh: the appeals in that language with a form of the word, and the share
/// of them that the explorer's search for the word finds, by the earlier word-prefix search and by the search over stems.
/// </summary>
public static class SearchBench
{
    // (what a reader types, its forms as a regular expression from a word's start: case and number endings, not other
    // words that start alike, e.g. "трубопровод" is no form of "труба", "суық" (cold) none of "су" (water))
    private static readonly (string Word, string Forms)[] Russian =
    [
        ("отопление", "отоплени"), ("батарея", "батаре"), ("вода", @"вод(а|ы|е|у|ой|ою)?\M"), ("свет", @"свет(а|у|ом|е)?\M"),
        ("мусор", "мусор"), ("лифт", "лифт"), ("дорога", @"дорог(а|и|е|у|ой|ою|ам|ами|ах)?\M"), ("яма", @"ям(а|ы|е|у|ой|ами|ах|ам)?\M"),
        ("снег", "снег"), ("двор", "двор"), ("подъезд", "подъезд"), ("крыша", @"крыш(а|и|е|у|ей|ами|ах)?\M"),
        ("труба", @"труб(а|ы|е|у|ой|ою|ам|ами|ах)?\M"), ("освещение", "освещени"), ("остановка", "остановк"), ("автобус", "автобус"),
        ("дерево", @"дерев(о|а|у|ом|е|ья|ьев|ьям|ьями|ьях)\M"), ("парковка", "парковк"), ("запах", "запах"), ("горячая", "горяч"),
    ];

    private static readonly (string Word, string Forms)[] Kazakh =
    [
        ("жылу", "жылу"), ("батарея", "батарея"), ("су", @"су(ы|да|дың|ға|дан|мен|лар|сыз|ын|ды)?\M"), ("жарық", "жары[қғ]"),
        ("қоқыс", "қоқыс"), ("лифт", "лифт"), ("жол", @"жол(ы|да|ды|дың|ға|дан|дар|дары|дағы|ында|ын|мен)?\M"), ("шұңқыр", "шұңқыр"),
        ("қар", @"қар(ы|да|ды|дың|ға|дан|мен|ын)?\M"), ("аула", "аула"), ("кіреберіс", "кіреберіс"), ("шатыр", "шатыр"),
        ("құбыр", "құбыр"), ("аялдама", "аялдама"), ("автобус", "автобус"), ("ағаш", "ағаш"), ("көлік", "көлі[кг]"),
        ("иіс", "иіс"), ("ыстық", "ыстық"), ("үй", @"үй(де|ге|ді|дің|ден|і|ін|лер|лерде|дегі)?\M"),
    ];

    // Kazakh typed inflected, as a reader copies a word from an appeal: a prefix of the form finds only that form.
    private static readonly (string Word, string Forms)[] KazakhInflected =
    [
        ("жарығы", "жары[қғ]"), ("құбырлар", "құбыр"), ("аулада", "аула"), ("жолдары", @"жол(ы|да|ды|дың|ға|дан|дар|дары|дағы|ында|ын|мен)?\M"),
        ("қоқысты", "қоқыс"), ("ағаштар", "ағаш"), ("батареялар", "батарея"), ("аялдамада", "аялдама"), ("кіреберісте", "кіреберіс"), ("шатырдан", "шатыр"),
    ];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        await using var app = await BenchApp.StartAsync(options.DataFolder, "--City:Scheduler:Enabled=false", "--Classification:TrainOnStart=false");
        await using var db = NpgsqlDataSource.Create(app.ConnectionString);
        Console.WriteLine($"City at {options.DataFolder}: {await app.CountAppealsAsync():N0} appeals");
        var worst = 1.0;
        foreach (var (language, words) in new[] { ("ru", Russian), ("kk", Kazakh), ("kk", KazakhInflected) })
        {
            Console.WriteLine($"| {language} word | appeals with a form | found by prefix | found by stems | share by prefix | share by stems |");
            long allForms = 0, allPrefix = 0, allStems = 0;
            foreach (var (word, pattern) in words)
            {
                await using var conn = await db.OpenConnectionAsync();
                // The forms: a word of the description or the address matching the pattern from its start (\m).
                var (forms, byPrefix, byStems) = await conn.QuerySingleAsync<(long, long, long)>("""
                    WITH formed AS (SELECT search, search_stems FROM appeals
                                    WHERE language = @language AND lower(description || ' ' || coalesce(address, '')) ~ ('\m' || @pattern))
                    SELECT count(*), count(*) FILTER (WHERE search @@ to_tsquery('simple', quote_literal(@word) || ':*')),
                           count(*) FILTER (WHERE search_stems @@ appeal_stems_query(@word))
                    FROM formed
                    """, new { language, pattern, word }, commandTimeout: 600);
                allForms += forms; allPrefix += byPrefix; allStems += byStems;
                if (forms > 0) worst = Math.Min(worst, (double)byStems / forms);
                Console.WriteLine($"| {word} | {forms:N0} | {byPrefix:N0} | {byStems:N0} | {Share(byPrefix, forms)} | {Share(byStems, forms)} |");
            }
            Console.WriteLine($"| all {words.Length} | {allForms:N0} | {allPrefix:N0} | {allStems:N0} | {Share(allPrefix, allForms)} | {Share(allStems, allForms)} |");
            Console.WriteLine();
        }
        Console.WriteLine($"Lowest share by stems: {worst:P1} (aim >= 95 %)");
        return 0;
    }

    private static string Share(long part, long whole) => whole == 0 ? "—" : ((double)part / whole).ToString("P1");
}
