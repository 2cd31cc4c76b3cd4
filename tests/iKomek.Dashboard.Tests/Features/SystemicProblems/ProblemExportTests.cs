using System.Globalization;
using System.Security.Claims;
using ClosedXML.Excel;
using Dapper;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Exports;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using IKomek.Dashboard.Platform.RateLimits;

namespace IKomek.Dashboard.Tests.Features.SystemicProblems;

/// <summary>A problem's export for a role without SeePersonalData: its appeals, redacted, as an .xlsx, and audited.</summary>
public sealed class ProblemExportTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task Xlsx_ForARoleWithoutTheRight_HoldsTheProblemsAppealsRedacted()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ru-KZ");
        await new SystemicMining(city.DataSource, TimeProvider.System).RunAsync(full: true);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var id = await conn.QueryFirstAsync<long>("SELECT id FROM systemic_problems WHERE is_current ORDER BY score DESC LIMIT 1");
        var planted = await city.NewIntake().RegisterAsync(new NewAppeal("=HYPERLINK(\"http://x\",\"y\") Звоните 8 701 765 43 21, кв. 16", 3, 1, 51.16, 71.47,
            Address: "ул. Проверочная, 86, кв. 16"));
        await conn.ExecuteAsync("UPDATE appeals SET systemic_problem_id = @id WHERE id = @appeal", new { id, appeal = planted.AppealId });
        var count = await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM appeals WHERE systemic_problem_id = @id", new { id });

        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "akim"), new Claim(ClaimTypes.Role, "akim")], "cookie")),
            RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        };
        http.Response.Body = new MemoryStream();
        var gate = new ExportGate(new ExportOptions(), new RateCounters(city.DataSource, city.Clock, NullLogger<RateCounters>.Instance), new AuditLog(city.DataSource));
        await (await ProblemExportEndpoint.ExportAsync(id, "xlsx", new SystemicProblemsQueries(city.DataSource), gate, http, CancellationToken.None)).ExecuteAsync(http);

        Assert.Equal(200, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        using var book = new XLWorkbook(http.Response.Body);
        var rows = book.Worksheets.First().RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString());
        Assert.Equal(count, rows.Count);
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\") Звоните [телефон скрыт], [квартира скрыта]", rows[planted.RegNumber].Cell(7).GetString());
        Assert.Equal("ул. Проверочная, 86", rows[planted.RegNumber].Cell(4).GetString());
        Assert.All(rows.Values, r => Assert.DoesNotContain("кв.", r.Cell(4).GetString()));
        Assert.All(book.Worksheets.First().CellsUsed(), c => Assert.False(c.HasFormula));
        var details = await conn.QuerySingleAsync<string>(
            "SELECT details::text FROM audit_log WHERE actor = 'akim' AND action = 'export.problems' AND subject_id = @subject",
            new { subject = id.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains($"\"rows\": {count}", details);
        Assert.Contains("\"redacted\": true", details);
    }

    [Fact]
    public async Task Csv_ForADepartmentHead_IsTheOwnDepartmentsProblemOnly_WithItsAppealsAsWritten()
    {
        await new SystemicMining(city.DataSource, TimeProvider.System).RunAsync(full: true);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var (own, department) = await conn.QueryFirstAsync<(long, int)>("""
            SELECT p.id, coalesce(p.department_id, st.department_id)::int FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
            WHERE p.is_current ORDER BY p.score DESC LIMIT 1
            """);
        var other = await conn.QueryFirstAsync<long>("""
            SELECT p.id FROM systemic_problems p JOIN service_types st ON st.id = p.service_type_id
            WHERE p.is_current AND coalesce(p.department_id, st.department_id) <> @department ORDER BY p.score DESC LIMIT 1
            """, new { department });
        var written = (await conn.QueryAsync<(string Reg, string Description, int Department)>(
            "SELECT reg_number, description, department_id::int FROM appeals WHERE systemic_problem_id = @own", new { own })).ToList();

        async Task<(int Status, string Body)> ExportAsync(long id)
        {
            var http = new DefaultHttpContext
            {
                User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "head.test"), new Claim(ClaimTypes.Role, "department_head"),
                    new Claim("ikomek:department", department.ToString(CultureInfo.InvariantCulture))], "cookie")),
                RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
            };
            http.Response.Body = new MemoryStream();
            var gate = new ExportGate(new ExportOptions(), new RateCounters(city.DataSource, city.Clock, NullLogger<RateCounters>.Instance), new AuditLog(city.DataSource));
            await (await ProblemExportEndpoint.ExportAsync(id, "csv", new SystemicProblemsQueries(city.DataSource), gate, http, CancellationToken.None)).ExecuteAsync(http);
            return (http.Response.StatusCode, System.Text.Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()));
        }

        var (status, body) = await ExportAsync(own);
        Assert.Equal(200, status);
        Assert.All(written, a => Assert.Contains(a.Reg, body));
        // The own department's appeals as written: a phone or a flat stays in the text.
        var sample = written.First(a => a.Department == department);
        Assert.Contains(sample.Description.Replace("\"", "\"\"", StringComparison.Ordinal).Split('\n')[0], body);
        Assert.Equal(404, (await ExportAsync(other)).Status);
    }
}
