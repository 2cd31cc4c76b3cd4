using Hangfire.Dashboard;
using IKomek.Dashboard.Platform.Access;

namespace IKomek.Dashboard.Features.Jobs;

/// <summary>
/// Hangfire's dashboard for signed-in administrators only. Hangfire's default admits every request from the local
/// machine, and behind a reverse proxy on the same host every request is local: the dashboard would be open to all.
/// The cookie sign-in has already revalidated the account (enabled, same role) by the time this runs.
/// </summary>
public sealed class AdministratorsOnlyDashboard : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(CityRoles.Admin);
    }
}
