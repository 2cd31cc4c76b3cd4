using System.Text;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.CitySystems;

/// <summary>A city system's CSV import in the browser: the administrator uploads, sees the summary and the refused rows;
/// a reader without the right sees the sign-in hint instead of the form.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SystemsImportPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AnAdministrator_ImportsManholeReadings_SeesTheSummaryAndTheRefusedRow_AndAgainOnlyDuplicates()
    {
        var csv = """
            source_id;observed_at;lat;lon;state;tilt_deg
            E2E-MH-1;2026-03-31T09:00:00+05:00;51.16;71.47;closed;1,5
            E2E-MH-2;2026-03-31T09:00:00+05:00;51.16;71.47;open;40
            E2E-MH-3;2026-03-31T09:00:00+05:00;43.24;76.89;closed;0
            """;
        var file = new FilePayload { Name = "manholes.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) };

        var page = await SystemsImportPage.OpenAsync(fixture, "manholes", signedInAs: "admin");
        await Assertions.Expect(page.Heading).ToContainTextAsync("Импорт данных городской системы");
        await Assertions.Expect(page.Columns).ToContainTextAsync("source_id;observed_at;lat;lon;network;state;tilt_deg;battery_pct");
        await page.ChooseFileAsync(file);
        await page.Start.ClickAsync();

        await Assertions.Expect(page.Summary).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal((3L, 2L, 0L, 1L), await page.CountsAsync());
        await Assertions.Expect(page.ReportRows).ToHaveCountAsync(1);
        await Assertions.Expect(page.Report).ToContainTextAsync("точка вне города");

        await page.Page.Context.CloseAsync();

        // The same file again: everything is already there.
        var again = await SystemsImportPage.OpenAsync(fixture, "manholes", signedInAs: "admin");
        await again.ChooseFileAsync(file);
        await again.Start.ClickAsync();
        await Assertions.Expect(again.Summary).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal((3L, 0L, 2L, 1L), await again.CountsAsync());
        await again.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task AReaderWithoutTheRight_SeesTheSignInHint_NotTheForm()
    {
        var page = await SystemsImportPage.OpenAsync(fixture, "fuel", signedInAs: "analyst");

        await Assertions.Expect(page.AccessHint).ToBeVisibleAsync();
        await Assertions.Expect(page.Start).ToHaveCountAsync(0);
        await page.Page.Context.CloseAsync();
    }
}
