using System.Globalization;
using System.Net;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Platform.Csv;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Hosting;

/// <summary>
/// Who may open what, over real HTTP with each role's signed-in cookie: one table, every cell asserted. The demo
/// city's department head answers for the energy department ("own"); "other" is an appeal of another department.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class RoleMatrixTests(DashboardFixture fixture)
{
    private const string OwnDepartment = "energy";

    // ok: 200 with the page; signin: a redirect to the sign-in page (a refusal: sign in as someone who may);
    // notfound: the appeal's (or problem's) page answers that there is no such appeal (problem); any other status is
    // written as its number. {ownproblem} is a systemic problem of the own department, {otherproblem} another's (the
    // own problem's export is ProblemExportTests').
    private const string Matrix = """
        | path                                  | anonymous | operator | analyst | admin | akim   | deputy | head     | projects | planning | knowledge |
        | /                                     | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /wall                                 | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /appeals                              | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /appeals/{own}                        | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /appeals/{other}                      | ok        | ok       | ok      | ok    | ok     | ok     | notfound | ok       | ok       | ok       |
        | /appeals/export.csv                   | signin    | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /appeals/export.xlsx                  | signin    | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /problems                             | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /problems/{ownproblem}                | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /problems/{otherproblem}              | ok        | ok       | ok      | ok    | ok     | ok     | notfound | ok       | ok       | ok       |
        | /problems/{otherproblem}/appeals.csv  | signin    | ok       | ok      | ok    | ok     | ok     | 404      | ok       | ok       | ok       |
        | /kpis                                 | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /kpis/entry                           | signin    | signin   | signin  | ok    | signin | signin | ok       | signin   | ok       | signin   |
        | /kpis/import                          | signin    | signin   | signin  | ok    | signin | signin | ok       | signin   | ok       | signin   |
        | /projects                             | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /projects/new                         | signin    | signin   | signin  | ok    | signin | signin | signin   | ok       | signin   | signin   |
        | /projects/import                      | signin    | signin   | signin  | ok    | signin | signin | signin   | ok       | signin   | signin   |
        | /projects/export.csv                  | signin    | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /ratings                              | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /ratings/desk                         | signin    | signin   | ok      | ok    | ok     | ok     | ok       | signin   | signin   | signin   |
        | /projects/risks                       | signin    | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /projects/meetings                    | signin    | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /open/projects                        | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /open/projects.csv                    | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /open/projects.json                   | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /admin                                | signin    | signin   | signin  | ok    | signin | signin | signin   | signin   | signin   | signin   |
        | /admin/jobs                           | signin    | signin   | signin  | ok    | signin | signin | signin   | signin   | signin   | signin   |
        | /admin/hangfire                       | signin    | signin   | signin  | ok    | signin | signin | signin   | signin   | signin   | signin   |
        | /admin/audit                          | signin    | signin   | signin  | ok    | signin | signin | signin   | signin   | signin   | signin   |
        | /classification/review                | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /appeals/import                       | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /open311/v2/services.json             | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /open311/v2/requests.json             | ok        | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /kb                                   | signin    | ok       | ok      | ok    | ok     | ok     | ok       | ok       | ok       | ok       |
        | /kb/review                            | signin    | signin   | signin  | ok    | signin | signin | signin   | signin   | signin   | ok       |
        | /appeals/new                          | signin    | ok       | ok      | ok    | signin | signin | signin   | signin   | signin   | signin   |
        """;

    // The demo city's account of each column (DemoAccounts); anonymous signs in as nobody.
    internal static readonly Dictionary<string, string?> Logins = new()
    {
        ["anonymous"] = null, ["operator"] = "operator", ["analyst"] = "analyst", ["admin"] = "admin",
        ["akim"] = "akim", ["deputy"] = "deputy.utilities", ["head"] = "head.energy",
        ["projects"] = "project.office", ["planning"] = "planning.office", ["knowledge"] = "knowledge.editor",
    };

    [Fact]
    public async Task EveryRole_GetsExactlyWhatTheMatrixSays()
    {
        var rows = Matrix.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
        var roles = rows[0][1..];
        Assert.Equal(Logins.Keys, roles);
        var (own, other, _) = await AppealsAsync();
        var (ownProblem, otherProblem) = await ProblemsAsync();

        var failures = new List<string>();
        var address = 10;
        foreach (var (role, column) in roles.Select((r, i) => (r, i + 1)))
        {
            // Each role from an address of its own: the sign-in throttle counts per address.
            using var client = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: $"192.0.2.{address++}");
            if (Logins[role] is { } login) Assert.Null(await client.SignInAsync(login, DemoAccounts.Passwords[login]));
            foreach (var row in rows.Skip(1))
            {
                var path = row[0].Replace("{own}", own, StringComparison.Ordinal).Replace("{other}", other, StringComparison.Ordinal)
                    .Replace("{ownproblem}", ownProblem, StringComparison.Ordinal).Replace("{otherproblem}", otherProblem, StringComparison.Ordinal);
                var got = Outcome(await client.GetAsync(path), client.LastResponse!, path);
                if (got != row[column]) failures.Add($"{role} {row[0]}: expected {row[column]}, got {got}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task DepartmentHead_ExportsOnlyTheOwnDepartment_WhateverTheUrlAsks()
    {
        var (_, _, otherDepartment) = await AppealsAsync();
        using var head = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "192.0.2.30");
        Assert.Null(await head.SignInAsync("head.energy", DemoAccounts.Passwords["head.energy"]));
        using var akim = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "192.0.2.31");
        Assert.Null(await akim.SignInAsync("akim", DemoAccounts.Passwords["akim"]));

        foreach (var query in new[] { "", "?department=" + otherDepartment.Id })
        {
            var departments = Departments(await head.GetAsync("/appeals/export.csv" + query));
            Assert.NotEmpty(departments);
            Assert.All(departments, d => Assert.Equal(OwnDepartment, d));
        }
        // The akim's export of that other department is that department's.
        var akims = Departments(await akim.GetAsync("/appeals/export.csv?department=" + otherDepartment.Id));
        Assert.NotEmpty(akims);
        Assert.All(akims, d => Assert.Equal(otherDepartment.Code, d));
    }

    [Fact]
    public async Task DepartmentHead_ExplorerShowsOnlyTheOwnDepartment_EvenWithAnotherDepartmentInTheUrl()
    {
        var (_, _, otherDepartment) = await AppealsAsync();
        var page = await fixture.OpenAsync("/", signedInAs: "head.energy");
        await Assertions.Expect(page.GetByTestId("user-role")).ToHaveTextAsync("Руководитель управления");
        await page.GotoAsync($"/appeals?period=all&department={otherDepartment.Id}");
        await DashboardFixture.WaitForCircuitAsync(page);
        var regs = page.Locator("[data-testid=appeals-grid] tbody tr .reg");
        await Assertions.Expect(regs.First).ToBeVisibleAsync();
        var shown = await regs.AllInnerTextsAsync();

        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var codes = (await conn.QueryAsync<string>(
            "SELECT DISTINCT d.code FROM appeals a JOIN departments d ON d.id = a.department_id WHERE a.reg_number = ANY(@shown)",
            new { shown = shown.ToArray() })).ToList();
        Assert.Equal([OwnDepartment], codes);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DepartmentHead_ProblemListLinksOnlyTheOwnDepartmentsProblems_AndCountsTheOthers()
    {
        await ProblemsAsync();
        var departments = await ProblemDepartmentsAsync();
        using var head = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "192.0.2.32");
        Assert.Null(await head.SignInAsync("head.energy", DemoAccounts.Passwords["head.energy"]));
        using var akim = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "192.0.2.33");
        Assert.Null(await akim.SignInAsync("akim", DemoAccounts.Passwords["akim"]));

        // The list has no department in its address; one in the query changes nothing.
        foreach (var query in new[] { "", "?department=1&departmentId=1" })
        {
            var page = await head.GetAsync("/problems" + query);
            var linked = ProblemLinks(page);
            Assert.NotEmpty(linked);
            Assert.All(linked, id => Assert.Equal(OwnDepartment, departments[id]));
            Assert.Contains("data-testid=\"problems-other-departments\"", page, StringComparison.Ordinal);
        }
        var akims = await akim.GetAsync("/problems");
        Assert.Contains(ProblemLinks(akims), id => departments[id] != OwnDepartment);
        Assert.DoesNotContain("data-testid=\"problems-other-departments\"", akims, StringComparison.Ordinal);
    }

    private static List<long> ProblemLinks(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "href=\"problems/(\\d+)[\"#]")
            .Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();

    /// <summary>A problem of the own department and one of another, once the startup mining run has found them.</summary>
    private async Task<(string Own, string Other)> ProblemsAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var departments = await ProblemDepartmentsAsync();
            var own = departments.Where(d => d.Value == OwnDepartment).Select(d => d.Key).Order().FirstOrDefault();
            var other = departments.Where(d => d.Value != OwnDepartment).Select(d => d.Key).Order().FirstOrDefault();
            if (own > 0 && other > 0) return (own.ToString(CultureInfo.InvariantCulture), other.ToString(CultureInfo.InvariantCulture));
            Assert.True(attempt < 180, "no mined problem of the own and of another department");
            await Task.Delay(500);
        }
    }

    /// <summary>Each listed problem's department code: assigned, else its service type's.</summary>
    private async Task<Dictionary<long, string>> ProblemDepartmentsAsync()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<(long Id, string Code)>("""
            SELECT p.id, d.code FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
            JOIN departments d ON d.id = coalesce(p.department_id, st.department_id)
            WHERE (p.is_current OR p.status <> 'identified') AND p.merged_into IS NULL
            """)).ToDictionary(r => r.Id, r => r.Code);
    }

    private static string Outcome(string body, HttpResponseMessage response, string path)
    {
        var status = (int)response.StatusCode;
        if (status == (int)HttpStatusCode.Redirect)
        {
            var location = new Uri(new Uri("http://x"), response.Headers.Location!.OriginalString).AbsolutePath;
            return location == "/account/signin" ? "signin" : "redirect " + location;
        }
        if (status != 200) return status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reg = path.StartsWith("/appeals/", StringComparison.Ordinal) ? path["/appeals/".Length..] : null;
        if (reg is not null && body.Contains($"Обращение {reg} не найдено", StringComparison.Ordinal)) return "notfound";
        if (path.StartsWith("/problems/", StringComparison.Ordinal) && body.Contains("Такой проблемы нет", StringComparison.Ordinal)) return "notfound";
        return "ok";
    }

    // The export's department column, read as CSV (a description may hold commas or line breaks).
    private static List<string> Departments(string csv)
    {
        using var reader = new CsvRowReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)));
        var departments = new List<string>();
        while (reader.ReadAsync().AsTask().GetAwaiter().GetResult() is { } record)
        {
            if (record.Fields[0] != "reg_number") departments.Add(record.Fields[6]);
        }
        return departments;
    }

    private async Task<(string Own, string Other, (int Id, string Code) OtherDepartment)> AppealsAsync()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var own = await conn.ExecuteScalarAsync<string>("""
            SELECT a.reg_number FROM appeals a JOIN departments d ON d.id = a.department_id WHERE d.code = @OwnDepartment ORDER BY a.id LIMIT 1
            """, new { OwnDepartment });
        var other = await conn.QuerySingleAsync<(string Reg, int Id, string Code)>("""
            SELECT a.reg_number, d.id::int, d.code FROM appeals a JOIN departments d ON d.id = a.department_id
            WHERE d.code <> @OwnDepartment GROUP BY a.reg_number, a.id, d.id, d.code ORDER BY a.id LIMIT 1
            """, new { OwnDepartment });
        return (own!, other.Reg, (other.Id, other.Code));
    }
}
