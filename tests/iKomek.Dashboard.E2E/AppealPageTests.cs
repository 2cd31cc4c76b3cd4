using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E;

/// <summary>The appeal page: reached from the explorer, history shown, an operator's action saved and shown.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AppealPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task NewAppeal_OpenedFromTheExplorer_IsAssignedByAnOperator()
    {
        using var api = new Open311Client(fixture.App.BaseUrl);
        var id = await api.PostAsync(await api.ServiceCodeAsync("water_supply"), "Нет холодной воды во всём подъезде", 51.141, 71.412);
        var page = await fixture.OpenAsync("/appeals", signedInAs: "operator");
        var search = page.GetByRole(AriaRole.Textbox, new() { Name = "Поиск" });
        await search.FillAsync(id);
        await search.PressAsync("Enter");

        await page.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();

        var shell = new Shell(page);
        await Assertions.Expect(shell.Heading).ToHaveTextAsync(id);
        await Assertions.Expect(page.GetByTestId("appeal-history").Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("appeal-map").Locator(".main-svg").First).ToBeVisibleAsync();

        // Without an organisation the action is refused with a precise message, and nothing changes.
        await page.GetByTestId("action-Assign").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-message")).ToContainTextAsync("Choose the organisation");
        await Assertions.Expect(page.GetByTestId("appeal-history").Locator("li")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Организация" }).ClickAsync();
        await page.GetByRole(AriaRole.Option).First.ClickAsync();
        await page.GetByTestId("action-Assign").ClickAsync();

        await Assertions.Expect(page.GetByTestId("appeal-history").Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".page-head .status-badge")).ToHaveTextAsync("Назначено", new() { IgnoreCase = true });
        await DashboardFixture.ScreenshotAsync(page, "appeal-1920x1080");
        await page.Context.CloseAsync();
    }
}
