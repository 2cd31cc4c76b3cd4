using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Features.SystemicProblems;
using Microsoft.Playwright;
using Npgsql;

namespace IKomek.Dashboard.E2E;

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
        var page = await fixture.OpenAsync("/problems");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Сфера" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Водоотведение" }).ClickAsync();
        var rows = page.GetByTestId("problems-grid").Locator("tbody tr");
        var keptRow = rows.Filter(new() { Has = page.Locator($"a[href='problems/{kept}']") });
        await Assertions.Expect(keptRow.GetByTestId("problem-vulnerable")).ToBeVisibleAsync();
        await Assertions.Expect(rows.Filter(new() { Has = page.Locator($"a[href='problems/{splitOff}']") }).GetByTestId("problem-vulnerable")).ToBeVisibleAsync();
        await Assertions.Expect(keptRow.Locator(".score .bar").Nth(2)).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("уязвимые жители: 0,4"));
        await DashboardFixture.ScreenshotAsync(page, "problems-vulnerable-1920x1080");

        await keptRow.Locator("a.cell-title").ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem-split-into")).ToContainTextAsync($"#{splitOff}");
        var history = page.GetByTestId("problem-history").Locator("li");
        await Assertions.Expect(history).ToHaveCountAsync(3);
        await Assertions.Expect(history.Last).ToContainTextAsync($"в проблему #{splitOff} перешло обращений: 10, осталось: 15");
        await Assertions.Expect(page.GetByTestId("problem-components")).ToContainTextAsync("уязвимые жители");
        await ChartsDrawnAsync(page);
        await DashboardFixture.ScreenshotAsync(page, "problem-split-1920x1080");

        // The link leads to the part that split off, which links back.
        await page.GetByTestId("problem-split-into").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem-split-from")).ToContainTextAsync($"#{kept}");
        await Assertions.Expect(page.GetByTestId("problem-history").Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("problem-history").Locator("li").Last)
            .ToContainTextAsync($"из проблемы #{kept} перешло обращений: 10, там осталось: 15");
        await ChartsDrawnAsync(page);
        await DashboardFixture.ScreenshotAsync(page, "problem-split-from-1920x1080");

        await new Shell(page).Language("ENG").ClickAsync();
        await DashboardFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("problem-split-from")).ToContainTextAsync($"Split from problem #{kept}");
        await Assertions.Expect(page.GetByTestId("problem-components")).ToContainTextAsync("vulnerable residents");
        await ChartsDrawnAsync(page);
        await DashboardFixture.ScreenshotAsync(page, "problem-split-from-en-1920x1080");
        await page.Context.CloseAsync();
    }

    /// <summary>The weekly bars and the map's points are drawn (plotly draws after the page renders).</summary>
    private static async Task ChartsDrawnAsync(IPage page)
    {
        await page.GetByTestId("problem-weeks").Locator(".point").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("problem-map").Locator(".point").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
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
