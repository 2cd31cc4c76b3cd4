using System.Globalization;
using System.Text;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E;

/// <summary>The CSV import page: reached from the explorer, a file uploaded, progress, summary, rejected rows, a re-import.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ImportPageTests(DashboardFixture fixture)
{
    private const int ValidRows = 20_000;

    [Fact]
    public async Task Upload_Open311Export_ShowsProgressSummaryAndRejectedRows_AndAReimportAddsNothing()
    {
        using var api = new Open311Client(fixture.App.BaseUrl);
        var file = new FilePayload { Name = "city-311.csv", MimeType = "text/csv", Buffer = await Open311FileAsync(api) };
        var page = await fixture.OpenAsync("/appeals", signedInAs: "admin");
        await page.GetByTestId("appeals-import").ClickAsync();
        await Assertions.Expect(new Shell(page).Heading).ToHaveTextAsync("Импорт обращений из CSV");
        await DashboardFixture.WaitForCircuitAsync(page);

        await page.GetByText("Выгрузка Open311 / 311").ClickAsync();
        await ChooseFileAsync(page, file);
        await page.GetByTestId("import-start").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-summary")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var shell = new Shell(page);
        Assert.Equal((ValidRows + 3L, ValidRows, 0L, 3L), (await shell.StatAsync("import-read"), await shell.StatAsync("import-inserted"),
            await shell.StatAsync("import-skipped"), await shell.StatAsync("import-rejected")));
        var report = page.GetByTestId("import-report");
        await Assertions.Expect(report.Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(report).ToContainTextAsync("неизвестный вид услуги или сфера «no_such.service»");
        await Assertions.Expect(report).ToContainTextAsync("«вчера» — не дата в формате ISO 8601");
        await Assertions.Expect(report).ToContainTextAsync("указана только одна из координат");
        await Assertions.Expect(page.GetByTestId("import-runs")).ToContainTextAsync("city-311.csv");
        await DashboardFixture.ScreenshotAsync(page, "import-1920x1080");
        await page.Context.CloseAsync();

        // The same file again, on a laptop screen: everything is already there.
        var laptop = await fixture.OpenAsync("/appeals/import", 1366, 768, signedInAs: "admin");
        await laptop.GetByText("Выгрузка Open311 / 311").ClickAsync();
        await ChooseFileAsync(laptop, file);
        await laptop.GetByTestId("import-start").ClickAsync();
        await Assertions.Expect(laptop.GetByTestId("import-summary")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var again = new Shell(laptop);
        Assert.Equal((0L, (long)ValidRows), (await again.StatAsync("import-inserted"), await again.StatAsync("import-skipped")));
        await DashboardFixture.ScreenshotAsync(laptop, "import-1366x768");
        await laptop.Context.CloseAsync();
    }

    [Fact]
    public async Task Upload_FileWithoutThePresetsColumns_SaysSoInOneMessage()
    {
        var page = await fixture.OpenAsync("/admin", signedInAs: "admin");
        await Assertions.Expect(page.GetByTestId("admin-users")).ToContainTextAsync("admin");
        await page.GetByTestId("admin-import").ClickAsync();
        await DashboardFixture.WaitForCircuitAsync(page);
        await ChooseFileAsync(page, new FilePayload
        {
            Name = "wrong.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("номер;текст\n1;привет\n"),
        });
        await page.GetByTestId("import-start").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-error")).ToContainTextAsync("В заголовке нет столбцов формата «ours»");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Chooses the file and waits until the page names it. The file input binds its change event once the page's first
    /// render has reached the browser; a file set in the instant before that is lost, so it is set again.
    /// </summary>
    private static async Task ChooseFileAsync(IPage page, FilePayload file)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId("import-file").SetInputFilesAsync(file);
            try
            {
                await Assertions.Expect(page.GetByTestId("import-file-name")).ToContainTextAsync(file.Name, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>A 311-style export with our service codes: <see cref="ValidRows"/> good rows and three bad ones (rows 4, 9, 14).</summary>
    private static async Task<byte[]> Open311FileAsync(Open311Client api)
    {
        var code = await api.ServiceCodeAsync("roads_sidewalks");
        var csv = new StringBuilder("service_request_id,requested_datetime,updated_datetime,status,service_code,description,lat,long\n");
        var start = new DateTime(2025, 1, 6, 4, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= ValidRows + 3; i++)
        {
            var created = start.AddMinutes(i * 7);
            var (service, when, lat, lon) = i switch
            {
                3 => ("no_such.service", created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "51.15", "71.43"),
                8 => (code, "вчера", "51.15", "71.43"),
                13 => (code, created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "51.15", ""),
                _ => (code, created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                      (51.10 + i % 100 * 0.001).ToString(CultureInfo.InvariantCulture), (71.40 + i % 70 * 0.001).ToString(CultureInfo.InvariantCulture)),
            };
            var closed = i % 3 == 0;
            csv.Append(CultureInfo.InvariantCulture, $"E2E-{i},{when},{(closed ? created.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "")},")
               .Append(closed ? "closed" : "open").Append(',').Append(service)
               .Append(CultureInfo.InvariantCulture, $",\"Яма на дороге, участок {i}\",{lat},{lon}\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
