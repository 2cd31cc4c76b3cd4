using IKomek.Dashboard.E2E.Infrastructure;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Pages;

/// <summary>
/// Page object of the sign-in page (/account/signin), in Russian. A static page (signing in sets a cookie, which takes
/// a real HTTP request): it is ready when its form is there, with no circuit to wait for.
/// </summary>
public sealed class SignInForm(IPage page)
{
    public const string Path = "/account/signin";

    public IPage Page { get; } = page;

    public Shell Shell { get; } = new(page);

    public ILocator Login => Page.GetByLabel("Логин", new() { Exact = true });

    public ILocator Password => Page.GetByLabel("Пароль", new() { Exact = true });

    public ILocator Submit => Page.GetByRole(AriaRole.Button, new() { Name = "Войти", Exact = true });

    /// <summary>The refusal's words (the alert without its icon).</summary>
    public ILocator Error => Page.GetByRole(AriaRole.Alert).Locator(".message");

    /// <summary>A field's own complaint (an empty login or password).</summary>
    public ILocator FieldError(string text) => Page.GetByText(text);

    /// <summary>Back to the page the reader came from, without signing in.</summary>
    public ILocator ContinueWithoutSignIn => Page.GetByRole(AriaRole.Link, new() { Name = "Продолжить без входа" });

    /// <summary>Opens the sign-in page in this browser page, with the page to return to when given.</summary>
    public static async Task<SignInForm> GotoAsync(IPage browserPage, string? returnUrl = null)
    {
        await browserPage.GotoAsync(returnUrl is null ? Path : Path + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var form = new SignInForm(browserPage);
        await form.WaitForReadyAsync();
        return form;
    }

    public Task WaitForReadyAsync() => Submit.WaitForAsync();

    public async Task SignInAsync(string login, string password)
    {
        await Login.FillAsync(login);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }

    /// <summary>Signs in and waits until the app has brought the reader back to <paramref name="path"/>, live.</summary>
    public async Task SignInAndReturnAsync(string login, string password, string path)
    {
        await SignInAsync(login, password);
        // The address is what counts; the page's readiness is the circuit's, not the load event's (which waits for
        // every script and can take long on a busy machine).
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path, new() { WaitUntil = WaitUntilState.Commit });
        await DashboardFixture.WaitForCircuitAsync(Page);
    }

    public Task ScreenshotAsync(string name) => DashboardFixture.ScreenshotAsync(Page, name);
}
