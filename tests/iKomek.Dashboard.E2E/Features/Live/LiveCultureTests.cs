using System.Globalization;
using System.Text.RegularExpressions;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Live;

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
        var live = await LivePage.GotoInAsync(await fixture.NewPageAsync(), language);
        await Assertions.Expect(live.Heading).ToHaveTextAsync(Text("live.title", language));
        var before = await live.StatAsync("live-today");
        using var api = new Open311Client(fixture.App.BaseUrl);

        await api.PostAsync(await api.ServiceCodeAsync(), "Не горит фонарь во дворе", 51.16, 71.44);

        // The change feed brings it: no reload, no click.
        await live.WaitForTodayAboveAsync(before);
        await Assertions.Expect(live.Updated).ToHaveTextAsync(new Regex("^" + Regex.Escape(Text("common.updatedAt", language).Split(' ')[0]) + " "));
        await Assertions.Expect(live.Heading).ToHaveTextAsync(Text("live.title", language));
        await Assertions.Expect(live.StatTile(Text("live.today", language))).ToBeVisibleAsync();
        await Assertions.Expect(live.Text(Text("live.hourly", language)).First).ToBeVisibleAsync();
        await Assertions.Expect(live.HourlyChart).ToHaveAttributeAsync("aria-label", Text("live.hourly", language));

        var stats = await live.Stats.InnerTextAsync();
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
        await Assertions.Expect(live.Shell.ClockDate).ToHaveTextAsync(now.ToString("d MMMM, ddd", new CultureInfo(language)));
        await live.ScreenshotAsync($"live-after-update-{language}-1920x1080");
        await live.CloseAsync();
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
