using System.Text.RegularExpressions;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Infrastructure;

/// <summary>What every page of the app must be, whatever its feature.</summary>
public static partial class PageChecks
{
    /// <summary>Opened whole in Russian: its heading, the Astana clock ticking, no unknown text key and no raw error.</summary>
    public static async Task OpensWholeAsync(AppPage page, string heading)
    {
        await Assertions.Expect(page.Heading).ToHaveTextAsync(heading);
        await Assertions.Expect(page.Shell.Clock).ToHaveTextAsync(ClockTime());
        await NoUnknownTextKeyAsync(page);
        Assert.DoesNotContain("Произошла ошибка", await page.Body.InnerTextAsync());
    }

    /// <summary>No text key shown in place of its text ("[live.title]": a key missing from every *Texts.cs).</summary>
    public static async Task NoUnknownTextKeyAsync(AppPage page) =>
        Assert.DoesNotMatch(UnknownTextKey(), await page.Body.InnerTextAsync());

    [GeneratedRegex(@"^\d\d:\d\d:\d\d$")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\[[a-z]+\.[A-Za-z.]+\]")]
    private static partial Regex UnknownTextKey();
}
