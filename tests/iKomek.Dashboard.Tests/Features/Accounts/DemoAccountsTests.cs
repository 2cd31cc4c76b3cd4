using IKomek.Dashboard.Features.Accounts;
using IKomek.Dashboard.Features.DemoCity;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Accounts;

/// <summary>The generated demo city comes with its documented accounts, one per role that signs in.</summary>
public sealed class DemoAccountsTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Theory]
    [InlineData("admin", "demo-admin-109", "admin")]
    [InlineData("analyst", "demo-analyst-109", "analyst")]
    [InlineData("operator", "demo-operator-109", "operator")]
    [InlineData("akim", "demo-akim-109", "akim")]
    [InlineData("deputy.utilities", "demo-deputy-109", "deputy")]
    [InlineData("head.energy", "demo-head-109", "department_head")]
    [InlineData("project.office", "demo-projects-109", "project_office")]
    [InlineData("planning.office", "demo-planning-109", "planning_office")]
    [InlineData("knowledge.editor", "demo-knowledge-109", "knowledge_editor")]
    public async Task DemoAccount_SignsInWithItsDocumentedPassword(string login, string password, string role)
    {
        var attempt = await new AccountsQueries(city.DataSource, TimeProvider.System).SignInAsync(login, password);

        Assert.Equal((SignInOutcome.SignedIn, role), (attempt.Outcome, attempt.Account?.Role));
        Assert.Equal(password, DemoAccounts.Passwords[login]);
    }

    [Fact]
    public async Task OtherPeopleOfTheDemoCity_HaveNoPassword() =>
        Assert.Equal(SignInOutcome.WrongCredentials, (await new AccountsQueries(city.DataSource, TimeProvider.System).SignInAsync("deputy.social", "demo-deputy-109")).Outcome);
}
