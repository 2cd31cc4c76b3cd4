using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of a person's alert subscriptions (/me/alerts).</summary>
public sealed class MyAlertsPage(IPage page) : AppPage(page)
{
    public const string Path = "/me/alerts";

    public static Task<MyAlertsPage> OpenAsync(DashboardFixture fixture, string signedInAs, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new MyAlertsPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Page.GetByTestId("sub-save");

    public ILocator Subscriptions => Page.GetByTestId("subscription");

    public Task AddAsync() => Page.GetByTestId("sub-add").ClickAsync();

    public Task SaveAsync() => Page.GetByTestId("sub-save").ClickAsync();

    /// <summary>Switches a subscription (0-based) on or off by its label.</summary>
    public Task ToggleEnabledAsync(int subscription) => Subscriptions.Nth(subscription).GetByText("Включена", new() { Exact = true }).ClickAsync();
}

/// <summary>Page object of the office's alerts log (/alerts).</summary>
public sealed class AlertsLogPage(IPage page) : AppPage(page)
{
    public const string Path = "/alerts";

    public static Task<AlertsLogPage> OpenAsync(DashboardFixture fixture, string signedInAs, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new AlertsLogPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Page.GetByTestId("log-refresh");

    /// <summary>An alert's row.</summary>
    public ILocator Row(long alertId) => Page.Locator("tr", new() { Has = Page.Locator($"[data-alert='{alertId}']") });

    public ILocator Deliveries => Page.GetByTestId("delivery-row");
}
