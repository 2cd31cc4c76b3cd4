using System.Globalization;
using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Appeals;

/// <summary>
/// Residents' personal data over real HTTP and in Chromium: the public API, the appeal page, the wall and the hub
/// never carry it to who may not see it; the exports need sign-in, keep to their rate and neutralise formulas.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PrivacyTests(DashboardFixture fixture)
{
    private const string Personal = "Меня зовут Айгерим Нурланова, тел. 8 (701) 765-43-21, aigerim.n@mail.kz. Нет отопления в кв. 16.";
    private const string Redacted = "Меня зовут [имя скрыто], тел. [телефон скрыт], [e-mail скрыт]. Нет отопления в [квартира скрыта].";
    private const string Calc = "=cmd|' /C calc'!A0";
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";

    private async Task<string> PostAsync(string description, string address, params (string, string)[] extra)
    {
        using var api = new Open311Client(fixture.App.BaseUrl);
        var code = extra.Length > 0 ? await api.ServiceCodeAsync("elevators", metadata: true) : await api.ServiceCodeAsync("heating");
        return await api.PostAsync(code, description, 51.1605, 71.4704, [("address_string", address), .. extra]);
    }

    // Appeals registered by the tests only: the demo city ends at the app's start.
    private static string Since => "from=" + Uri.EscapeDataString(DashboardFixture.FixedNow.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));

    [Fact]
    public async Task Open311_GetRequests_AnswersEveryoneWithoutPersonalData_InJsonAndXml()
    {
        var id = await PostAsync(Personal, "ул. Проверочная, 80, кв. 16");
        using var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl + "/open311/v2/") };

        using var one = JsonDocument.Parse(await http.GetStringAsync($"requests/{id}.json"));
        Assert.Equal(Redacted, one.RootElement[0].GetProperty("description").GetString());
        Assert.Equal("ул. Проверочная, 80", one.RootElement[0].GetProperty("address").GetString());

        using var list = JsonDocument.Parse(await http.GetStringAsync("requests.json?page_size=1000"));
        var listed = list.RootElement.EnumerateArray().Single(r => r.GetProperty("service_request_id").GetString() == id);
        Assert.Equal(Redacted, listed.GetProperty("description").GetString());

        foreach (var xml in new[] { await http.GetStringAsync($"requests/{id}.xml"), await http.GetStringAsync($"requests.xml?service_request_id={id}") })
        {
            Assert.Contains("<description>" + Redacted + "</description>", xml);
            Assert.Contains("<address>ул. Проверочная, 80</address>", xml);
            foreach (var personal in new[] { "Айгерим", "765-43-21", "mail.kz", "кв. 16" }) Assert.DoesNotContain(personal, xml);
        }
    }

    [Fact]
    public async Task Exports_AnonymousReadersAreSentToSignIn()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.App.BaseUrl) };
        foreach (var path in new[] { "/appeals/export.csv", "/appeals/export.xlsx?" + Since, "/problems/1/appeals.csv", "/problems/1/appeals.xlsx" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/signin", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task Exports_ASignedInOperator_GetsCsvAndXlsx_WithFormulasPlantedThroughTheApiAsText_AndEachIsAudited()
    {
        var calc = await PostAsync(Calc, "ул. Проверочная, 82");
        var link = await PostAsync(Hyperlink + " " + Personal, "ул. Проверочная, 82, кв. 16");
        var page = await fixture.OpenAsync("/appeals", signedInAs: "operator");

        var csvResponse = await page.APIRequest.GetAsync("/appeals/export.csv?" + Since);
        Assert.Equal(200, csvResponse.Status);
        var csv = await csvResponse.TextAsync();
        Assert.Contains($"\"'{Calc}\"", csv);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\") Меня зовут Айгерим Нурланова", csv);
        // An operator may see the resident's data.
        Assert.Contains("ул. Проверочная, 82, кв. 16", csv);

        var xlsxResponse = await page.APIRequest.GetAsync("/appeals/export.xlsx?" + Since);
        Assert.Equal(200, xlsxResponse.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Headers["content-type"]);
        using var book = new XLWorkbook(new MemoryStream(await xlsxResponse.BodyAsync()));
        var rows = book.Worksheets.First().RowsUsed().Skip(1).ToDictionary(r => r.Cell(1).GetString());
        Assert.Equal(Calc, rows[calc].Cell(17).GetString());
        Assert.StartsWith(Hyperlink, rows[link].Cell(17).GetString());
        Assert.All(book.Worksheets.First().CellsUsed(), c => Assert.False(c.HasFormula));

        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var formats = await conn.QueryAsync<string>("""
            SELECT details->>'format' FROM audit_log
            WHERE actor = 'operator' AND action = 'export.appeals' AND (details->>'rows')::int >= 2 AND details->>'redacted' = 'false'
            """);
        Assert.Contains("csv", formats);
        Assert.Contains("xlsx", formats);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AppealPage_AnAnonymousReaderSeesItRedacted_AnOperatorAsWritten()
    {
        var id = await PostAsync(Personal, "ул. Проверочная, 83, кв. 16");

        var anonymous = await fixture.OpenAsync($"/appeals/{id}");
        var text = anonymous.GetByTestId("appeal-text");
        await Assertions.Expect(text).ToContainTextAsync(Redacted);
        await Assertions.Expect(text).ToContainTextAsync("ул. Проверочная, 83");
        var html = await anonymous.ContentAsync();
        foreach (var personal in new[] { "Айгерим", "765-43-21", "aigerim.n", "кв. 16" }) Assert.DoesNotContain(personal, html);
        await anonymous.Context.CloseAsync();

        var operatorPage = await fixture.OpenAsync($"/appeals/{id}", signedInAs: "operator");
        await Assertions.Expect(operatorPage.GetByTestId("appeal-text")).ToContainTextAsync(Personal);
        await Assertions.Expect(operatorPage.GetByTestId("appeal-text")).ToContainTextAsync("ул. Проверочная, 83, кв. 16");
        await operatorPage.Context.CloseAsync();
    }

    [Fact]
    public async Task Explorer_AnAnonymousSearchByAPhone_IsRefused()
    {
        var page = await fixture.OpenAsync("/appeals?period=all&text=" + Uri.EscapeDataString("8 701 765 43 21"));

        await Assertions.Expect(page.GetByTestId("appeals-search-refused")).ToContainTextAsync("Поиск по телефону");
        await Assertions.Expect(page.Locator("[data-testid=appeals-grid] a.reg")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Wall_ACriticalIncident_ShowsItsBuildingOnly()
    {
        var id = await PostAsync("Застряли в лифте, " + Personal, "ул. Проверочная, 84, кв. 16", ("attribute[people_trapped]", "yes"));

        var page = await fixture.OpenAsync("/wall");
        var incident = page.GetByTestId("critical-incidents").Locator("li", new() { HasText = id });
        await Assertions.Expect(incident).ToContainTextAsync("ул. Проверочная, 84");
        await Assertions.Expect(incident).Not.ToContainTextAsync("кв. 16");
        Assert.DoesNotContain("кв. 16", await page.ContentAsync());
        await page.Context.CloseAsync();
    }
}
