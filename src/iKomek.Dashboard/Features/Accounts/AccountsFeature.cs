using System.Globalization;
using System.Security.Claims;
using IKomek.Dashboard.Platform.Cli;
using IKomek.Dashboard.Platform.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;

namespace IKomek.Dashboard.Features.Accounts;

public static class AccountsFeature
{
    public const string SignInPath = AccessPaths.SignIn;
    public const string SignOutPath = AccessPaths.SignOut;

    /// <summary>The session id claim: the row of user_sessions the cookie stands for.</summary>
    public const string SessionClaim = "ikomek:session";

    /// <summary>How often an open page checks its session when no notice came (the notice is the usual way: at once).</summary>
    public static readonly TimeSpan RevalidateEvery = TimeSpan.FromSeconds(30);

    /// <summary>Cookie sign-in against the users table with server-side sessions, the keys shared through PostgreSQL
    /// (encrypted at rest), and the circuit's user.</summary>
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AccountsQueries>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddVerb<UserAddVerb>().AddVerb<UserDisableVerb>();
        builder.Services.AddSingleton<AccountChanges>();
        builder.Services.AddHostedService<AccountChangeListener>();
        var cityOptions = builder.Configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
        var keyFile = KeyRingKey.DefaultFile(cityOptions, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(_ => KeyRingKey.LoadOrCreate(keyFile));
        builder.Services.AddDataProtection().SetApplicationName("iKomek.Dashboard");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource, KeyRingKey>((o, db, key) =>
            {
                o.XmlRepository = new PostgresKeyRepository(db);
                o.XmlEncryptor = new KeyRingEncryptor(key);
            });
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "ikomek.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure when the request is HTTPS, also behind a TLS-terminating proxy that is trusted (Platform/Http).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = SignInPath;
            o.ReturnUrlParameter = "returnUrl";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = RevalidateCookieAsync;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, AccountRevalidation>();
        builder.Services.AddScoped<CityAccess>();
    }

    /// <summary>POST /account/signout (a form with its antiforgery token): ends the session everywhere, signs out and
    /// goes back to the page.</summary>
    public static void MapAccounts(this WebApplication app) =>
        app.MapPost(SignOutPath, async (HttpContext http, [FromForm] string? returnUrl, AccountsQueries accounts, AuditLog audit) =>
        {
            if (http.User.FindFirstValue(SessionClaim) is { } session)
            {
                await accounts.EndSessionAsync(session, http.RequestAborted);
                await audit.RecordAsync(Actor.Of(http.User, http.Connection.RemoteIpAddress), AuditActions.SignOut, "user", http.User.Login(),
                    ct: http.RequestAborted);
            }
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(ReturnUrl.Local(returnUrl));
        });

    public static ClaimsPrincipal Principal(Account account, string sessionId) => new(new ClaimsIdentity(
    [
        new Claim(SessionClaim, sessionId),
        new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, account.Login),
        new Claim(ClaimTypes.Role, account.Role),
        new Claim(CityRoles.DisplayNameClaim, account.DisplayName),
        new Claim(CityRoles.PasswordStampClaim, account.PasswordHash is { } hash ? AccountsQueries.PasswordStamp(hash) : ""),
        // The department a department head's appeals are scoped to (AppealScope); a change of it resets the password
        // (user-add), which ends the session.
        .. account.DepartmentId is { } department
            ? new[] { new Claim(CityRoles.DepartmentClaim, department.ToString(CultureInfo.InvariantCulture)) } : Array.Empty<Claim>(),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>An anonymous reader stays valid; a signed-in one while its session is open and its account enabled
    /// with the role and the password it signed in with (a cookie without a session or a password stamp is not valid).</summary>
    public static async Task<bool> IsStillValidAsync(this AccountsQueries accounts, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true) return true;
        return int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id)
               && user.Role() is { } role
               && user.FindFirstValue(SessionClaim) is { } session
               && await accounts.IsSessionActiveAsync(session, id, role, user.FindFirstValue(CityRoles.PasswordStampClaim) ?? "", ct);
    }

    // Every request with the cookie reads its session row (one indexed read): a signed-out session, a disabled
    // account or a changed role is refused at once, on every node, even with a copy of the cookie.
    private static async Task RevalidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountsQueries>();
        if (context.Principal is { } user && await accounts.IsStillValidAsync(user, context.HttpContext.RequestAborted)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
