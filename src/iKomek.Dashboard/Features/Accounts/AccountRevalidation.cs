using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace IKomek.Dashboard.Features.Accounts;

/// <summary>
/// The user of an open page (a circuit lives for hours on a desk). When its session ends (a sign-out in another
/// tab or on another node), or its account is disabled or changes role or password, the database notifies every node
/// and the page turns anonymous at once: its buttons give way to the sign-in hint. A periodic check backs the notice up.
/// </summary>
public sealed class AccountRevalidation : RevalidatingServerAuthenticationStateProvider
{
    private readonly AccountsQueries _accounts;
    private readonly AccountChanges _changes;
    private readonly ILogger _log;

    public AccountRevalidation(ILoggerFactory loggerFactory, AccountsQueries accounts, AccountChanges changes) : base(loggerFactory)
    {
        _accounts = accounts;
        _changes = changes;
        _log = loggerFactory.CreateLogger<AccountRevalidation>();
        changes.Changed += OnChanged;
    }

    protected override TimeSpan RevalidationInterval => AccountsFeature.RevalidateEvery;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        _accounts.IsStillValidAsync(authenticationState.User, cancellationToken);

    private void OnChanged(int userId) => _ = RecheckAsync(userId);

    private async Task RecheckAsync(int userId)
    {
        try
        {
            var user = (await GetAuthenticationStateAsync()).User;
            if (user.Identity?.IsAuthenticated != true) return;
            if (userId != AccountChanges.Everyone &&
                user.FindFirstValue(ClaimTypes.NameIdentifier) != userId.ToString(CultureInfo.InvariantCulture)) return;
            if (await _accounts.IsStillValidAsync(user)) return;
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
        catch (Exception e)
        {
            // The periodic check tries again.
            _log.LogWarning(e, "Checking an open page's session failed");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _changes.Changed -= OnChanged;
        base.Dispose(disposing);
    }
}
