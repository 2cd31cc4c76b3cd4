using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Components;

/// <summary>The error page an unhandled failure leads to: one sentence in the reader's language, nothing of the failure.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ErrorPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task ErrorPage_SaysSoInOneSentence_InTheReadersLanguage()
    {
        var error = await ErrorPage.OpenAsync(fixture);

        await Assertions.Expect(error.Message).ToHaveTextAsync("Произошла ошибка. Обновите страницу.");
        await Assertions.Expect(error.Body).Not.ToContainTextAsync("Exception");
        await PageChecks.NoUnknownTextKeyAsync(error);

        await error.Shell.SwitchLanguageAsync("ENG");
        await Assertions.Expect(error.Message).ToHaveTextAsync("An error occurred. Reload the page.");
        await error.CloseAsync();
    }
}
