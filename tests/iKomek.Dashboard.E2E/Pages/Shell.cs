using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of what every page shares: heading, navigation, language switch, clock, the signed-in reader.</summary>
public sealed class Shell(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Clock => Page.Locator(".clock-time");

    /// <summary>The clock's date: day, month and weekday in the reader's language.</summary>
    public ILocator ClockDate => Page.Locator(".clock-date");

    /// <summary>The navigation column (hidden on the wall).</summary>
    public ILocator Sidebar => Page.Locator(".city-sidebar");

    /// <summary>The top bar's corner of a signed-in reader (absent for an anonymous one).</summary>
    public ILocator UserMenu => Page.GetByTestId("user-menu");

    public ILocator UserName => Page.GetByTestId("user-name");

    public ILocator UserRole => Page.GetByTestId("user-role");

    public ILocator SignOutButton => Page.GetByTestId("sign-out");

    public ILocator SignInLink => Page.GetByTestId("sign-in-link");

    public ILocator NavLink(string name) => Page.Locator(".city-sidebar").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator Language(string label) => Page.GetByRole(AriaRole.Navigation, new() { Name = "Язык" })
        .Or(Page.GetByRole(AriaRole.Navigation, new() { Name = "Тіл" }))
        .Or(Page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }))
        .GetByRole(AriaRole.Link, new() { Name = label, Exact = true });

    /// <summary>Switches the language (a full reload through /culture) and waits for the circuit again.</summary>
    public async Task SwitchLanguageAsync(string label)
    {
        await Language(label).ClickAsync();
        await DashboardFixture.WaitForCircuitAsync(Page);
    }

    /// <summary>Signs out (a form post that comes back to the same page) and waits for the circuit again.</summary>
    public async Task SignOutAsync()
    {
        await SignOutButton.ClickAsync();
        await DashboardFixture.WaitForCircuitAsync(Page);
    }

    /// <summary>
    /// A choice of a MudSelect: opened through its combobox, an option picked by name, done once the select shows it.
    /// On a loaded machine the popover can still be moving into place when the option is clicked, and the click then
    /// closes it without a choice: the choice is made again then, up to three times.
    /// </summary>
    public async Task ChooseAsync(string filter, string option)
    {
        var select = Page.GetByRole(AriaRole.Combobox, new() { Name = filter, Exact = true });
        for (var attempt = 1; ; attempt++)
        {
            await select.ClickAsync();
            await Page.GetByRole(AriaRole.Option, new() { Name = option }).First.ClickAsync();
            try
            {
                await Eventually.UntilAsync(async () => (await ShownAsync(select)).Contains(option, StringComparison.Ordinal), seconds: 5);
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await Page.Keyboard.PressAsync("Escape");
            }
        }
    }

    /// <summary>What a MudSelect shows as chosen: its text and its inputs' values (none while it is re-rendered).</summary>
    private static async Task<string> ShownAsync(ILocator select)
    {
        try
        {
            return await select.EvaluateAsync<string>("""
                e => { const root = e.closest('.mud-select') ?? e;
                       return root.textContent + ' ' + [...root.querySelectorAll('input')].map(i => i.value).join(' '); }
                """, null, new() { Timeout = 1000 });
        }
        catch (Exception e) when (e is TimeoutException or PlaywrightException)
        {
            return "";
        }
    }

    /// <summary>A headline number by its test id, parsed from ru-KZ formatting ("1 234" with a no-break space).</summary>
    public async Task<long> StatAsync(string testId)
    {
        // A number still being counted (the explorer's total follows its rows) is read once it is there.
        await Assertions.Expect(Page.Locator($"[data-testid={testId}]:not([data-counting=true])")).ToBeVisibleAsync();
        var text = await Page.GetByTestId(testId).InnerTextAsync();
        var digits = new string(text.Where(char.IsDigit).ToArray());
        return long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }
}
