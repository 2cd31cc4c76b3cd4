using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using ClosedXML.Excel;
using Dapper;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Exports;
using IKomek.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using IKomek.Dashboard.Platform.RateLimits;

namespace IKomek.Dashboard.Tests.Features.Appeals;

/// <summary>The appeals export's handler on a demo city: what a role with and without SeePersonalData gets, and its refusals.</summary>
public sealed class AppealsExportTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>, IAsyncLifetime
{
    private const string Calc = "=cmd|' /C calc'!A0";
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";
    private static readonly string[] Planted =
    [
        Calc,
        Hyperlink + " Меня зовут Айгерим, тел. 8 (701) 123-45-67, нет отопления в кв. 16.",
    ];

    public async Task InitializeAsync()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        if (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals WHERE address = 'ул. Проверочная, 78, кв. 16'") > 0) return;
        foreach (var text in Planted)
            await city.NewIntake().RegisterAsync(new NewAppeal(text, 3, 1, 51.16, 71.47, Address: "ул. Проверочная, 78, кв. 16"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    // The planted appeals, and only they, were registered after the demo city's end.
    private static string Filter => "?from=" + Uri.EscapeDataString(TestClock.UtcNow.ToString("O", CultureInfo.InvariantCulture));

    private static ClaimsPrincipal User(string login, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, login), new Claim(ClaimTypes.Role, role)], "cookie"));

    private async Task<(int Status, byte[] Body)> ExportAsync(string format, ClaimsPrincipal user, string query, ExportOptions? options = null)
    {
        // The reader's language, as the request localization sets it: Russian.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ru-KZ");
        var http = new DefaultHttpContext
        {
            User = user,
            RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        };
        http.Request.QueryString = new QueryString(query);
        http.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.7");
        http.Response.Body = new MemoryStream();
        var gate = new ExportGate(options ?? new ExportOptions { PerMinute = 100 }, new RateCounters(city.DataSource, city.Clock, NullLogger<RateCounters>.Instance), new AuditLog(city.DataSource));
        var result = await AppealsExportEndpoint.ExportAsync(format, http, new AppealsQueries(city.DataSource), gate, new AstanaClock(city.Clock), CancellationToken.None);
        await result.ExecuteAsync(http);
        return (http.Response.StatusCode, ((MemoryStream)http.Response.Body).ToArray());
    }

    [Fact]
    public async Task Xlsx_ForARoleWithoutTheRight_OpensWithItsRows_FormulasAsText_PersonalDataRedacted()
    {
        var (status, body) = await ExportAsync("xlsx", User("akim", "akim"), Filter);

        Assert.Equal(200, status);
        using var book = new XLWorkbook(new MemoryStream(body));
        var sheet = book.Worksheets.First();
        Assert.Equal(AppealsExportEndpoint.Header, sheet.Row(1).Cells(1, AppealsExportEndpoint.Header.Length).Select(c => c.GetString()));
        var rows = sheet.RowsUsed().Skip(1).ToList();
        Assert.Equal(2, rows.Count);
        var descriptions = rows.Select(r => r.Cell(17).GetString()).ToList();
        Assert.Contains(Calc, descriptions);
        Assert.Contains(Hyperlink + " Меня зовут [имя скрыто], тел. [телефон скрыт], нет отопления в [квартира скрыта].", descriptions);
        Assert.All(rows, r => Assert.Equal("ул. Проверочная, 78", r.Cell(13).GetString()));
        Assert.All(sheet.CellsUsed(), c => Assert.False(c.HasFormula));

        await using var conn = await city.DataSource.OpenConnectionAsync();
        var audit = await conn.QuerySingleAsync<(string Role, string Address, string Details)>("""
            SELECT actor_role, host(address), details::text FROM audit_log
            WHERE actor = 'akim' AND action = 'export.appeals' ORDER BY id DESC LIMIT 1
            """);
        Assert.Equal(("akim", "10.0.0.7"), (audit.Role, audit.Address));
        Assert.Contains("\"rows\": 2", audit.Details);
        Assert.Contains("\"redacted\": true", audit.Details);
        Assert.Contains("\"format\": \"xlsx\"", audit.Details);
        // The filter, never the rows.
        Assert.DoesNotContain("Проверочная", audit.Details);
    }

    [Fact]
    public async Task Csv_ForAnOperator_KeepsTheTexts_WithFormulaCellsNeutralised()
    {
        var (status, body) = await ExportAsync("csv", User("operator", "operator"), Filter);

        Assert.Equal(200, status);
        var csv = Encoding.UTF8.GetString(body);
        Assert.Contains("\"'" + Calc + "\"", csv);
        Assert.Contains("'=HYPERLINK(", csv);
        Assert.Contains("8 (701) 123-45-67", csv);
        Assert.Contains("ул. Проверочная, 78, кв. 16", csv);
        Assert.DoesNotContain("\n=", csv);
        Assert.DoesNotContain(",=", csv);
    }

    [Fact]
    public async Task AFilterAboveTheMaximum_IsRefusedWithTheReason_AndNothingIsWrittenOrRecorded()
    {
        var (status, body) = await ExportAsync("csv", User("too.many", "analyst"), "", new ExportOptions { MaxRows = 1000, PerMinute = 5 });

        Assert.Equal(400, status);
        Assert.Equal("Фильтр выбирает больше 1 000 обращений, а одна выгрузка вмещает не больше 1 000. Сузьте период или добавьте фильтр.",
            Encoding.UTF8.GetString(body).Replace('\u00a0', ' '));
        await using var conn = await city.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log WHERE actor = 'too.many'"));
    }

    [Fact]
    public async Task ASearchByAPhone_IsRefusedToARoleWithoutTheRight()
    {
        var (status, body) = await ExportAsync("csv", User("akim", "akim"), "?text=" + Uri.EscapeDataString("8 701 123 45 67"));

        Assert.Equal(403, status);
        Assert.StartsWith("Поиск по телефону", Encoding.UTF8.GetString(body));
        Assert.Equal(200, (await ExportAsync("csv", User("analyst", "analyst"), "?text=" + Uri.EscapeDataString("8 701 123 45 67"))).Status);
    }

    [Fact]
    public async Task AnUnknownFormat_IsNotFound()
    {
        Assert.Equal(404, (await ExportAsync("pdf", User("analyst", "analyst"), Filter)).Status);
    }
}
