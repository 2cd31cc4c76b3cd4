using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Features.SystemicProblems;
using Microsoft.Playwright;
using Npgsql;

namespace IKomek.Dashboard.E2E.Features.SystemicProblems;

/// <summary>
/// A problem that split, on its page: appeals written by hand into the app's database at two buildings in opposite
/// corners of one ~600 m cell (the mining tests' case), mined while only the cell recurs, then again once each
/// building recurs on its own.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ProblemsSplitTests(DashboardFixture fixture)
{
    private const string Type = "sewerage.smell_basement";

    private static readonly string[] Texts =
    [
        "Запах канализации из подвала, в подъезде пожилые люди и маленькие дети.",
        "Воняет из подвала уже неделю, дышать нечем.",
        "Подвал затоплен, запах по всему подъезду.",
        "Жертөледен жағымсыз иіс шығады, үйде қарт адамдар бар.",
    ];

    [Fact]
    public async Task ASplitProblem_LinksToThePartThatSplitOff_AndBothHistoriesTellTheCounts()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        var mining = new SystemicMining(db, DashboardFixture.Clock);
        (double Lat, double Lon) first = ((9514 + 0.06) * 0.0054, (8337 + 0.05) * 0.0086), second = ((9514 + 0.94) * 0.0054, (8337 + 0.95) * 0.0086);
        await AddWeeklyAsync(db, "split-1", first, [20, 18, 16, 14, 12], 3);
        await AddWeeklyAsync(db, "split-2", second, [19, 17, 15, 13, 11], 2);
        await mining.RunAsync(full: false);
        await AddWeeklyAsync(db, "split-3", first, [10, 8, 6], 3);
        await AddWeeklyAsync(db, "split-4", second, [9, 7, 5], 2);
        await mining.RunAsync(full: false);
        var kept = await ProblemAtAsync(db, first);
        var splitOff = await ProblemAtAsync(db, second);

        // In the list (sewerage only): both are marked for their vulnerable residents, named in the criticality bar too.
        var list = await ProblemsPage.OpenAsync(fixture);
        await list.FilterAsync("Сфера", "Водоотведение");
        await Assertions.Expect(ProblemsPage.VulnerableMark(list.Row(kept))).ToBeVisibleAsync();
        await Assertions.Expect(ProblemsPage.VulnerableMark(list.Row(splitOff))).ToBeVisibleAsync();
        await Assertions.Expect(ProblemsPage.CriticalityBar(list.Row(kept), 2)).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("уязвимые жители: 0,4"));
        await list.ScreenshotAsync("problems-vulnerable-1920x1080");

        var problem = await list.OpenProblemAsync(kept);
        await Assertions.Expect(problem.SplitInto).ToContainTextAsync($"#{splitOff}");
        await Assertions.Expect(problem.HistoryEntries).ToHaveCountAsync(3);
        await Assertions.Expect(problem.HistoryEntries.Last).ToContainTextAsync($"в проблему #{splitOff} перешло обращений: 10, осталось: 15");
        await Assertions.Expect(problem.Components).ToContainTextAsync("уязвимые жители");
        await problem.WaitForChartsAsync();
        await problem.ScreenshotAsync("problem-split-1920x1080");

        // The link leads to the part that split off, which links back.
        var part = await problem.FollowSplitIntoAsync();
        await Assertions.Expect(part.SplitFrom).ToContainTextAsync($"#{kept}");
        await Assertions.Expect(part.HistoryEntries).ToHaveCountAsync(2);
        await Assertions.Expect(part.HistoryEntries.Last).ToContainTextAsync($"из проблемы #{kept} перешло обращений: 10, там осталось: 15");
        await part.WaitForChartsAsync();
        await part.ScreenshotAsync("problem-split-from-1920x1080");

        await part.Shell.SwitchLanguageAsync("ENG");
        await Assertions.Expect(part.SplitFrom).ToContainTextAsync($"Split from problem #{kept}");
        await Assertions.Expect(part.Components).ToContainTextAsync("vulnerable residents");
        await part.WaitForChartsAsync();
        await part.ScreenshotAsync("problem-split-from-en-1920x1080");
        await part.CloseAsync();
    }

    private static async Task AddWeeklyAsync(NpgsqlDataSource db, string tag, (double Lat, double Lon) at, int[] weeksAgo, int perWeek)
    {
        const string sql = """
            INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, department_id, citizen_id,
                                 language, description, address, lat, lon, status, sla_due_at)
            SELECT 'E2E-' || @tag || '-' || x.n, x.t, 1, st.id, st.area_id, 1, st.department_id, 990000000 + x.n % 2,
                   'ru', (@texts::text[])[(1 + x.n % 4)::int], 'ул. Тестовая, ' || @tag, @Lat, @Lon, 'closed', x.t + interval '7 days'
            FROM unnest(@times::timestamptz[]) WITH ORDINALITY AS x (t, n)
            JOIN service_types st ON st.code = @Type
            """;
        var today = DashboardFixture.FixedNow.UtcDateTime.Date;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddHours(5);
        var times = weeksAgo.SelectMany(w => Enumerable.Range(0, perWeek).Select(d => DateTime.SpecifyKind(monday.AddDays(d - 7 * w), DateTimeKind.Utc))).ToArray();
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync(sql, new { tag, at.Lat, at.Lon, Type, texts = Texts, times });
    }

    /// <summary>The problem of the building at the point.</summary>
    private static async Task<long> ProblemAtAsync(NpgsqlDataSource db, (double Lat, double Lon) at)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("""
            SELECT p.id FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
            WHERE st.code = @Type AND p.level = 1 AND p.place = mining_place(1::smallint, @Lat, @Lon)
            """, new { Type, at.Lat, at.Lon });
    }
}
