using Bunit;
using IKomek.Dashboard.Platform.Database;
using IKomek.Dashboard.Features.Classification;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Components.Classification;

/// <summary>One card of the review queue: what it shows, and the three ways an analyst decides.</summary>
public sealed class ReviewCardTests : MudComponentTest
{
    private static readonly IReadOnlyList<RefItem> Types =
    [
        new(1, "heating.no_heat", "Нет отопления", "Жылу жоқ", "No heating"),
        new(2, "lift.stuck", "Застряли в лифте", "Лифтте қалып қойды", "Stuck in a lift"),
        new(3, "roads.pothole", "Яма на дороге", "Жолдағы шұңқыр", "Pothole"),
    ];

    private readonly List<(long AppealId, int TypeId)> _decisions = [];

    private IRenderedComponent<IComponent> Render(ReviewItem item) => Context.Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<ReviewCard>(1);
        b.AddAttribute(2, nameof(ReviewCard.Item), item);
        b.AddAttribute(3, nameof(ReviewCard.AllTypes), Types);
        b.AddAttribute(4, nameof(ReviewCard.Decided),
            EventCallback.Factory.Create<(ReviewItem Item, int ServiceTypeId)>(this, d => _decisions.Add((d.Item.AppealId, d.ServiceTypeId))));
        b.CloseComponent();
    });

    private static ReviewItem Item(int? suggested) =>
        new(41, "109-2026-000041", new DateTime(2026, 12, 1, 4, 30, 0, DateTimeKind.Utc), "Третий день нет отопления", "ru", 1, suggested, 0.42, "[]");

    [Fact]
    public void Card_ShowsTheAppealWhereItIsFiledAndTheSuggestion()
    {
        SignIn("analyst");
        var cut = Render(Item(suggested: 3));

        Assert.Equal("109-2026-000041", cut.Find("a.reg").TextContent);
        Assert.Equal("/appeals/109-2026-000041", cut.Find("a.reg").GetAttribute("href"));
        // Astana time (UTC+5).
        Assert.StartsWith("01.12.2026 09:30", cut.Find(".when").TextContent);
        Assert.Contains("Нет отопления", cut.Find(".topics").TextContent);
        Assert.Contains("Яма на дороге", cut.Find(".topics").TextContent);
        Assert.Single(cut.FindAll("[data-testid=review-accept]"));
    }

    [Fact]
    public void ConfirmAndAccept_DecideForTheCurrentAndTheSuggestedType()
    {
        SignIn("analyst");
        var cut = Render(Item(suggested: 3));

        cut.Find("button[data-testid=review-confirm]").Click();
        cut.Find("button[data-testid=review-accept]").Click();

        Assert.Equal([(41L, 1), (41L, 3)], _decisions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    public void NoSuggestionOrTheSameType_HasNoAcceptButton(int? suggested)
    {
        SignIn("analyst");
        Assert.Empty(Render(Item(suggested)).FindAll("[data-testid=review-accept]"));
    }

    [Fact]
    public async Task Correction_SearchesTheTypesByAnyPartOfTheName()
    {
        SignIn("analyst");
        var cut = Render(Item(suggested: null));

        await cut.InvokeAsync(() => cut.Find("input[data-testid=review-correct]").Input("ЛИФТ"));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".mud-popover-open .mud-list-item")));
        await cut.InvokeAsync(() => cut.Find(".mud-popover-open .mud-list-item").Click());

        cut.WaitForAssertion(() => Assert.Equal([(41L, 2)], _decisions));
    }

    [Fact]
    public void Reader_WithoutTheRole_SeesNoButtons()
    {
        SignIn(null);
        var cut = Render(Item(suggested: 3));

        Assert.Empty(cut.FindAll("button"));
        Assert.Empty(cut.FindAll("[data-testid=access-hint]"));
    }
}
