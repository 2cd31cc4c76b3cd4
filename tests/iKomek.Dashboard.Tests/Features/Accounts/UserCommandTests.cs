using IKomek.Dashboard.Features.Accounts;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Hosting;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Accounts;

/// <summary>The user-add and user-disable verbs on a real database.</summary>
public sealed class UserCommandTests(MigratedDatabase db) : IClassFixture<MigratedDatabase>
{
    private AccountsQueries Accounts => new(db.DataSource, TimeProvider.System);

    [Fact]
    public async Task UserAdd_PasswordFromStandardInput_AddsThenResets()
    {
        var output = new StringWriter();

        var added = await UserCommand.RunAsync(db.DataSource, "user-add", ["Marat", "--role", "operator", "--name", "Марат Ахметов"],
            new StringReader("from-stdin-1\n"), terminal: false, output, CancellationToken.None);
        var reset = await UserCommand.RunAsync(db.DataSource, "user-add", ["marat", "--role", "analyst"],
            new StringReader("from-stdin-2\n"), terminal: false, output, CancellationToken.None);

        Assert.Equal((0, 0), (added, reset));
        Assert.Equal("Added marat (operator).\nReset marat (analyst).\n", output.ToString().ReplaceLineEndings("\n"));
        var account = (await Accounts.SignInAsync("marat", "from-stdin-2")).Account!;
        Assert.Equal(("Марат Ахметов", "analyst"), (account.DisplayName, account.Role));
    }

    [Fact]
    public async Task UserVerbs_AreLoggedUnderTheConsolesAccount_WithWhatChanged()
    {
        async Task Run(string verb, params string[] args) => Assert.Equal(0, await UserCommand.RunAsync(db.DataSource, verb, args,
            new StringReader(""), terminal: false, TextWriter.Null, CancellationToken.None));

        await Run("user-add", "Saule", "--role", "operator", "--password", "first-password");
        await Run("user-add", "saule", "--role", "analyst", "--password", "second-password");
        await Run("user-disable", "saule");
        await Run("user-add", "saule", "--role", "analyst", "--password", "third-password");

        var logged = await AuditRows.AboutAsync(db.DataSource, "user", "saule");
        Assert.All(logged, r => Assert.Equal(("console:" + Environment.UserName, "user.change"), (r.Actor, r.Action)));
        Assert.Equal(
        [
            ("created", "operator", null, null, null),
            ("password_reset", "analyst", "operator", "true", "false"),
            ("disabled", null, null, null, null),
            ("password_reset", "analyst", "analyst", "false", "true"),
        ], logged.Select(r => (r.Detail("change"), r.Detail("role"), r.Detail("previousRole"), r.Detail("roleChanged"), r.Detail("enabledAgain"))));
        // No password, not even its hash, goes into the log.
        Assert.DoesNotContain(logged, r => r.Details.Contains("password\"") || r.Details.Contains("pbkdf2"));
    }

    [Fact]
    public async Task UserDisable_OfAnUnknownLogin_LogsNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => UserCommand.RunAsync(db.DataSource, "user-disable", ["nobody-here"],
            new StringReader(""), terminal: false, TextWriter.Null, CancellationToken.None));

        Assert.Empty(await AuditRows.AboutAsync(db.DataSource, "user", "nobody-here"));
    }

    [Fact]
    public async Task UserAdd_TheAkimatSignsIn_ADepartmentHeadWithTheDepartment()
    {
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(conn, """
                INSERT INTO departments (id, code, kind, name_ru, name_kk, name_en)
                VALUES (77, 'roads', 'city_department', 'Управление дорог', 'Жолдар басқармасы', 'Roads') ON CONFLICT DO NOTHING
                """);
        }
        var output = new StringWriter();
        async Task<int> Add(params string[] args) =>
            await UserCommand.RunAsync(db.DataSource, "user-add", args, new StringReader(""), terminal: false, output, CancellationToken.None);

        Assert.Equal(0, await Add("akim.verb", "--role", "akim", "--password", "akim-password"));
        Assert.Equal(0, await Add("deputy.verb", "--role", "deputy", "--password", "deputy-password"));
        Assert.Equal(0, await Add("head.verb", "--role", "department_head", "--department", "roads", "--password", "head-password"));

        Assert.EndsWith("Added head.verb (department_head, roads).\n", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var head = (await Accounts.SignInAsync("head.verb", "head-password")).Account!;
        Assert.Equal(("department_head", (int?)77), (head.Role, head.DepartmentId));
        Assert.Equal(77, AccountsFeature.Principal(head, "session-of-a-test-principal-0000000000").OwnDepartment());
        Assert.Equal(SignInOutcome.SignedIn, (await Accounts.SignInAsync("akim.verb", "akim-password")).Outcome);
        Assert.Null((await Accounts.SignInAsync("deputy.verb", "deputy-password")).Account!.DepartmentId);
    }

    [Theory]
    [InlineData("user-add", "--role", "admin", "--password", "long-enough")]
    [InlineData("user-add", "someone", "--password", "long-enough")]
    [InlineData("user-add", "someone", "--role", "root", "--password", "long-enough")]
    [InlineData("user-add", "someone", "--role", "department_head", "--password", "long-enough")]
    [InlineData("user-add", "someone", "--role", "department_head", "--department", "no-such-department", "--password", "long-enough")]
    [InlineData("user-add", "someone", "--role", "akim", "--department", "roads", "--password", "long-enough")]
    [InlineData("user-add", "someone", "--role", "admin", "--password", "short")]
    [InlineData("user-add", "someone", "--role", "admin", "--colour", "blue")]
    [InlineData("user-add", "someone", "else", "--role", "admin")]
    [InlineData("user-disable", "no-such-user")]
    public async Task BadArguments_SayWhatIsWrong(string verb, params string[] args)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => UserCommand.RunAsync(db.DataSource, verb, args,
            new StringReader(""), terminal: false, TextWriter.Null, CancellationToken.None));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public async Task Cli_UserAddThenUserDisable_OnTheConfiguredDatabase()
    {
        string[] database = [$"--ConnectionStrings:City={db.ConnectionString}"];

        Assert.Equal(0, await Cli.RunAsync(["user-add", "gulnar", "--role", "admin", "--name", "Гульнар", "--password", "cli-password", .. database]));
        Assert.Equal(SignInOutcome.SignedIn, (await Accounts.SignInAsync("gulnar", "cli-password")).Outcome);

        Assert.Equal(0, await Cli.RunAsync(["user-disable", "gulnar", .. database]));
        Assert.Equal(SignInOutcome.Disabled, (await Accounts.SignInAsync("gulnar", "cli-password")).Outcome);
        Assert.Equal(2, await Cli.RunAsync(["user-add", "gulnar", "--role", "superuser", "--password", "cli-password", .. database]));
    }
}
