using System.Text.RegularExpressions;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Components.Layout;

/// <summary>The language switch of the layout: the whole interface changes, and the choice stays from page to page.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LanguageSwitchTests(DashboardFixture fixture)
{
    [Fact]
    public async Task LanguageSwitch_ChangesTheWholeInterfaceAndStays()
    {
        var ratings = await RatingsPage.OpenAsync(fixture);
        var shell = ratings.Shell;
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Рейтинг руководителей");

        await shell.SwitchLanguageAsync("ҚАЗ");
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Басшылар рейтингі");
        await Assertions.Expect(shell.NavLink("Өтініштер")).ToBeVisibleAsync();

        await shell.SwitchLanguageAsync("ENG");
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Managers' rating");
        await ratings.ScreenshotAsync("ratings-en-1920x1080");

        // The choice is kept for the next page.
        await shell.NavLink("Appeals").ClickAsync();
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Appeals");
        // The switch follows the navigation (a re-render after the location changed): it returns to this page.
        await Assertions.Expect(shell.Language("РУС")).ToHaveAttributeAsync("href", new Regex("redirect=%2Fappeals"));

        await shell.SwitchLanguageAsync("РУС");
        await Assertions.Expect(shell.Heading).ToHaveTextAsync("Обращения");
        await ratings.CloseAsync();
    }
}
