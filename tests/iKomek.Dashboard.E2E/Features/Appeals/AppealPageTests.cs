using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Appeals;

/// <summary>The appeal page: reached from the explorer, history shown, an operator's action saved and shown.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AppealPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task NewAppeal_OpenedFromTheExplorer_IsAssignedByAnOperator()
    {
        using var api = new Open311Client(fixture.App.BaseUrl);
        var id = await api.PostAsync(await api.ServiceCodeAsync("water_supply"), "Нет холодной воды во всём подъезде", 51.141, 71.412);
        var appeals = await AppealsPage.OpenAsync(fixture, signedInAs: "operator");
        await appeals.SearchAsync(id);

        var appeal = await appeals.OpenAppealAsync(id);

        await Assertions.Expect(appeal.Heading).ToHaveTextAsync(id);
        await Assertions.Expect(appeal.HistoryEntries).ToHaveCountAsync(1);
        await Assertions.Expect(AppPage.Drawing(appeal.Map)).ToBeVisibleAsync();

        // Without an organisation the action is refused with a precise message, and nothing changes.
        await appeal.ActAsync("Assign");
        await Assertions.Expect(appeal.ActionMessage).ToContainTextAsync("Choose the organisation");
        await Assertions.Expect(appeal.HistoryEntries).ToHaveCountAsync(1);

        await appeal.ChooseFirstOrganisationAsync();
        await appeal.ActAsync("Assign");

        await Assertions.Expect(appeal.HistoryEntries).ToHaveCountAsync(2);
        await Assertions.Expect(appeal.Status).ToHaveTextAsync("Назначено", new() { IgnoreCase = true });
        await appeal.ScreenshotAsync("appeal-1920x1080");
        await appeal.CloseAsync();
    }
}
