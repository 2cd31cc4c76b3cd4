using System.Net;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.Features.Accounts;
using IKomek.Dashboard.Platform.Audit;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Accounts;

/// <summary>
/// Server-side sessions, the sign-in throttle and the audit of sign-ins over real HTTP with cookies, and a second
/// browser tab losing its rights at once. The app believes X-Forwarded-For from 127.0.0.1 (the fixture configures it),
/// so each test signs in from addresses of its own.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SessionsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task CopiedCookie_IsRefusedAfterSignOut()
    {
        await AddAccountAsync("e2e.copied", "operator");
        using var owner = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "198.51.100.21");
        Assert.Null(await owner.SignInAsync("e2e.copied", "e2e-session-pass"));
        using var thief = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "198.51.100.22");
        thief.Cookies["ikomek.auth"] = owner.Cookies["ikomek.auth"];
        Assert.True(await owner.IsSignedInAsync());
        Assert.True(await thief.IsSignedInAsync());

        Assert.Equal(HttpStatusCode.Redirect, await owner.SignOutAsync());

        Assert.False(await owner.IsSignedInAsync());
        Assert.False(await thief.IsSignedInAsync());
    }

    [Fact]
    public async Task DisabledAccountOrChangedRole_IsRefusedOnTheNextRequest()
    {
        await AddAccountAsync("e2e.disabled", "operator");
        await AddAccountAsync("e2e.demoted", "admin");
        using var disabled = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "198.51.100.23");
        using var demoted = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "198.51.100.23");
        Assert.Null(await disabled.SignInAsync("e2e.disabled", "e2e-session-pass"));
        Assert.Null(await demoted.SignInAsync("e2e.demoted", "e2e-session-pass"));
        Assert.True(await disabled.IsSignedInAsync());

        // Straight in the table, as another node or an administrator's script would: no sign-out, no session ended.
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE users SET disabled = true WHERE login = 'e2e.disabled'");
        await conn.ExecuteAsync("UPDATE users SET role = 'operator' WHERE login = 'e2e.demoted'");

        Assert.False(await disabled.IsSignedInAsync());
        Assert.False(await demoted.IsSignedInAsync());
    }

    [Fact]
    public async Task TenWrongPasswordsForAnAccount_DoNotKeepItsOwnerOut_FromAnotherAddress()
    {
        await AddAccountAsync("e2e.target", "analyst");
        using var attacker = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "198.51.100.31");
        for (var i = 0; i < 10; i++)
            Assert.Matches("^(Неверный логин или пароль|Слишком много неудачных попыток входа)", await attacker.SignInAsync("e2e.target", "wrong-password-" + i));

        using var owner = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "198.51.100.32");
        Assert.Null(await owner.SignInAsync("e2e.target", "e2e-session-pass"));
        Assert.True(await owner.IsSignedInAsync());

        // The audit names the address the proxy forwarded, the login tried, and never the password.
        var rows = await AuditAsync("e2e.target");
        Assert.Contains(rows, r => r.Action == AuditActions.SignInFailed && r.Address == "198.51.100.31");
        Assert.Contains(rows, r => r.Action == AuditActions.SignIn && r.Address == "198.51.100.32" && r.Role == "analyst");
        Assert.DoesNotContain(rows, r => r.Details.Contains("wrong-password", StringComparison.Ordinal) || r.Details.Contains("e2e-session-pass", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManyLoginsFromOneAddress_RefuseThatAddress_AndAreAudited()
    {
        await AddAccountAsync("e2e.sprayed", "operator");
        using var sprayer = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "198.51.100.41");
        for (var i = 0; i < SignInThrottle.PerAddress / SignInThrottle.FreeFailures; i++)
        {
            for (var j = 0; j < SignInThrottle.FreeFailures; j++) Assert.Equal("Неверный логин или пароль", await sprayer.SignInAsync($"e2e.spray{i}", "guess-" + j));
        }

        Assert.StartsWith("Слишком много неудачных попыток входа", await sprayer.SignInAsync("e2e.sprayed", "e2e-session-pass"));
        using var office = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "198.51.100.42");
        Assert.Null(await office.SignInAsync("e2e.sprayed", "e2e-session-pass"));

        var refused = Assert.Single(await AuditAsync("e2e.sprayed"), r => r.Action == AuditActions.SignInRefused);
        Assert.Equal(("198.51.100.41", null), (refused.Address, refused.Role));
    }

    [Fact]
    public async Task SignOut_IsAudited_WithTheActorAndAddress()
    {
        await AddAccountAsync("e2e.leaver", "analyst");
        using var client = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "198.51.100.51");
        Assert.Null(await client.SignInAsync("e2e.leaver", "e2e-session-pass"));

        await client.SignOutAsync();

        var row = Assert.Single(await AuditAsync("e2e.leaver"), r => r.Action == AuditActions.SignOut);
        Assert.Equal(("e2e.leaver", "analyst", "198.51.100.51"), (row.Actor, row.Role, row.Address));
    }

    [Fact]
    public async Task BehindATlsProxy_TheCookieIsSecure_AndHstsIsSent_NotOnPlainHttp()
    {
        await AddAccountAsync("e2e.tls", "operator");
        using var tls = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "198.51.100.61", forwardedProto: "https", host: "panel.ikomek.example");
        Assert.Null(await tls.SignInAsync("e2e.tls", "e2e-session-pass"));
        var auth = Assert.Single(tls.LastSetCookies, c => c.StartsWith("ikomek.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.True(tls.LastResponse!.Headers.Contains("Strict-Transport-Security"));

        using var plain = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "198.51.100.62", host: "panel.ikomek.example");
        Assert.Null(await plain.SignInAsync("e2e.tls", "e2e-session-pass"));
        Assert.DoesNotContain("secure", Assert.Single(plain.LastSetCookies, c => c.StartsWith("ikomek.auth=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.False(plain.LastResponse!.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SecondTab_LosesTheAdminActions_WhenTheFirstSignsOut()
    {
        var first = await fixture.OpenAsync("/admin/jobs", signedInAs: "admin");
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/admin/jobs");
        await DashboardFixture.WaitForCircuitAsync(second);
        await Assertions.Expect(second.GetByTestId("run-sla-sweep")).ToBeVisibleAsync();

        await first.GetByTestId("sign-out").ClickAsync();
        // Back to the jobs page, which sends a reader who is not an administrator to sign in.
        await first.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/signin");

        // No reload in the second tab: its circuit hears that the session ended.
        await Assertions.Expect(second.GetByTestId("run-sla-sweep")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Assertions.Expect(second.GetByTestId("sign-in-link")).ToBeVisibleAsync();
        await first.Context.CloseAsync();
    }

    private sealed record AuditRow(string Actor, string? Role, string? Address, string Action, string Details);

    private async Task<List<AuditRow>> AuditAsync(string login)
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<AuditRow>("""
            SELECT actor AS Actor, actor_role AS Role, host(address) AS Address, action AS Action, details::text AS Details
            FROM audit_log WHERE subject_kind = 'user' AND subject_id = @login ORDER BY id
            """, new { login })).AsList();
    }

    private async Task AddAccountAsync(string login, string role)
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await new AccountsQueries(db, TimeProvider.System).SaveAsync(new Actor("e2e"), login, role, "e2e-session-pass");
    }
}
