using System.Security.Claims;
using Bunit;
using IKomek.Dashboard.Features.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using IKomek.Dashboard.Platform.Access;

namespace IKomek.Dashboard.Tests.Components;

public sealed class ActionGateTests : MudContext
{
    private static Task<AuthenticationState> As(string? role)
    {
        if (role is null) return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, role + "1"), new Claim(ClaimTypes.Role, role)], "test", ClaimTypes.Name, ClaimTypes.Role);
        return Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity)));
    }

    private IRenderedComponent<ActionGate> Render(CityAction action, string? role) =>
        Ctx.Render<ActionGate>(p => p
            .AddCascadingValue(As(role))
            .Add(x => x.Action, action)
            .AddChildContent("<button data-testid=\"do-it\">Сделать</button>"));

    [Theory]
    [InlineData(CityAction.WorkOnAppeals, "operator")]
    [InlineData(CityAction.WorkOnAppeals, "analyst")]
    [InlineData(CityAction.EditHolidays, "admin")]
    [InlineData(CityAction.ReviewTopics, "analyst")]
    public void ActionGate_RoleThatMay_SeesTheButtonsAndNoHint(CityAction action, string role)
    {
        var cut = Render(action, role);

        Assert.Single(cut.FindAll("[data-testid=do-it]"));
        Assert.Empty(cut.FindAll("[data-testid=access-hint]"));
    }

    [Fact]
    public void ActionGate_Anonymous_SeesWhoMayAndASignInLinkBackHere()
    {
        var cut = Render(CityAction.WorkOnAppeals, role: null);

        Assert.Empty(cut.FindAll("[data-testid=do-it]"));
        var hint = cut.Find("[data-testid=access-hint]");
        Assert.Equal("WorkOnAppeals", hint.GetAttribute("data-action"));
        Assert.Contains("операторам, аналитикам и администраторам", hint.TextContent);
        Assert.StartsWith("account/signin", cut.Find("[data-testid=access-sign-in]").GetAttribute("href")!.TrimStart('/'));
    }

    [Theory]
    [InlineData(CityAction.EditHolidays, "operator", "Оператор")]
    [InlineData(CityAction.RunJobs, "analyst", "Аналитик")]
    public void ActionGate_RoleThatMayNot_SeesItsRoleAndAnotherAccountLink(CityAction action, string role, string roleName)
    {
        var cut = Render(action, role);

        Assert.Empty(cut.FindAll("[data-testid=do-it]"));
        Assert.Contains("Ваша роль: " + roleName, cut.Find("[data-testid=access-hint]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=access-sign-in]"));
    }

    [Fact]
    public void ActionGate_Quiet_ShowsNothingToThoseWhoMayNot()
    {
        var cut = Ctx.Render<ActionGate>(p => p
            .AddCascadingValue(As("operator"))
            .Add(x => x.Action, CityAction.EditHolidays)
            .Add(x => x.Quiet, true)
            .AddChildContent("<button data-testid=\"do-it\">Удалить</button>"));

        Assert.Empty(cut.FindAll("[data-testid=do-it]"));
        Assert.Empty(cut.FindAll("[data-testid=access-hint]"));
    }
}
