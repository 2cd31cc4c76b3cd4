using System.Globalization;
using System.Security.Claims;

namespace IKomek.Dashboard.Platform.Access;

/// <summary>
/// Which departments' appeals a reader sees one by one (the explorer, its export, an appeal's page). A department
/// head sees their own department only; everyone else, the whole city. Aggregates (live panel, ratings, KPIs) are
/// not scoped. Pages, endpoints and exports all ask here, so a department in the URL cannot widen the scope.
/// </summary>
public static class AppealScope
{
    /// <summary>No department has this id: a department head whose cookie lacks a department sees nothing.</summary>
    private const int Nothing = 0;

    /// <summary>The one department the reader is limited to, or null for the whole city.</summary>
    public static int? OwnDepartment(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(CityRoles.DepartmentHead)) return null;
        return int.TryParse(user.FindFirstValue(CityRoles.DepartmentClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id : Nothing;
    }

    /// <summary>The department filter to apply: the reader's own department whatever was asked, else the one asked for.</summary>
    public static int? ScopeDepartment(this ClaimsPrincipal user, int? requested) => user.OwnDepartment() ?? requested;

    /// <summary>Whether the reader may open one appeal of <paramref name="departmentId"/>.</summary>
    public static bool MaySeeDepartment(this ClaimsPrincipal user, int departmentId) =>
        user.OwnDepartment() is not { } own || own == departmentId;

    /// <summary>
    /// Whether the reader reads the appeals of their scope with residents' personal data as written: the roles of
    /// <see cref="CityAction.SeePersonalData"/> everywhere, a department head in their own department (the only one
    /// their scope holds). Pages outside the scope (a systemic problem's appeals) ask <see cref="CityAction.SeePersonalData"/> alone.
    /// </summary>
    public static bool SeesPersonalDataInScope(this ClaimsPrincipal user) =>
        user.May(CityAction.SeePersonalData) || user.OwnDepartment() is not null;

    /// <summary>
    /// Whether the reader reads one appeal of <paramref name="departmentId"/> with personal data as written, on a page
    /// that mixes departments (a systemic problem's appeals): the roles of <see cref="CityAction.SeePersonalData"/>,
    /// or a department head for the own department's appeals.
    /// </summary>
    public static bool SeesPersonalDataOf(this ClaimsPrincipal user, int departmentId) =>
        user.May(CityAction.SeePersonalData) || user.OwnDepartment() == departmentId;
}
