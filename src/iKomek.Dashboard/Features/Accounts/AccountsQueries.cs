using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;

namespace IKomek.Dashboard.Features.Accounts;

/// <summary>A row of <c>users</c> as sign-in sees it.</summary>
public sealed record Account(int Id, string Login, string DisplayName, string Role, string? PasswordHash, bool Disabled, int? DepartmentId = null);

public enum SignInOutcome { SignedIn, WrongCredentials, Disabled }

/// <summary>The answer to a sign-in: the account when the password was right.</summary>
public sealed record SignInAttempt(SignInOutcome Outcome, Account? Account = null);

/// <summary>The user store: accounts are the rows of <c>users</c> that have a password (0015_accounts.sql).</summary>
public sealed class AccountsQueries(NpgsqlDataSource db, TimeProvider time)
{
    public const int MinPasswordLength = 8;

    /// <summary>Logins are kept lower case and trimmed; people type them either way.</summary>
    public static string NormalizeLogin(string login) => login.Trim().ToLowerInvariant();

    /// <summary>
    /// Checks the password (<see cref="StartSessionAsync"/> records the sign-in). An unknown login, an account without a password and a wrong
    /// password give the same answer in about the same time; only the right password learns that an account is disabled.
    /// </summary>
    public async Task<SignInAttempt> SignInAsync(string login, string password, CancellationToken ct = default)
    {
        var account = await FindAsync(login, ct);
        if (account?.PasswordHash is null)
        {
            PasswordHasher.VerifyDecoy(password);
            return new(SignInOutcome.WrongCredentials);
        }
        if (!PasswordHasher.Verify(password, account.PasswordHash)) return new(SignInOutcome.WrongCredentials);
        return account.Disabled ? new(SignInOutcome.Disabled, account) : new(SignInOutcome.SignedIn, account);
    }

