using System.Diagnostics;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E;

/// <summary>Sign-in and roles in a real browser: who sees which buttons, the top bar, refusals, disabled accounts.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccountsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task SignInPage_WrongPasswordAndUnknownLogin_GetOneGenericError_EmptyFieldsSaySo()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/signin?returnUrl=%2Fkpis");
        var form = new SignInForm(page);
        await Assertions.Expect(new Shell(page).Heading).ToHaveTextAsync("Вход в панель");
        await DashboardFixture.ScreenshotAsync(page, "signin-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);
        await page.WaitForTimeoutAsync(300);
        await DashboardFixture.ScreenshotAsync(page, "signin-1366x768");

        await form.Submit.ClickAsync();
        await Assertions.Expect(page.GetByText("Введите логин")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Введите пароль")).ToBeVisibleAsync();

        await form.SignInAsync("admin", "not-the-password");
        await Assertions.Expect(form.Error).ToHaveTextAsync("Неверный логин или пароль");
        // The login stays typed, the password is never sent back into the page.
        await Assertions.Expect(form.Login).ToHaveValueAsync("admin");
        await Assertions.Expect(form.Password).ToHaveValueAsync("");
        await DashboardFixture.ScreenshotAsync(page, "signin-error-1366x768");

        await form.SignInAsync("nobody-at-all", "not-the-password");
        await Assertions.Expect(form.Error).ToHaveTextAsync("Неверный логин или пароль");
        Assert.EndsWith("/account/signin?returnUrl=%2Fkpis", page.Url);
        await Assertions.Expect(page.GetByTestId("sign-in-link")).ToBeVisibleAsync();

        // Looking needs no account: from the (static) sign-in page back to the page it came from, live again.
        await page.GetByRole(AriaRole.Link, new() { Name = "Продолжить без входа" }).ClickAsync();
        await DashboardFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(new Shell(page).Heading).ToHaveTextAsync("KPI акимата");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task JobsPage_AnonymousAndAnalystAreSentToSignIn_AdminSignsIn_AndSignsOut()
    {
        // The administration is for administrators: the server sends anyone else to sign in, and back after.
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/admin/jobs");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin");
        await Assertions.Expect(page.GetByTestId("jobs-table")).ToHaveCountAsync(0);
        await Assertions.Expect(new Shell(page).Heading).ToHaveTextAsync("Вход в панель");
        await new SignInForm(page).SignInAsync("admin", "demo-admin-109");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/jobs");
        await DashboardFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("run-sla-sweep")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("access-hint")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Администратор системы");
        await Assertions.Expect(page.GetByTestId("user-role")).ToHaveTextAsync("Администратор");
        await DashboardFixture.ScreenshotAsync(page, "signed-in-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);
        await page.WaitForTimeoutAsync(300);
        await DashboardFixture.ScreenshotAsync(page, "signed-in-1366x768");

        // Signed out, the jobs page sends the reader to sign in again.
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin");
        await Assertions.Expect(page.GetByTestId("jobs-table")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        // An analyst is signed in, and still may not: the sign-in page says who is signed in.
        var analyst = await fixture.OpenAsync("/", signedInAs: "analyst");
        await Assertions.Expect(analyst.GetByTestId("user-role")).ToHaveTextAsync("Аналитик");
        await analyst.GotoAsync("/admin/jobs");
        await analyst.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin");
        await Assertions.Expect(analyst.GetByTestId("sign-in-current")).ToBeVisibleAsync();
        await Assertions.Expect(analyst.GetByTestId("jobs-table")).ToHaveCountAsync(0);
        await analyst.Context.CloseAsync();
    }

    [Fact]
    public async Task AppealAndImportPages_Anonymous_SeeTheHintInsteadOfTheForms()
    {
        var page = await fixture.OpenAsync("/appeals/import");
        await Assertions.Expect(page.GetByTestId("access-hint")).ToContainTextAsync("Загружать обращения из CSV может администратор");
        await Assertions.Expect(page.GetByTestId("import-start")).ToHaveCountAsync(0);

        // The administration (holidays, accounts) is not shown to an anonymous reader at all: sign in first.
        await page.GotoAsync("/admin");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin");
        await Assertions.Expect(page.GetByTestId("holiday-add")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("admin-users")).ToHaveCountAsync(0);

        using var api = new Open311Client(fixture.App.BaseUrl);
        var reg = await api.PostAsync(await api.ServiceCodeAsync(), "Не горит фонарь у подъезда", 51.13, 71.43);
        await page.GotoAsync("/appeals/" + reg);
        await DashboardFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("appeal-history")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("access-hint")).ToContainTextAsync("Действия с обращением доступны операторам, аналитикам и администраторам");
        await Assertions.Expect(page.Locator("[data-testid^=action-]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DisabledAccount_IsRefused_AfterTheCliDisablesIt()
    {
        // The verbs run beside the app, on its PostgreSQL, as an administrator would run them.
        Assert.Equal(0, await CliAsync("user-add", "e2e.operator", "--role", "operator", "--name", "Оператор Проверкин", "--password", "e2e-operator-pass"));
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await new SignInForm(page).SignInAsync("E2E.Operator", "e2e-operator-pass");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await DashboardFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("Оператор Проверкин");
        await page.GetByTestId("sign-out").ClickAsync();
        await DashboardFixture.WaitForCircuitAsync(page);

        Assert.Equal(0, await CliAsync("user-disable", "e2e.operator"));
        await page.GotoAsync("/account/signin");
        await new SignInForm(page).SignInAsync("e2e.operator", "e2e-operator-pass");
        await Assertions.Expect(new SignInForm(page).Error).ToContainTextAsync("Учётная запись отключена");
        await page.Context.CloseAsync();
    }

    private async Task<int> CliAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in (string[])[AppProcess.AppDll(), .. args, $"--City:DataFolder={fixture.DataFolder}"]) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, output);
        return process.ExitCode;
    }
}
