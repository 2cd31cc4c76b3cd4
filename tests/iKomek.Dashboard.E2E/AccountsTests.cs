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
    public async Task JobsPage_AnonymousAndAnalystSeeNoRunNow_AdminSignsInFromTheHint_AndSignsOut()
    {
        var page = await fixture.OpenAsync("/admin/jobs");
        var jobs = page.GetByTestId("jobs-table");
        await Assertions.Expect(jobs.Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(jobs.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        var hint = page.GetByTestId("access-hint");
        await Assertions.Expect(hint).ToContainTextAsync("Запускать задания вручную может администратор");
        await Assertions.Expect(page.GetByTestId("user-menu")).ToHaveCountAsync(0);

        // The hint's link signs in and comes back to the jobs page, where the buttons now are.
        await hint.GetByRole(AriaRole.Link, new() { Name = "Войти" }).ClickAsync();
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

        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/jobs");
        await DashboardFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("sign-in-link")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("jobs-table").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        // An analyst is signed in, and still may not.
        var analyst = await fixture.OpenAsync("/admin/jobs", signedInAs: "analyst");
        await Assertions.Expect(analyst.GetByTestId("user-role")).ToHaveTextAsync("Аналитик");
        await Assertions.Expect(analyst.GetByTestId("jobs-table").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(analyst.GetByTestId("jobs-table").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Assertions.Expect(analyst.GetByTestId("access-hint")).ToContainTextAsync("Ваша роль: Аналитик");
        await analyst.Context.CloseAsync();
    }

    [Fact]
    public async Task AppealAndImportPages_Anonymous_SeeTheHintInsteadOfTheForms()
    {
        var page = await fixture.OpenAsync("/appeals/import");
        await Assertions.Expect(page.GetByTestId("access-hint")).ToContainTextAsync("Загружать обращения из CSV может администратор");
        await Assertions.Expect(page.GetByTestId("import-start")).ToHaveCountAsync(0);

        await page.GotoAsync("/admin");
        await DashboardFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=access-hint][data-action=EditHolidays]")).ToContainTextAsync("Праздничные дни изменяет администратор");
        await Assertions.Expect(page.GetByTestId("holiday-add")).ToHaveCountAsync(0);
        // The accounts (logins, last sign-ins) are not shown to an anonymous reader either.
        await Assertions.Expect(page.Locator("[data-testid=access-hint][data-action=SeeAccounts]")).ToContainTextAsync("Учётные записи видит администратор");
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