    public async Task<Account?> FindAsync(string login, CancellationToken ct = default)
    {
        const string sql = """
            SELECT id AS Id, login AS Login, display_name AS DisplayName, role AS Role, password_hash AS PasswordHash, disabled AS Disabled,
                   department_id::int AS DepartmentId
            FROM users WHERE login = @login
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Account>(new CommandDefinition(sql, new { login = NormalizeLogin(login) }, cancellationToken: ct));
    }

    /// <summary>How long a session lasts unused (the cookie's own lifetime, renewed while used).</summary>
    public static readonly TimeSpan SessionIdle = TimeSpan.FromHours(12);

    // last_seen_at is written at most this often: a request reads the row, it does not write it each time.
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    /// <summary>Opens a session for a signed-in account and records the sign-in; returns the session's id for the cookie.</summary>
    public async Task<string> StartSessionAsync(Account account, IPAddress? address, CancellationToken ct = default)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO user_sessions (id, user_id, created_at, last_seen_at, address) VALUES (@id, @userId, @now, @now, @address::inet);
            UPDATE users SET last_sign_in_at = @now WHERE id = @userId;
            """, new { id, userId = account.Id, now = time.GetUtcNow(), address = address?.ToString() }, cancellationToken: ct));
        return id;
    }

    /// <summary>Ends a session (sign-out): its cookie, wherever it was copied, is refused from now on.</summary>
    public async Task EndSessionAsync(string sessionId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("UPDATE user_sessions SET ended_at = @now WHERE id = @sessionId AND ended_at IS NULL",
            new { sessionId, now = time.GetUtcNow() }, cancellationToken: ct));
    }

    /// <summary>
    /// Whether a session may still act: open, used within <see cref="SessionIdle"/>, its account enabled with the
    /// role and the password it signed in with. Marks the session used.
    /// </summary>
    public async Task<bool> IsSessionActiveAsync(string sessionId, int userId, string role, string passwordStamp, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<(string Hash, DateTime LastSeen)?>(new CommandDefinition("""
            SELECT u.password_hash, s.last_seen_at FROM user_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = @sessionId AND s.user_id = @userId AND s.ended_at IS NULL AND s.last_seen_at > @since
              AND u.role = @role AND NOT u.disabled AND u.password_hash IS NOT NULL
            """, new { sessionId, userId, role, since = now - SessionIdle }, cancellationToken: ct));
        if (row is not { } r || !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(PasswordStamp(r.Hash)), Encoding.ASCII.GetBytes(passwordStamp))) return false;
        if (now - new DateTimeOffset(DateTime.SpecifyKind(r.LastSeen, DateTimeKind.Utc)) > TouchEvery)
        {
            await conn.ExecuteAsync(new CommandDefinition("UPDATE user_sessions SET last_seen_at = @now WHERE id = @sessionId",
                new { sessionId, now }, cancellationToken: ct));
        }
        return true;
    }

    /// <summary>
    /// Whether a signed-in account may still act as it signed in: not disabled, same role, a password still set and,
    /// when <paramref name="passwordStamp"/> is given, the same password it signed in with.
    /// </summary>
    public async Task<bool> IsActiveAsync(int id, string role, string? passwordStamp = null, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var hash = await conn.ExecuteScalarAsync<string?>(new CommandDefinition("""
            SELECT password_hash FROM users WHERE id = @id AND role = @role AND NOT disabled AND password_hash IS NOT NULL
            """, new { id, role }, cancellationToken: ct));
        return hash is not null && (passwordStamp is null || CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(PasswordStamp(hash)), Encoding.ASCII.GetBytes(passwordStamp)));
    }

    /// <summary>A fingerprint of the stored password hash, carried in the sign-in cookie: a new password (a reset)
    /// changes it, which ends the sessions signed in with the old one.</summary>
    public static string PasswordStamp(string passwordHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)))[..16];

    /// <summary>Adds the account, or resets an existing login's password, role, department and (when given) name, and
    /// enables it; the audit log records who did it and what changed, in the same transaction.</summary>
    /// <param name="department">The department's code: required for a department head, refused for any other role.</param>
    /// <returns>True when the login is new.</returns>
    public async Task<bool> SaveAsync(Actor by, string login, string role, string password, string? displayName = null,
        CancellationToken ct = default, string? department = null)
    {
        login = NormalizeLogin(login);
        if (login.Length == 0) throw new ArgumentException("The login is empty.");
        if (!CityRoles.SignIn.Contains(role)) throw new ArgumentException($"The role '{role}' is not one of {string.Join(", ", CityRoles.SignIn)}.");
        if (password.Length < MinPasswordLength) throw new ArgumentException($"The password is shorter than {MinPasswordLength} characters.");
        department = string.IsNullOrWhiteSpace(department) ? null : department.Trim();
        if (role == CityRoles.DepartmentHead && department is null)
            throw new ArgumentException("A department head needs --department CODE (the department they answer for).");
        if (role != CityRoles.DepartmentHead && department is not null)
            throw new ArgumentException($"Only a department head has a department; the role '{role}' takes no --department.");
        displayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();

        const string sql = """
            INSERT INTO users (login, display_name, role, department_id, password_hash)
            VALUES (@login, coalesce(@displayName, @login), @role, @departmentId, @hash)
            ON CONFLICT (login) DO UPDATE SET
                display_name = coalesce(@displayName, users.display_name), role = excluded.role,
                department_id = excluded.department_id, password_hash = excluded.password_hash, disabled = false
            RETURNING xmax = 0
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        short? departmentId = null;
        if (department is not null)
        {
            departmentId = await conn.ExecuteScalarAsync<short?>(new CommandDefinition(
                "SELECT id FROM departments WHERE code = @department", new { department }, cancellationToken: ct))
                ?? throw new ArgumentException($"There is no department '{department}'.");
        }
        await using var tx = await conn.BeginTransactionAsync(ct);
        var before = await conn.QuerySingleOrDefaultAsync<(string Role, bool Disabled)?>(new CommandDefinition(
            "SELECT role, disabled FROM users WHERE login = @login FOR UPDATE", new { login }, tx, cancellationToken: ct));
        var added = await conn.ExecuteScalarAsync<bool>(new CommandDefinition(sql,
            new { login, displayName, role, departmentId, hash = PasswordHasher.Hash(password) }, tx, cancellationToken: ct));
        await AuditLog.RecordAsync(conn, tx, by, AuditActions.UserChange, "user", login, !added && before is { } old
            ? new { change = "password_reset", role, previousRole = old.Role, roleChanged = old.Role != role, enabledAgain = old.Disabled, department }
            : (object)new { change = "created", role, department }, ct);
        // A reset password (or role) ends the sessions signed in before it.
        await EndSessionsOfAsync(conn, tx, login, ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <returns>False when there is no such login (and nothing is logged).</returns>
    public async Task<bool> DisableAsync(Actor by, string login, CancellationToken ct = default)
    {
        login = NormalizeLogin(login);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await conn.ExecuteAsync(new CommandDefinition("UPDATE users SET disabled = true WHERE login = @login",
                new { login }, tx, cancellationToken: ct)) != 1) return false;
        // Enabling the account again (user-add) must not bring its old sessions back.
        await EndSessionsOfAsync(conn, tx, login, ct);
        await AuditLog.RecordAsync(conn, tx, by, AuditActions.UserChange, "user", login, new { change = "disabled" }, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private Task EndSessionsOfAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string login, CancellationToken ct) =>
        conn.ExecuteAsync(new CommandDefinition("""
            UPDATE user_sessions SET ended_at = @now WHERE ended_at IS NULL AND user_id = (SELECT id FROM users WHERE login = @login)
            """, new { login, now = time.GetUtcNow() }, tx, cancellationToken: ct));

    /// <summary>Gives the demo city's accounts their documented passwords where they have none yet (a demo city
    /// generated before accounts existed). Any other database is left alone. Hashes only what is missing: this runs
    /// at every start.</summary>
    public async Task<int> SetMissingDemoPasswordsAsync(IReadOnlyDictionary<string, string> passwords, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var missing = (await conn.QueryAsync<string>(new CommandDefinition("""
            SELECT login FROM users
            WHERE login = ANY(@logins) AND password_hash IS NULL AND role = ANY(@roles) AND EXISTS (SELECT 1 FROM demo_city)
            """, new { logins = passwords.Keys.ToArray(), roles = CityRoles.SignIn.ToArray() }, cancellationToken: ct))).AsList();
        foreach (var login in missing)
        {
            await conn.ExecuteAsync(new CommandDefinition("UPDATE users SET password_hash = @hash WHERE login = @login",
                new { login, hash = PasswordHasher.Hash(passwords[login]) }, cancellationToken: ct));
        }
        return missing.Count;
    }
}
