using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Administration;

/// <summary>The administration page in a real browser: the database's size and its migrations.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AdministrationPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Page_OpensInRussianWithRealData()
    {
        // The administration is for administrators only.
        var admin = await AdministrationPage.OpenAsync(fixture, signedInAs: "admin");

        await PageChecks.OpensWholeAsync(admin, "Администрирование");
        Assert.True(await admin.SizeAsync() > 0);
        await Assertions.Expect(admin.Migration("0001_reference_data.sql")).ToBeVisibleAsync();

        await admin.ScreenshotsAsync("admin");
        await admin.CloseAsync();
    }
}
