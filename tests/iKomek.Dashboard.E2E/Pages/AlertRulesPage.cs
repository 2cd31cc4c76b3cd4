using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the city systems' alert rules (/admin/systems/rules): the rules by system and one rule's form.</summary>
public sealed class AlertRulesPage(IPage page) : AppPage(page)
{
    public const string Path = "/admin/systems/rules";

    public static Task<AlertRulesPage> OpenAsync(DashboardFixture fixture, string? signedInAs = null, int width = 1920, int height = 1080) =>
        OpenAsync(fixture, Path, p => new AlertRulesPage(p), signedInAs, width, height);

    protected override ILocator ReadyMarker => Page.GetByTestId("rules-grid");

    /// <summary>A rule's row by its code.</summary>
    public ILocator Row(string code) => Page.Locator("tr", new() { Has = Page.Locator($"[data-testid=rule-row][data-rule='{code}']") });

    public ILocator Form => Page.GetByTestId("rule-form");

    public ILocator Errors => Page.GetByTestId("rule-errors");

    /// <summary>A clause's threshold (1-based).</summary>
    public ILocator Threshold(int clause) => Form.Locator($"input[data-testid=rule-value-{clause}]");

    public ILocator Confirm => Form.Locator("input[data-testid=rule-confirm]");

    public async Task EditAsync(string code)
    {
        await Row(code).GetByTestId("rule-edit").ClickAsync();
        await Form.WaitForAsync();
    }

    public Task SaveAsync() => Form.GetByTestId("rule-save").ClickAsync();
}
