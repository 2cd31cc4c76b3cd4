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
    public async Task StillValid_AnonymousAlways_SignedInWhileEnabledWithTheSameRole()
    {
        await Accounts.SaveAsync(TestActors.Admin, "timur", "operator", "long-enough");
        var user = AccountsFeature.Principal((await Accounts.SignInAsync("timur", "long-enough")).Account!);
        var forged = AccountsFeature.Principal(new Account(-1, "timur", "Тимур", "operator", null, false));

        Assert.True(await Accounts.IsStillValidAsync(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity())));
        Assert.True(await Accounts.IsStillValidAsync(user));
        Assert.False(await Accounts.IsStillValidAsync(forged));
        // A reset password ends the sessions signed in with the old one, though the role is the same.
        await Accounts.SaveAsync(TestActors.Admin, "timur", "operator", "a-new-password");
        Assert.False(await Accounts.IsStillValidAsync(user));
        var renewed = AccountsFeature.Principal((await Accounts.SignInAsync("timur", "a-new-password")).Account!);
        Assert.True(await Accounts.IsStillValidAsync(renewed));
        await Accounts.DisableAsync(TestActors.Admin, "timur");
        Assert.False(await Accounts.IsStillValidAsync(renewed));
    }

    [Theory]
    [InlineData("", "admin", "long-enough")]
    [InlineData("x", "akim", "long-enough")]
    [InlineData("x", "root", "long-enough")]
    [InlineData("x", "admin", "short")]
    public async Task Save_BadLoginRoleOrPassword_IsRefused(string login, string role, string password) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Accounts.SaveAsync(TestActors.Admin, login, role, password));

    [Fact]
    public async Task Schema_OnlySignInRolesHoldPasswords_AndOnlyInTheHashForm()
    {
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var hash = PasswordHasher.Hash("long-enough");

        var role = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync(
            "INSERT INTO users (login, display_name, role, password_hash) VALUES ('deputy.x', 'Заместитель', 'deputy', @hash)", new { hash }));
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
