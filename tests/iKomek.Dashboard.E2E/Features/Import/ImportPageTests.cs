using System.Globalization;
using System.Text;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Import;

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
        var appeals = await AppealsPage.OpenAsync(fixture, signedInAs: "admin");
        var import = await appeals.OpenImportAsync();
        await Assertions.Expect(import.Heading).ToHaveTextAsync("Импорт обращений из CSV");

        await import.ChoosePresetAsync("Выгрузка Open311 / 311");
        await import.ChooseFileAsync(file);
        await import.StartAsync();

        await Assertions.Expect(import.Progress).ToBeVisibleAsync();
        await Assertions.Expect(import.Summary).ToBeVisibleAsync(new() { Timeout = 120_000 });
        Assert.Equal((ValidRows + 3L, ValidRows, 0L, 3L), await import.CountsAsync());
        await Assertions.Expect(import.ReportRows).ToHaveCountAsync(3);
        await Assertions.Expect(import.Report).ToContainTextAsync("неизвестный вид услуги или сфера «no_such.service»");
        await Assertions.Expect(import.Report).ToContainTextAsync("«вчера» — не дата в формате ISO 8601");
        await Assertions.Expect(import.Report).ToContainTextAsync("указана только одна из координат");
        await Assertions.Expect(import.Runs).ToContainTextAsync("city-311.csv");
        await import.ScreenshotAsync("import-1920x1080");
        await import.CloseAsync();

        // The same file again, on a laptop screen: everything is already there.
        var laptop = await ImportPage.OpenAsync(fixture, signedInAs: "admin", width: 1366, height: 768);
        await laptop.ChoosePresetAsync("Выгрузка Open311 / 311");
        await laptop.ChooseFileAsync(file);
        await laptop.StartAsync();
        await Assertions.Expect(laptop.Summary).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var again = await laptop.CountsAsync();
        Assert.Equal((0L, (long)ValidRows), (again.Inserted, again.Skipped));
        await laptop.ScreenshotAsync("import-1366x768");
        await laptop.CloseAsync();
    }

    [Fact]
    public async Task Upload_FileWithoutThePresetsColumns_SaysSoInOneMessage()
    {
        var admin = await AdministrationPage.OpenAsync(fixture, signedInAs: "admin");
        await Assertions.Expect(admin.Users).ToContainTextAsync("admin");
        var import = await admin.OpenImportAsync();
        await import.ChooseFileAsync(new FilePayload
        {
            Name = "wrong.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("номер;текст\n1;привет\n"),
        });
        await import.StartAsync();

        await Assertions.Expect(import.Error).ToContainTextAsync("В заголовке нет столбцов формата «ours»");
        await import.CloseAsync();
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
