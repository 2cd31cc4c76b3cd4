using Bunit;
using IKomek.Dashboard.Features.SystemicProblems;

namespace IKomek.Dashboard.Tests.Components.SystemicProblems;

/// <summary>The small pieces of the problem pages, rendered with plain parameters.</summary>
public sealed class ProblemPartsTests : MudComponentTest
{
    [Fact]
    public void ScoreBars_ClampTheComponentsAndNameTheVulnerablePart()
    {
        var cut = Context.Render<ScoreBars>(p => p
            .Add(x => x.Score, 71.14m).Add(x => x.Recurrence, 0.8m).Add(x => x.Resonance, 1.7m).Add(x => x.Criticality, -0.2m).Add(x => x.Vulnerable, 0.4m));

        Assert.Equal("71,1", cut.Find(".total").TextContent);
        var fills = cut.FindAll(".fill").Select(f => f.GetAttribute("style")).ToList();
        Assert.Equal(["width:80%", "width:100%", "width:0%"], fills);
        Assert.Contains("уязвимые жители: 0,40", cut.FindAll(".bar")[2].GetAttribute("title"));
    }

    [Fact]
    public void ScoreParts_ListThePartsInTheFormulasOrder()
    {
        var problem = Problem() with
        {
            Recurrence = 0.5m,
            RecurrenceParts = """{"growth": 0.1, "weeks": 0.9, "duration": 0.3}""",
            CriticalityParts = """{"vulnerable": 0.4}""",
        };

        var cut = Context.Render<ScoreParts>(p => p.Add(x => x.Problem, problem));

        Assert.Equal(3, cut.FindAll(".component").Count);
        Assert.Equal("width:50%", cut.Find(".fill.recurrence").GetAttribute("style"));
        var recurrenceParts = cut.FindAll(".component")[0].QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, recurrenceParts.Count);
        Assert.StartsWith("недели выше нормы", recurrenceParts[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("уязвимые жители", cut.Markup);
    }

    [Fact]
    public void Sparkline_DrawsALineFromTwoWeeks_AndNothingFromOne()
    {
        var line = Context.Render<Sparkline>(p => p.Add(x => x.Values, [0, 4, 2]).Add(x => x.Label, "trend"));
        var single = Context.Render<Sparkline>(p => p.Add(x => x.Values, [3]).Add(x => x.Label, "trend"));

        Assert.Equal("1,24 55,2 109,13", line.Find("polyline").GetAttribute("points"));
        Assert.Null(line.Find("polyline").GetAttribute("stroke"));
        Assert.Equal("trend", line.Find("svg").GetAttribute("aria-label"));
        Assert.Empty(single.FindAll("polyline"));
    }

    [Theory]
    [InlineData("identified", "mud-chip-color-info", "Выявлена")]
    [InlineData("verified", "mud-chip-color-success", "Проверена")]
    [InlineData("reopened", "mud-chip-color-error", "Вернулась")]
    [InlineData("in_work", "mud-chip-color-warning", "В работе")]
    [InlineData("dismissed", "mud-chip-color-default", "Отклонена")]
    public void ProblemStatusBadge_ColoursEachStatusFromTheTheme(string status, string colourClass, string text)
    {
        var cut = Context.Render<ProblemStatusBadge>(p => p.Add(x => x.Status, status));

        var chip = cut.Find("[data-testid=problem-status]");
        Assert.Contains(colourClass, chip.ClassList);
        Assert.Equal(status, chip.GetAttribute("data-status"));
        Assert.StartsWith(text, chip.TextContent.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    internal static ProblemDetail Problem() => new(
        7, "Нет отопления · ул. Достык, 10", 1, 1, 1, "ул. Достык, 10", 51.13, 71.43, "identified", null, 0.6m, 0.4m, 0.3m, 48.2m,
        40, 35, 6, 1.5m, false, true, 1, DateTime.UtcNow.AddDays(-60), DateTime.UtcNow, DateTime.UtcNow.AddDays(-30),
        null, null, null, null, null, null, null, null, null);
}
