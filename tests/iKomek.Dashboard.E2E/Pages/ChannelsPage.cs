using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of a person's alert channels (/me/channels): push devices, Telegram chats, e-mail addresses.</summary>
public sealed class ChannelsPage(IPage page) : AppPage(page)
{
    public const string Path = "/me/channels";

    public static Task<ChannelsPage> OpenAsync(DashboardFixture fixture, string signedInAs, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new ChannelsPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Page.GetByTestId("channels-email");

    public ILocator Push => Page.GetByTestId("channels-push");
    public ILocator Telegram => Page.GetByTestId("channels-telegram");
    public ILocator Email => Page.GetByTestId("channels-email");

    public ILocator PushButton => Page.GetByTestId("push-enable");
    public ILocator PushMessage => Page.GetByTestId("push-message");
    public ILocator EmailInput => Email.Locator("input[data-testid=email-input]");
    public ILocator Endpoints(ILocator section) => section.GetByTestId("endpoint");

    public async Task AddEmailAsync(string address)
    {
        await EmailInput.FillAsync(address);
        await Email.GetByTestId("email-add").ClickAsync();
    }

    /// <summary>The script URL of the page's service worker, or null when none is registered.</summary>
    public Task<string?> ServiceWorkerAsync() => Page.EvaluateAsync<string?>("""
        async () => {
            const r = await navigator.serviceWorker.getRegistration('/');
            const w = r && (r.active || r.waiting || r.installing);
            return w ? w.scriptURL : null;
        }
        """);
}
