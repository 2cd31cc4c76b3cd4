using System.Diagnostics;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Accounts;

/// <summary>Sign-in and roles in a real browser: who sees which buttons, the top bar, refusals, disabled accounts.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccountsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task SignInPage_WrongPasswordAndUnknownLogin_GetOneGenericError_EmptyFieldsSaySo()
    {
        var form = await SignInForm.GotoAsync(await fixture.NewPageAsync(), returnUrl: "/kpis");
        var page = form.Page;
        await Assertions.Expect(form.Shell.Heading).ToHaveTextAsync("Вход в панель");
        await form.ScreenshotAsync("signin-1920x1080");
        await page.SetViewportSizeAsync(1366, 768);
        await page.WaitForTimeoutAsync(300);
        await form.ScreenshotAsync("signin-1366x768");

        await form.Submit.ClickAsync();
        await Assertions.Expect(form.FieldError("Введите логин")).ToBeVisibleAsync();
        await Assertions.Expect(form.FieldError("Введите пароль")).ToBeVisibleAsync();

        await form.SignInAsync("admin", "not-the-password");
        await Assertions.Expect(form.Error).ToHaveTextAsync("Неверный логин или пароль");
        // The login stays typed, the password is never sent back into the page.
        await Assertions.Expect(form.Login).ToHaveValueAsync("admin");
        await Assertions.Expect(form.Password).ToHaveValueAsync("");
        await form.ScreenshotAsync("signin-error-1366x768");

        await form.SignInAsync("nobody-at-all", "not-the-password");
        await Assertions.Expect(form.Error).ToHaveTextAsync("Неверный логин или пароль");
        Assert.EndsWith("/account/signin?returnUrl=%2Fkpis", page.Url);
        await Assertions.Expect(form.Shell.SignInLink).ToBeVisibleAsync();

        // Looking needs no account: from the (static) sign-in page back to the page it came from, live again.
        await form.ContinueWithoutSignIn.ClickAsync();
        var kpis = await KpisPage.ReadyOnAsync(page);
        await Assertions.Expect(kpis.Heading).ToHaveTextAsync("KPI акимата");
        await kpis.CloseAsync();
    }

    [Fact]
    public async Task JobsPage_AnonymousAndAnalystAreSentToSignIn_AdminSignsIn_AndSignsOut()
    {
        // The administration is for administrators: the server sends anyone else to sign in, and back after.
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(JobsPage.Path);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == SignInForm.Path);
        var form = new SignInForm(page);
        await Assertions.Expect(form.Shell.Heading).ToHaveTextAsync("Вход в панель");
        await Assertions.Expect(page.GetByTestId("jobs-table")).ToHaveCountAsync(0);
        await form.SignInAndReturnAsync("admin", "demo-admin-109", JobsPage.Path);
        var jobs = await JobsPage.ReadyOnAsync(page);
        await Assertions.Expect(jobs.RunNow("sla-sweep")).ToBeVisibleAsync();
        await Assertions.Expect(jobs.AccessHint).ToHaveCountAsync(0);
        await Assertions.Expect(jobs.Shell.UserName).ToHaveTextAsync("Администратор системы");
        await Assertions.Expect(jobs.Shell.UserRole).ToHaveTextAsync("Администратор");
        await jobs.ScreenshotsAsync("signed-in");

        // Signed out, the jobs page sends the reader to sign in again.
        await jobs.Shell.SignOutButton.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == SignInForm.Path);
        await Assertions.Expect(page.GetByTestId("jobs-table")).ToHaveCountAsync(0);
        await jobs.CloseAsync();

        // An analyst is signed in, and still may not: the sign-in page says who is signed in.
        var live = await LivePage.OpenAsync(fixture, signedInAs: "analyst");
        await Assertions.Expect(live.Shell.UserRole).ToHaveTextAsync("Аналитик");
        await live.Page.GotoAsync(JobsPage.Path);
        await live.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == SignInForm.Path);
        await Assertions.Expect(live.Page.GetByTestId("sign-in-current")).ToBeVisibleAsync();
        await Assertions.Expect(live.Page.GetByTestId("jobs-table")).ToHaveCountAsync(0);
        await live.CloseAsync();
    }

    [Fact]
    public async Task AppealAndImportPages_Anonymous_SeeTheHintInsteadOfTheForms()
    {
        var import = await ImportPage.OpenAsync(fixture);
        await Assertions.Expect(import.AccessHint).ToContainTextAsync("Загружать обращения из CSV может администратор");
        await Assertions.Expect(import.Start).ToHaveCountAsync(0);

        // The administration (holidays, accounts) is not shown to an anonymous reader at all: sign in first.
        await import.Page.GotoAsync(AdministrationPage.Path);
        await import.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == SignInForm.Path);
        await Assertions.Expect(import.Page.GetByTestId("holiday-add")).ToHaveCountAsync(0);
        await Assertions.Expect(import.Page.GetByTestId("admin-users")).ToHaveCountAsync(0);

        using var api = new Open311Client(fixture.App.BaseUrl);
        var reg = await api.PostAsync(await api.ServiceCodeAsync(), "Не горит фонарь у подъезда", 51.13, 71.43);
        var appeal = await AppealPage.GotoAsync(import.Page, reg);
        await Assertions.Expect(appeal.History).ToBeVisibleAsync();
        await Assertions.Expect(appeal.AccessHint).ToContainTextAsync("Действия с обращением доступны операторам, аналитикам и администраторам");
        await Assertions.Expect(appeal.Actions).ToHaveCountAsync(0);
        await appeal.CloseAsync();
    }

    [Fact]
    public async Task DisabledAccount_IsRefused_AfterTheCliDisablesIt()
    {
        // The verbs run beside the app, on its PostgreSQL, as an administrator would run them.
        Assert.Equal(0, await CliAsync("user-add", "e2e.operator", "--role", "operator", "--name", "Оператор Проверкин", "--password", "e2e-operator-pass"));
        var form = await SignInForm.GotoAsync(await fixture.NewPageAsync());
        await form.SignInAndReturnAsync("E2E.Operator", "e2e-operator-pass", LivePage.Path);
        var live = await LivePage.ReadyOnAsync(form.Page);
        await Assertions.Expect(live.Shell.UserName).ToHaveTextAsync("Оператор Проверкин");
        await live.Shell.SignOutAsync();

        Assert.Equal(0, await CliAsync("user-disable", "e2e.operator"));
        form = await SignInForm.GotoAsync(live.Page);
        await form.SignInAsync("e2e.operator", "e2e-operator-pass");
        await Assertions.Expect(form.Error).ToContainTextAsync("Учётная запись отключена");
        await form.Page.Context.CloseAsync();
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
