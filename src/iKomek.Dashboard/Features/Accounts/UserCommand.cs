using Npgsql;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Cli;

namespace IKomek.Dashboard.Features.Accounts;

/// <summary><c>user-add LOGIN --role R [--name N] [--password P]</c>: add a user who signs in, or reset one.</summary>
public sealed class UserAddVerb : IVerb
{
    public string Name => "user-add";
    public string Summary => """
        add a user who signs in, or reset an existing login's password, role and name (and enable it again);
        without --password the password is read from standard input (asked twice on a terminal)
        """;
    public string Usage => "user-add LOGIN --role admin|analyst|operator|akim|deputy|department_head|project_office|planning_office|knowledge_editor [--department CODE] [--name \"Full Name\"] [--password P]";
    public VerbSyntax Syntax => UserCommand.AddSyntax;

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct) =>
        await UserCommand.RunAsync((await context.MigratedDatabaseAsync(ct)).DataSource, Name, context.Args, context.In, context.Terminal, context.Out, ct);
}

/// <summary><c>user-disable LOGIN</c>: refuse the login's sign-in from now on.</summary>
public sealed class UserDisableVerb : IVerb
{
    public string Name => "user-disable";
    public string Summary => "refuse the login's sign-in from now on; its open pages lose their rights within a minute";
    public string Usage => "user-disable LOGIN";
    public VerbSyntax Syntax => UserCommand.DisableSyntax;

    public async Task<int> RunAsync(VerbContext context, CancellationToken ct) =>
        await UserCommand.RunAsync((await context.MigratedDatabaseAsync(ct)).DataSource, Name, context.Args, context.In, context.Terminal, context.Out, ct);
}

/// <summary>
/// The <c>user-add</c> and <c>user-disable</c> verbs' work: how the first administrator of a real city gets an account,
/// and how anyone's password is reset. Exit 0 when done; a bad argument is an <see cref="ArgumentException"/>.
/// </summary>
public static class UserCommand
{
    public static readonly VerbSyntax AddSyntax = new() { Positionals = ["LOGIN"], Options = ["role", "name", "password", "department"] };
    public static readonly VerbSyntax DisableSyntax = new() { Positionals = ["LOGIN"] };

    /// <summary>The verb on arguments as typed.</summary>
    public static Task<int> RunAsync(NpgsqlDataSource db, string verb, IReadOnlyList<string> args, TextReader input, bool terminal,
        TextWriter output, CancellationToken ct) =>
        RunAsync(db, verb, VerbArgs.Parse(verb, verb == "user-disable" ? DisableSyntax : AddSyntax, args), input, terminal, output, ct);

    /// <param name="input">Where the password comes from without --password.</param>
    /// <param name="terminal">True when <paramref name="input"/> is a person at a terminal: ask, without echo, twice.</param>
    public static async Task<int> RunAsync(NpgsqlDataSource db, string verb, VerbArgs args, TextReader input, bool terminal,
        TextWriter output, CancellationToken ct)
    {
        var login = args.Positional("LOGIN");
        var accounts = new AccountsQueries(db, TimeProvider.System);
        // Run on the server's console: the log names the system account that ran it.
        var by = Actor.Console(Environment.UserName);
        if (verb == "user-disable")
        {
            if (!await accounts.DisableAsync(by, login, ct)) throw new ArgumentException($"there is no user '{login}'");
            await output.WriteLineAsync($"Disabled {AccountsQueries.NormalizeLogin(login)}.");
            return 0;
        }

        var role = args.Option("role") ?? throw new ArgumentException($"user-add needs --role ({string.Join("|", CityRoles.SignIn)})");
        var department = args.Option("department");
        // Checked before a password is asked for.
        if ((role == CityRoles.DepartmentHead) != (department is not null))
        {
            throw new ArgumentException(role == CityRoles.DepartmentHead
                ? "A department head needs --department CODE (the department they answer for)."
                : $"Only a department head has a department; the role '{role}' takes no --department.");
        }
        var password = args.Option("password") ?? ReadPassword(input, terminal, output);
        var added = await accounts.SaveAsync(by, login, role, password, args.Option("name"), ct, department);
        await output.WriteLineAsync($"{(added ? "Added" : "Reset")} {AccountsQueries.NormalizeLogin(login)} ({role}{(department is null ? "" : ", " + department)}).");
        return 0;
    }

    private static string ReadPassword(TextReader input, bool terminal, TextWriter output)
    {
        if (!terminal) return input.ReadLine() ?? throw new ArgumentException("no password on standard input (or give --password)");
        var first = ReadHidden(output, "Password: ");
        if (ReadHidden(output, "Again: ") != first) throw new ArgumentException("the two passwords differ");
        return first;
    }

    private static string ReadHidden(TextWriter output, string prompt)
    {
        output.Write(prompt);
        var text = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        output.WriteLine();
        return text.ToString();
    }
}
