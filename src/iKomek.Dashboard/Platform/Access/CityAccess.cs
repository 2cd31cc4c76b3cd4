using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace IKomek.Dashboard.Platform.Access;

/// <summary>What a signed-in person may change. Viewing needs no sign-in: wall screens run unattended.</summary>
/// <remarks><see cref="SeePersonalData"/> is the one rule for residents' personal data (an appeal's text, address and
/// notes as written): everyone else, anonymous readers, the wall and the public API, reads them redacted.</remarks>
public enum CityAction
{
    RunJobs, EditHolidays, ImportAppeals, WorkOnProblems, ReviewTopics, WorkOnAppeals, SeeAccounts, SeeAudit, SeePersonalData,
    /// <summary>Projects, milestones, risks, photos and the akimat meeting's agenda: the project office.</summary>
    EditProjects,
    /// <summary>The KPI model: definitions, targets, weights, opening and closing periods.</summary>
    ManageKpis,
    /// <summary>Entering KPI values: a department head for the own department's KPIs only (checked per KPI).</summary>
    EnterKpiValues,
    /// <summary>The city systems' alert rules: thresholds, hysteresis, months, severity.</summary>
    EditAlertRules,
    /// <summary>The operators' knowledge base: editing its articles, publishing and archiving them.</summary>
    EditKnowledge,
}

/// <summary>The roles that sign in, and which of them may do each <see cref="CityAction"/>.</summary>
public static class CityRoles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Operator = "operator";
    public const string Akim = "akim";
    public const string Deputy = "deputy";
    public const string DepartmentHead = "department_head";
    public const string ProjectOffice = "project_office";
    public const string PlanningOffice = "planning_office";
    public const string KnowledgeEditor = "knowledge_editor";

    /// <summary>The roles that may hold a password (the users_sign_in_roles check of 0015_accounts.sql, 0031, 0032 and 0060).</summary>
    public static readonly IReadOnlyList<string> SignIn = [Admin, Analyst, Operator, Akim, Deputy, DepartmentHead, ProjectOffice, PlanningOffice, KnowledgeEditor];

    /// <summary>The department a department head answers for (users.department_id), in the sign-in cookie.</summary>
    public const string DepartmentClaim = "ikomek:department";

    public const string DisplayNameClaim = "ikomek:display_name";
    public const string PasswordStampClaim = "ikomek:password_stamp";

    public static IReadOnlyList<string> AllowedTo(CityAction action) => action switch
    {
        CityAction.RunJobs or CityAction.EditHolidays or CityAction.ImportAppeals or CityAction.SeeAccounts or CityAction.SeeAudit
            or CityAction.EditAlertRules => [Admin],
        CityAction.WorkOnProblems or CityAction.ReviewTopics => [Admin, Analyst],
        CityAction.WorkOnAppeals => [Admin, Analyst, Operator],
        // The roles whose work needs a resident's phone or flat (a call back, a visit); department heads may join.
        CityAction.SeePersonalData => [Admin, Analyst, Operator],
        CityAction.EditProjects => [Admin, ProjectOffice],
        CityAction.ManageKpis => [Admin, PlanningOffice],
        CityAction.EnterKpiValues => [Admin, PlanningOffice, DepartmentHead],
        CityAction.EditKnowledge => [Admin, KnowledgeEditor],
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static bool May(this ClaimsPrincipal user, CityAction action) =>
        user.Identity?.IsAuthenticated == true && AllowedTo(action).Any(user.IsInRole);

    /// <summary>The login (the identity's name), or null for an anonymous reader.</summary>
    public static string? Login(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;

    public static string? DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(DisplayNameClaim) ?? user.Login();

    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);

    /// <summary>The user of a cascading authentication state: an anonymous reader where there is none.</summary>
    public static async Task<ClaimsPrincipal> UserAsync(this Task<AuthenticationState>? authentication) =>
        authentication is null ? new ClaimsPrincipal() : (await authentication).User;
}

/// <summary>
/// The check every handler that changes something makes before it does anything: the circuit's current user (kept
/// current by <see cref="AccountRevalidation"/>) against the roles of the action. Hiding a button is not enough: a
/// circuit can be driven without the page's markup.
/// </summary>
public sealed class CityAccess(AuthenticationStateProvider authentication)
{
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<bool> MayAsync(CityAction action) => (await UserAsync()).May(action);
}
