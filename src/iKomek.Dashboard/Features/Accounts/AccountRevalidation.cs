using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace IKomek.Dashboard.Features.Accounts;

/// <summary>
/// The user of an open page (a circuit lives for hours on a desk): every minute it asks the database whether the
/// account is still enabled with the same role; when not, the page turns anonymous at once and its buttons give way
/// to the sign-in hint.
/// </summary>
public sealed class AccountRevalidation(ILoggerFactory loggerFactory, AccountsQueries accounts)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => AccountsFeature.RevalidateEvery;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        accounts.IsStillValidAsync(authenticationState.User, cancellationToken);
}
