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

    private static ClaimsPrincipal Signed(string role) => AccountsFeature.Principal(new Account(1, role, role, role, null, false), "session-of-a-test-principal-0000000000");
}
