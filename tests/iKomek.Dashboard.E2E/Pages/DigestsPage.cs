using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of a person's digests (/me/digests): each digest on or off, the address, the language, "send now".</summary>
public sealed class DigestsPage(IPage page) : AppPage(page)
{
    public const string Path = "/me/digests";

    public static Task<DigestsPage> OpenAsync(DashboardFixture fixture, string signedInAs, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new DigestsPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" });

    /// <summary>A digest's switch by its label's start ("Утренний дайджест").</summary>
    public ILocator Switch(string label) => Page.GetByRole(AriaRole.Switch, new() { Name = label }).Or(Page.GetByRole(AriaRole.Checkbox, new() { Name = label }));

    public ILocator SendNow(string kind) => Page.GetByTestId($"digest-send-{kind}");

    public ILocator Message => Page.GetByTestId("digests-message");

    public Task SaveAsync() => ReadyMarker.ClickAsync();
}
