using System.Globalization;
using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the review queue (/classification/review): the appeals the model was unsure of, confirmed or corrected.</summary>
public sealed class ReviewPage(IPage page) : AppPage(page)
{
    public const string Path = "/classification/review";

    public static Task<ReviewPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new ReviewPage(p), signedInAs, width, height);

    public static Task<ReviewPage> GotoAsync(IPage page) => GotoAsync(page, Path, p => new ReviewPage(p));

    /// <summary>The queue in a page already on it.</summary>
    public static Task<ReviewPage> ReadyOnAsync(IPage page) => ReadyAsync(new ReviewPage(page));

    protected override ILocator ReadyMarker => Count;

    /// <summary>How many appeals wait for review.</summary>
    public ILocator Count => Page.GetByTestId("review-count");

    public Task<long> CountAsync() => StatAsync("review-count");

    /// <summary>The count as the page writes it (ru-KZ: "1 234").</summary>
    public static string Written(long count) => count.ToString("N0", new CultureInfo("ru-KZ"));

    public ILocator Items => Page.GetByTestId("review-item");

    /// <summary>The queue's appeals numbered <paramref name="regNumber"/> (none once it has left the queue).</summary>
    public ILocator Item(string regNumber) => Items.Locator(".reg").Filter(new() { HasText = regNumber });

    public static Task<string> RegNumberAsync(ILocator item) => item.Locator(".reg").InnerTextAsync();

    /// <summary>Confirms the type the appeal has: one click.</summary>
    public static Task ConfirmAsync(ILocator item) => item.GetByTestId("review-confirm").ClickAsync();

    /// <summary>Corrects the type: a few letters of the new one in the autocomplete, then its option.</summary>
    public async Task CorrectAsync(ILocator item, string letters, string type)
    {
        await item.GetByRole(AriaRole.Combobox).FillAsync(letters);
        await Page.GetByRole(AriaRole.Option).Filter(new() { HasText = type }).First.ClickAsync();
    }
}
