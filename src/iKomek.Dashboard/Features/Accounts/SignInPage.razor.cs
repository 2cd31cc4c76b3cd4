using System.Security.Claims;
using IKomek.Dashboard.Platform.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;

namespace IKomek.Dashboard.Features.Accounts;

/// <summary>
/// The sign-in page: a static server-rendered form (it is excluded from the circuit) so that a successful sign-in
/// answers with the cookie and a redirect back to the page the reader came from.
/// </summary>
public sealed partial class SignInPage : ComponentBase
{
    private string? _error;
    private bool _loginMissing, _passwordMissing;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "sign-in")] private SignInForm Input { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "returnUrl")] private string? ReturnTo { get; set; }

    [Inject] private AccountsQueries Accounts { get; set; } = default!;
    [Inject] private SignInThrottle Throttle { get; set; } = default!;
    [Inject] private AuditLog Audit { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private Texts T { get; set; } = default!;

    private string Back => ReturnUrl.Local(ReturnTo).TrimStart('/') is { Length: > 0 } path ? path : "./";

    // After a refusal the cursor waits where the reader has to type next.
    private bool FocusPassword => !_loginMissing && (_passwordMissing || _error is not null);

    private ClaimsPrincipal? SignedIn => HttpContext.User.Login() is null ? null : HttpContext.User;

    // Null on a plain GET: no form was posted.
    protected override void OnInitialized() => Input ??= new();

    private async Task SignInAsync()
    {
        var (login, password) = (Input.Login?.Trim() ?? "", Input.Password ?? "");
        // The password is never written back into the page.
        Input.Password = null;
        _loginMissing = login.Length == 0;
        _passwordMissing = password.Length == 0;
        if (_loginMissing || _passwordMissing) return;

        var key = AccountsQueries.NormalizeLogin(login);
        var ip = HttpContext.Connection.RemoteIpAddress;
        var address = ip?.ToString();
        var ct = HttpContext.RequestAborted;
        // The audit names the login that was tried (never the password), from where.
        var tried = new Actor(key, null, ip);
        if (await Throttle.RetryAfterAsync(key, address, ct) is { } wait)
        {
            await Audit.RecordAsync(tried, AuditActions.SignInRefused, "user", key, new { retry_after_seconds = (int)Math.Ceiling(wait.TotalSeconds) }, ct);
            _error = T.Format("account.throttled", Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)));
            return;
        }
        var attempt = await Accounts.SignInAsync(login, password, ct);
        if (attempt.Outcome != SignInOutcome.SignedIn)
        {
            await Throttle.FailedAsync(key, address, ct);
            var reason = attempt.Outcome == SignInOutcome.Disabled ? "disabled" : "wrong_credentials";
            await Audit.RecordAsync(tried, AuditActions.SignInFailed, "user", key, new { reason }, ct);
            _error = T[attempt.Outcome == SignInOutcome.Disabled ? "account.disabled" : "account.wrong"];
            return;
        }
        await Throttle.SucceededAsync(key, address, ct);
        var account = attempt.Account!;
        var session = await Accounts.StartSessionAsync(account, ip, ct);
        await Audit.RecordAsync(new Actor(account.Login, account.Role, ip), AuditActions.SignIn, "user", account.Login, ct: ct);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AccountsFeature.Principal(account, session));
        // A department head who asked for no page lands on the own rating's desk: what to fix first.
        Nav.NavigateTo(string.IsNullOrEmpty(ReturnTo) && account.Role == CityRoles.DepartmentHead ? "/ratings/desk" : ReturnUrl.Local(ReturnTo));
    }

    private static string FieldClass(bool missing) => missing ? "field invalid" : "field";

    /// <summary>What the form posts.</summary>
    public sealed class SignInForm
    {
        public string? Login { get; set; }
        public string? Password { get; set; }
    }
}
