using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>Page object of the sign-in page (/account/signin), in Russian.</summary>
public sealed class SignInForm(IPage page)
{
    public ILocator Login => page.GetByLabel("Логин", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Пароль", new() { Exact = true });

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Войти", Exact = true });

    /// <summary>The refusal's words (the alert without its icon).</summary>
    public ILocator Error => page.GetByRole(AriaRole.Alert).Locator(".message");

    public async Task SignInAsync(string login, string password)
    {
        await Login.FillAsync(login);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }
}
