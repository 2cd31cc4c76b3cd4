using System.Security.Claims;
using Bunit;
using IKomek.Dashboard.Features.Appeals;
using Microsoft.AspNetCore.Components.Authorization;

namespace IKomek.Dashboard.Tests.Components;

/// <summary>The appeal's history names who made each step to signed-in readers, and to nobody else.</summary>
public sealed class AppealHistoryTests : MudContext
{
    private static readonly IReadOnlyList<AppealEvent> Events =
    [
        new(new DateTime(2026, 3, 30, 4, 0, 0, DateTimeKind.Utc), "registered", null, "Управление ЖКХ", null, "api:city-app"),
        new(new DateTime(2026, 3, 30, 6, 0, 0, DateTimeKind.Utc), "assigned", "ТОО Горводоканал", null, null, "marat"),
        new(new DateTime(2026, 3, 30, 7, 0, 0, DateTimeKind.Utc), "in_progress", "ТОО Горводоканал", null, null),
    ];

    private IRenderedComponent<AppealHistory> Render(string? login)
    {
        var identity = login is null ? new ClaimsIdentity() : new ClaimsIdentity([new Claim(ClaimTypes.Name, login), new Claim(ClaimTypes.Role, "operator")], "test");
        return Ctx.Render<AppealHistory>(p => p
            .AddCascadingValue(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))))
            .Add(x => x.Events, Events));
    }

    [Fact]
    public void SignedInReader_SeesWhoMadeEachStep()
    {
        var actors = Render("operator").FindAll("[data-testid=event-actor]").Select(e => e.TextContent).ToList();

        // The last event predates the actor column: it names nobody.
        Assert.Equal(["автор шага: api:city-app", "автор шага: marat"], actors);
    }

    [Fact]
    public void AnonymousReader_SeesTheStepsButNoNames()
    {
        var cut = Render(null);

        Assert.Equal(3, cut.FindAll("li").Count);
        Assert.Empty(cut.FindAll("[data-testid=event-actor]"));
        Assert.DoesNotContain("marat", cut.Markup);
        Assert.DoesNotContain("city-app", cut.Markup);
    }
}
