using System.Net;
using System.Security.Claims;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;

namespace IKomek.Dashboard.Features.Kpis.Entry;

/// <summary>
/// Who enters KPI values and what they may touch, decided from the signed-in user on the server: a department head
/// the own department's KPIs only (<see cref="OwnDepartment"/>), the planning office and administrators every KPI,
/// and only they set targets, weights and close months (<see cref="ManagesKpis"/>).
/// </summary>
public sealed record KpiEditor(Actor Actor, int? OwnDepartment, bool ManagesKpis)
{
    /// <summary>The editor a user is, or null when the user may not enter KPI values at all.</summary>
    public static KpiEditor? Of(ClaimsPrincipal user, IPAddress? address = null) =>
        user.May(CityAction.EnterKpiValues)
            ? new KpiEditor(Actor.Of(user, address), user.May(CityAction.ManageKpis) ? null : user.OwnDepartment(), user.May(CityAction.ManageKpis))
            : null;

    public bool MayEnter(int departmentId) => OwnDepartment is not { } own || own == departmentId;
}
