using IKomek.Dashboard.Features.Accounts;
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

    [Theory]
    [InlineData("user-add", "--role", "admin", "--password", "long-enough")]
    [InlineData("user-add", "someone", "--password", "long-enough")]
    [InlineData("user-add", "someone", "--role", "akim", "--password", "long-enough")]
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
