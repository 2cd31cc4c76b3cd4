using System.Globalization;
using System.Text.RegularExpressions;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E;

/// <summary>
/// A live update keeps the reader's language and the ru-KZ number format: it is rendered on the change feed's
/// thread, which has neither (the bug: Russian labels and "3,125", "84.4 %" after the first update).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class LiveCultureTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    [InlineData("en")]
    public async Task LivePanel_AfterALiveUpdate_KeepsTheLanguageAndRuKzNumbers(string language)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"culture?ui={language}&redirect=/");
        await DashboardFixture.WaitForCircuitAsync(page);
        var shell = new Shell(page);
        await Assertions.Expect(shell.Heading).ToHaveTextAsync(Text("live.title", language));
        var updated = page.GetByTestId("live-updated");
        var before = await shell.StatAsync("live-today");
        using var api = new Open311Client(fixture.App.BaseUrl);

        await api.PostAsync(await api.ServiceCodeAsync(), "Не горит фонарь во дворе", 51.16, 71.44);

        // The change feed brings it: no reload, no click.
        await page.WaitForFunctionAsync(
            "before => Number(document.querySelector('[data-testid=live-today]').innerText.replace(/\\D/g, '')) > before", before);
        await Assertions.Expect(updated).ToHaveTextAsync(new Regex("^" + Regex.Escape(Text("common.updatedAt", language).Split(' ')[0]) + " "));
        await Assertions.Expect(shell.Heading).ToHaveTextAsync(Text("live.title", language));
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = Text("live.today", language), Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(Text("live.hourly", language), new() { Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("hourly-chart")).ToHaveAttributeAsync("aria-label", Text("live.hourly", language));

        var stats = await page.Locator(".stats").InnerTextAsync();
        // A decimal comma (the overdue share is always there, "0,0 %" at least) and never an invariant number.
        Assert.Matches(DecimalComma(), stats);
        Assert.DoesNotMatch(InvariantDecimal(), stats);
        Assert.DoesNotMatch(InvariantThousands(), stats);
        Assert.DoesNotMatch(UngroupedThousands(), stats);
        var typical = Text("live.typical", language).Split('{')[0].Trim();
        Assert.Contains(typical, stats, StringComparison.Ordinal);
        // Thousands in the tiles, when there are any, are grouped with a no-break space.
        foreach (var number in NumberWithThousands().Matches(stats).Select(m => m.Value)) Assert.Contains('\u00a0', number);

        // The clock ticks on a timer thread: its month and weekday stay in the reader's language.
        var now = TimeZoneInfo.ConvertTime(DashboardFixture.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty"));
        await Assertions.Expect(page.Locator(".clock-date")).ToHaveTextAsync(now.ToString("d MMMM, ddd", new CultureInfo(language)));
        await DashboardFixture.ScreenshotAsync(page, $"live-after-update-{language}-1920x1080");
        await page.Context.CloseAsync();
    }

    private static string Text(string key, string language)
    {
        var text = Texts.Get(key);
        return language switch { "kk" => text.Kk, "en" => text.En, _ => text.Ru };
    }

    [GeneratedRegex(@"\d,\d")]
    private static partial Regex DecimalComma();

    [GeneratedRegex(@"\d\.\d")]
    private static partial Regex InvariantDecimal();

    [GeneratedRegex(@"\d,\d{3}(?!\d)")]
    private static partial Regex InvariantThousands();

    [GeneratedRegex(@"\d{4,}")]
    private static partial Regex UngroupedThousands();

    [GeneratedRegex(@"\d{1,3}(?:[\u00a0 ]\d{3})+")]
    private static partial Regex NumberWithThousands();
}
