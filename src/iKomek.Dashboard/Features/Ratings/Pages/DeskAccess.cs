using System.Security.Claims;
using IKomek.Dashboard.Platform.Access;

namespace IKomek.Dashboard.Features.Ratings.Pages;

/// <summary>
/// Who opens a manager's desk and past ratings: the akim, the deputies, the analysts and the administrators any
/// manager's; a department head only the own department's (decided on the server, whatever the address asks).
/// </summary>
public static class DeskAccess
{
    /// <summary>The roles the desk's pages let in at all (the page's authorisation attribute).</summary>
    public const string Roles = CityRoles.Admin + "," + CityRoles.Analyst + "," + CityRoles.Akim + "," + CityRoles.Deputy + "," + CityRoles.DepartmentHead;

    public static bool MayOpen(ClaimsPrincipal user, int departmentId)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        if (user.IsInRole(CityRoles.DepartmentHead)) return user.OwnDepartment() == departmentId;
        return user.IsInRole(CityRoles.Admin) || user.IsInRole(CityRoles.Analyst) || user.IsInRole(CityRoles.Akim) || user.IsInRole(CityRoles.Deputy);
    }

    /// <summary>The page a desk link opens: a department head's own desk by its short address.</summary>
    public static string Href(int managerId) => $"ratings/managers/{managerId}";
}
