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

namespace IKomek.Dashboard.Features.Accounts;

public static class AccountsFeature
{
    public const string SignInPath = AccessPaths.SignIn;
    public const string SignOutPath = AccessPaths.SignOut;

    /// <summary>How long a signed-in page or cookie goes before the database is asked again whether the account is
    /// still enabled with the same role.</summary>
    public static readonly TimeSpan RevalidateEvery = TimeSpan.FromMinutes(1);

    /// <summary>Cookie sign-in against the users table, the keys shared through PostgreSQL, and the circuit's user.</summary>
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AccountsQueries>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddVerb<UserAddVerb>().AddVerb<UserDisableVerb>();
        builder.Services.AddDataProtection().SetApplicationName("iKomek.Dashboard");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((o, db) => o.XmlRepository = new PostgresKeyRepository(db));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "ikomek.auth";
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

    /// <summary>POST /account/signout (a form with its antiforgery token): signs out and goes back to the page.</summary>
    public static void MapAccounts(this WebApplication app) =>
        app.MapPost(SignOutPath, async (HttpContext http, [FromForm] string? returnUrl) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(ReturnUrl.Local(returnUrl));
        });

    public static ClaimsPrincipal Principal(Account account) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
        new Claim(ClaimTypes.Name, account.Login),
        new Claim(ClaimTypes.Role, account.Role),
        new Claim(CityRoles.DisplayNameClaim, account.DisplayName),
        new Claim(CityRoles.PasswordStampClaim, account.PasswordHash is { } hash ? AccountsQueries.PasswordStamp(hash) : ""),
    ], CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>An anonymous reader stays valid; a signed-in one while the account is enabled with the role and the
    /// password it signed in with (a cookie without the password's stamp is not valid).</summary>
    public static async Task<bool> IsStillValidAsync(this AccountsQueries accounts, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true) return true;
        return int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id)
               && user.Role() is { } role
               && await accounts.IsActiveAsync(id, role, user.FindFirstValue(CityRoles.PasswordStampClaim) ?? "", ct);
    }

    // A cookie is checked against the database at most once a minute (then reissued): a disabled account, or one
    // whose role changed, is signed out on its next request after that.
    private static async Task RevalidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && now - issued < RevalidateEvery) return;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountsQueries>();
        if (context.Principal is { } user && await accounts.IsStillValidAsync(user, context.HttpContext.RequestAborted))
        {
            context.ShouldRenew = true;
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
