using System.Text.RegularExpressions;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Appeals;

/// <summary>The appeals explorer in a real browser: its first page of real appeals, paging, sorting and filtering on the server, the export.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AppealsPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Page_OpensInRussianWithRealData()
    {
        var appeals = await AppealsPage.OpenAsync(fixture);

        await PageChecks.OpensWholeAsync(appeals, "Обращения");
        // The grid loads its first page once the circuit is up.
        await Assertions.Expect(appeals.RegNumbers).ToHaveCountAsync(25);
        Assert.True(await appeals.TotalAsync() > 100);

        await appeals.ScreenshotsAsync("appeals");
        await appeals.CloseAsync();
    }

    [Fact]
    public async Task AppealsGrid_PagesSortsAndFilters()
    {
        var appeals = await AppealsPage.OpenAsync(fixture);
        var firstReg = appeals.FirstRegNumber;
        var newest = await firstReg.InnerTextAsync();
        var total = await appeals.TotalAsync();

        // Page: the second page starts with another appeal.
        await appeals.GoToPageAsync(2);
        await Assertions.Expect(firstReg).Not.ToHaveTextAsync(newest);

        // Sort: by number ascending gives the smallest registration number of the period first.
        await appeals.SortByAsync("Номер");
        await Assertions.Expect(firstReg).Not.ToHaveTextAsync(newest);
        var ascending = await firstReg.InnerTextAsync();
        Assert.True(string.CompareOrdinal(ascending, newest) < 0, $"{ascending} should sort before {newest}");

        // Filter: one district leaves fewer appeals, all of that district.
        await appeals.FilterAsync("Район", "Есиль");
        // The rows come first, then the count: wait for the filtered rows, then for a counted total that differs.
        await Assertions.Expect(appeals.Districts.First).ToContainTextAsync("Есиль");
        var filtered = await appeals.TotalAsync();
        for (var tries = 0; filtered == total && tries < 60; tries++)
        {
            await appeals.Page.WaitForTimeoutAsync(500);
            filtered = await appeals.TotalAsync();
        }
        Assert.InRange(filtered, 1, total - 1);
        var districts = await appeals.Districts.AllInnerTextsAsync();
        Assert.NotEmpty(districts);
        Assert.All(districts, d => Assert.Contains("Есиль", d));
        await appeals.CloseAsync();
    }

    [Fact]
    public async Task AppealsExport_DownloadsExactlyTheFilteredSet()
    {
        // Exports are for signed-in readers.
        var appeals = await AppealsPage.OpenAsync(fixture, signedInAs: "analyst");
        await appeals.FilterAsync("Район", "Нура");
        await appeals.OverdueOnly.ClickAsync();
        await appeals.OverdueOnly.ClickAsync();
        await Assertions.Expect(appeals.Export).ToHaveAttributeAsync("href", new Regex("district=5"));
        // The grid has reloaded for the filter once its rows are all Nura's; the total is then the filtered one.
        await Assertions.Expect(appeals.Districts.First).ToHaveTextAsync("Нура");
        await appeals.Page.WaitForTimeoutAsync(500);
        var total = await appeals.TotalAsync();

        var href = await appeals.Export.GetAttributeAsync("href");
        var csv = System.Text.Encoding.UTF8.GetString(await (await appeals.Page.APIRequest.GetAsync("/" + href)).BodyAsync());

        var lines = csv.TrimEnd().Split("\r\n");
        Assert.StartsWith("\uFEFFreg_number,created_at,channel,service_code", lines[0]);
        Assert.Equal(total, lines.Length - 1);
        Assert.All(lines.Skip(1).Take(50), l => Assert.Contains(",nura,", l));
        await appeals.CloseAsync();
    }
}
