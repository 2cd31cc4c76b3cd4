using Dapper;
using IKomek.Dashboard.Features.Accounts;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.Accounts;

/// <summary>The user store on the real database: sign-in, refusals, resets, the schema's checks.</summary>
public sealed class AccountsQueriesTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    private AccountsQueries Accounts => new(db.DataSource, TimeProvider.System);

    [Fact]
    public async Task SignIn_RightPassword_SignsInAnyCaseOfLogin_AndRecordsIt()
    {
        Assert.True(await Accounts.SaveAsync(TestActors.Admin, " Dana.Analyst ", "analyst", "right-password", "Дана Серикова"));

        var attempt = await Accounts.SignInAsync("DANA.analyst", "right-password");
        await Accounts.StartSessionAsync(attempt.Account!, System.Net.IPAddress.Loopback);

        Assert.Equal(SignInOutcome.SignedIn, attempt.Outcome);
        Assert.Equal(("dana.analyst", "analyst"), (attempt.Account!.Login, attempt.Account.Role));
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var at = await conn.ExecuteScalarAsync<DateTime?>("SELECT last_sign_in_at FROM users WHERE login = 'dana.analyst'");
        Assert.InRange(at!.Value, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task SignIn_WrongPasswordUnknownLoginOrNoPassword_AreOneAndTheSameRefusal()
    {
        await Accounts.SaveAsync(TestActors.Admin, "erlan", "operator", "right-password");
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("INSERT INTO users (login, display_name, role) VALUES ('akim.viewer', 'Аким', 'akim')");
        }

        Assert.Equal(new SignInAttempt(SignInOutcome.WrongCredentials), await Accounts.SignInAsync("erlan", "wrong-password"));
        Assert.Equal(new SignInAttempt(SignInOutcome.WrongCredentials), await Accounts.SignInAsync("nobody", "right-password"));
        Assert.Equal(new SignInAttempt(SignInOutcome.WrongCredentials), await Accounts.SignInAsync("akim.viewer", ""));
    }

    [Fact]
    public async Task DisabledAccount_IsRefusedWithTheRightPasswordOnly_AndResetEnablesItAgain()
    {
        await Accounts.SaveAsync(TestActors.Admin, "aliya", "admin", "first-password", "Алия");
        var id = (await Accounts.FindAsync("aliya"))!.Id;
        Assert.True(await Accounts.IsActiveAsync(id, "admin"));

        Assert.True(await Accounts.DisableAsync(TestActors.Admin, "ALIYA"));

        Assert.Equal(SignInOutcome.Disabled, (await Accounts.SignInAsync("aliya", "first-password")).Outcome);
        Assert.Equal(SignInOutcome.WrongCredentials, (await Accounts.SignInAsync("aliya", "guessing-it")).Outcome);
        Assert.False(await Accounts.IsActiveAsync(id, "admin"));
        Assert.False(await Accounts.DisableAsync(TestActors.Admin, "no-such-login"));

        Assert.False(await Accounts.SaveAsync(TestActors.Admin, "aliya", "analyst", "second-password"));
        Assert.Equal(SignInOutcome.WrongCredentials, (await Accounts.SignInAsync("aliya", "first-password")).Outcome);
        var again = await Accounts.SignInAsync("aliya", "second-password");
        Assert.Equal((SignInOutcome.SignedIn, "Алия", "analyst"), (again.Outcome, again.Account!.DisplayName, again.Account.Role));
        // Signed in as an administrator, no longer one: open pages lose their rights at the next check.
        Assert.False(await Accounts.IsActiveAsync(id, "admin"));
        Assert.True(await Accounts.IsActiveAsync(id, "analyst"));
    }

    [Fact]
    public async Task StillValid_AnonymousAlways_SignedInWhileTheSessionIsOpenAndTheAccountEnabledWithTheSameRole()
    {
        await Accounts.SaveAsync(TestActors.Admin, "timur", "operator", "long-enough");
        var user = await SignedInAsync("timur", "long-enough");
        var withoutSession = AccountsFeature.Principal((await Accounts.FindAsync("timur"))!, "no-such-session-0000000000000000000000");

        Assert.True(await Accounts.IsStillValidAsync(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity())));
        Assert.True(await Accounts.IsStillValidAsync(user));
        Assert.False(await Accounts.IsStillValidAsync(withoutSession));
        // A reset password ends the sessions signed in with the old one, though the role is the same.
        await Accounts.SaveAsync(TestActors.Admin, "timur", "operator", "a-new-password");
        Assert.False(await Accounts.IsStillValidAsync(user));
        var renewed = await SignedInAsync("timur", "a-new-password");
        Assert.True(await Accounts.IsStillValidAsync(renewed));
        await Accounts.DisableAsync(TestActors.Admin, "timur");
        Assert.False(await Accounts.IsStillValidAsync(renewed));
        // Enabled again: the sessions from before stay ended.
        await Accounts.SaveAsync(TestActors.Admin, "timur", "operator", "a-new-password");
        Assert.False(await Accounts.IsStillValidAsync(renewed));
    }

    [Fact]
    public async Task Session_EndedBySignOut_IsRefused_OtherSessionsOfTheAccountGoOn()
    {
        await Accounts.SaveAsync(TestActors.Admin, "saule", "analyst", "long-enough");
        var laptop = await SignedInAsync("saule", "long-enough");
        var desk = await SignedInAsync("saule", "long-enough");

        await Accounts.EndSessionAsync(laptop.FindFirst(AccountsFeature.SessionClaim)!.Value);

        Assert.False(await Accounts.IsStillValidAsync(laptop));
        Assert.True(await Accounts.IsStillValidAsync(desk));
        await using var conn = await db.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.login = 'saule' AND s.ended_at IS NOT NULL"));
    }

    [Fact]
    public async Task Session_RoleChangedInTheDatabase_IsRefusedAtOnce_AndEveryNodeIsNotified()
    {
        await Accounts.SaveAsync(TestActors.Admin, "bolat", "admin", "long-enough");
        var admin = await SignedInAsync("bolat", "long-enough");
        await using var listener = await db.DataSource.OpenConnectionAsync();
        var notices = new List<string>();
        listener.Notification += (_, e) => notices.Add(e.Payload);
        await listener.ExecuteAsync("LISTEN account_changes");

        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("UPDATE users SET role = 'operator' WHERE login = 'bolat'");
        }
        await listener.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(await Accounts.IsStillValidAsync(admin));
        Assert.Equal([admin.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value], notices);
    }

    [Fact]
    public async Task Session_UnusedForLongerThanItsIdleTime_IsRefused()
    {
        var clock = new TestClock.ManualClock(new DateTimeOffset(2026, 3, 31, 9, 0, 0, TimeSpan.Zero));
        var accounts = new AccountsQueries(db.DataSource, clock);
        await accounts.SaveAsync(TestActors.Admin, "idle.user", "operator", "long-enough");
        var account = (await accounts.SignInAsync("idle.user", "long-enough")).Account!;
        var user = AccountsFeature.Principal(account, await accounts.StartSessionAsync(account, System.Net.IPAddress.Loopback));

        clock.Advance(AccountsQueries.SessionIdle - TimeSpan.FromMinutes(1));
        Assert.True(await accounts.IsStillValidAsync(user));
        // Used just now: its idle time starts again.
        clock.Advance(AccountsQueries.SessionIdle - TimeSpan.FromMinutes(1));
        Assert.True(await accounts.IsStillValidAsync(user));
        clock.Advance(AccountsQueries.SessionIdle + TimeSpan.FromMinutes(1));
        Assert.False(await accounts.IsStillValidAsync(user));
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> SignedInAsync(string login, string password)
    {
        var account = (await Accounts.SignInAsync(login, password)).Account!;
        return AccountsFeature.Principal(account, await Accounts.StartSessionAsync(account, System.Net.IPAddress.Loopback));
    }

    [Theory]
    [InlineData("", "admin", "long-enough")]
    [InlineData("x", "department_head", "long-enough")]
    [InlineData("x", "root", "long-enough")]
    [InlineData("x", "admin", "short")]
    public async Task Save_BadLoginRoleOrPassword_IsRefused(string login, string role, string password) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Accounts.SaveAsync(TestActors.Admin, login, role, password));

    [Fact]
    public async Task Schema_ADepartmentHeadHoldsAPasswordOnlyWithADepartment_AndOnlyInTheHashForm()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var hash = PasswordHasher.Hash("long-enough");

        var role = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync(
            "INSERT INTO users (login, display_name, role, password_hash) VALUES ('head.x', 'Руководитель', 'department_head', @hash)", new { hash }));
        var plain = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync(
            "INSERT INTO users (login, display_name, role, password_hash) VALUES ('plain', 'Plain', 'admin', 'long-enough')"));

        Assert.Equal(("users_sign_in_roles", "users_password_hash_form"), (role.ConstraintName, plain.ConstraintName));
    }

    [Fact]
    public async Task DemoPasswords_AreGivenOnlyOnADemoCity_OnlyWhereMissing()
    {
        var fresh = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var ds = NpgsqlDataSource.Create(fresh);
        var accounts = new AccountsQueries(ds, TimeProvider.System);
        await using var conn = await ds.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO users (login, display_name, role) VALUES ('admin', 'Администратор системы', 'admin'), ('analyst', 'Аналитик', 'analyst');
            """);
        await accounts.SaveAsync(TestActors.Admin, "operator", "operator", "changed-by-the-city");

        Assert.Equal(0, await accounts.SetMissingDemoPasswordsAsync(DemoAccounts.Passwords));
        await conn.ExecuteAsync("INSERT INTO demo_city (seed, scale, years, end_date, appeals, generated_at) VALUES (1, 0.01, 1, now(), 0, now())");
        Assert.Equal(2, await accounts.SetMissingDemoPasswordsAsync(DemoAccounts.Passwords));
        Assert.Equal(0, await accounts.SetMissingDemoPasswordsAsync(DemoAccounts.Passwords));

        Assert.Equal(SignInOutcome.SignedIn, (await accounts.SignInAsync("admin", "demo-admin-109")).Outcome);
        Assert.Equal(SignInOutcome.SignedIn, (await accounts.SignInAsync("analyst", "demo-analyst-109")).Outcome);
        Assert.Equal(SignInOutcome.WrongCredentials, (await accounts.SignInAsync("operator", "demo-operator-109")).Outcome);
    }
}
