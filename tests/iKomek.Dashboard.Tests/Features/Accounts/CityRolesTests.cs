using System.Security.Claims;
using IKomek.Dashboard.Features.Accounts;
using IKomek.Dashboard.Platform.Access;

namespace IKomek.Dashboard.Tests.Features.Accounts;

/// <summary>Who may do what: the table the README gives.</summary>
public sealed class CityRolesTests
{
    [Theory]
    [InlineData(CityAction.RunJobs, "admin")]
    [InlineData(CityAction.EditHolidays, "admin")]
    [InlineData(CityAction.ImportAppeals, "admin")]
    [InlineData(CityAction.WorkOnProblems, "admin,analyst")]
    [InlineData(CityAction.ReviewTopics, "admin,analyst")]
    [InlineData(CityAction.WorkOnAppeals, "admin,analyst,operator")]
    [InlineData(CityAction.SeePersonalData, "admin,analyst,operator")]
    [InlineData(CityAction.EditKnowledge, "admin,knowledge_editor")]
    public void May_EachActionIsForItsRolesOnly_NeverForAnonymousReaders(CityAction action, string allowed)
    {
        foreach (var role in CityRoles.SignIn)
        {
            Assert.Equal(allowed.Split(',').Contains(role), Signed(role).May(action));
        }
        Assert.False(new ClaimsPrincipal(new ClaimsIdentity()).May(action));
        // A role claim without a signed-in identity is nobody.
        Assert.False(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, "admin")])).May(action));
    }

    [Fact]
    public void Principal_CarriesLoginNameAndRole()
    {
        var user = AccountsFeature.Principal(new Account(7, "analyst", "Айгерим Сапарова", "analyst", null, false), "session-of-a-test-principal-0000000000");

        Assert.Equal(("analyst", "Айгерим Сапарова", "analyst"), (user.Login(), user.DisplayName(), user.Role()));
        Assert.True(user.May(CityAction.WorkOnProblems));
        Assert.Null(new ClaimsPrincipal(new ClaimsIdentity()).Login());
    }

    [Fact]
    public void AppealScope_ADepartmentHeadIsKeptToTheOwnDepartment_EveryoneElseSeesTheCity()
    {
        var head = AccountsFeature.Principal(new Account(2, "head", "Руководитель", CityRoles.DepartmentHead, null, false, 5), "session-of-a-test-principal-0000000000");
        // A department head whose cookie somehow lacks the department sees no department's appeals.
        var headWithout = Signed(CityRoles.DepartmentHead);

        Assert.Equal((5, (int?)5, (int?)5), (head.OwnDepartment(), head.ScopeDepartment(null), head.ScopeDepartment(9)));
        Assert.True(head.MaySeeDepartment(5));
        Assert.False(head.MaySeeDepartment(9));
        Assert.Equal((int?)0, headWithout.ScopeDepartment(9));
        Assert.False(headWithout.MaySeeDepartment(9));
        foreach (var user in new[] { Signed(CityRoles.Akim), Signed(CityRoles.Deputy), Signed(CityRoles.Analyst), new ClaimsPrincipal(new ClaimsIdentity()) })
        {
            Assert.Null(user.OwnDepartment());
            Assert.Equal(((int?)null, (int?)9), (user.ScopeDepartment(null), user.ScopeDepartment(9)));
            Assert.True(user.MaySeeDepartment(9));
        }
    }

    private static ClaimsPrincipal Signed(string role) => AccountsFeature.Principal(new Account(1, role, role, role, null, false), "session-of-a-test-principal-0000000000");
}
