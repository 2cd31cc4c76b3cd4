using Bunit;
using IKomek.Dashboard.Features.CitySystems.Panels;

namespace IKomek.Dashboard.Tests.Components.CitySystems;

/// <summary>A system's tile on the overview, and its freshness in words.</summary>
public sealed class SystemTileTests : MudContext
{
    private static readonly DateTimeOffset Now = new(2026, 3, 31, 14, 0, 0, TimeSpan.FromHours(5));

    private static SystemStatus Manholes(DateTime? lastAt, long critical = 2) => new("manholes", "feed", "point", null, false, 7,
        "Мониторинг люков", "Люктерді бақылау", "Manhole cover monitoring", "ГКП «Астана Су Арнасы»", "«Астана Су Арнасы» МКК", "Astana Su Arnasy",
        TimeSpan.FromMinutes(30), 3200, critical, 1, lastAt);

    [Fact]
    public void Fresh_ShowsCountsAndHowLongAgoInAstanaTime()
    {
        var cut = Ctx.Render<SystemTile>(p => p.Add(x => x.System, Manholes(Now.UtcDateTime.AddMinutes(-12))).Add(x => x.Now, Now));

        var tile = cut.Find("[data-testid=system-tile]");
        Assert.Equal("systems/manholes", tile.GetAttribute("href"));
        Assert.Equal("false", tile.GetAttribute("data-stale"));
        Assert.Contains("has-critical", tile.ClassName);
        Assert.Equal("Мониторинг люков", cut.Find(".tile-name").TextContent);
        Assert.Equal("3\u00a0200", cut.Find("[data-testid=tile-objects]").TextContent);
        Assert.Equal("2", cut.Find("[data-testid=tile-critical]").TextContent);
        Assert.Equal("1", cut.Find("[data-testid=tile-warning]").TextContent);
        Assert.Equal("данные 12 мин назад, в 13:48", cut.Find("[data-testid=tile-freshness]").TextContent);
    }

    [Fact]
    public void SilentPastItsLimit_GreysOutAndSaysSinceWhen()
    {
        var cut = Ctx.Render<SystemTile>(p => p.Add(x => x.System, Manholes(Now.UtcDateTime.AddMinutes(-31), critical: 0)).Add(x => x.Now, Now));

        var tile = cut.Find("[data-testid=system-tile]");
        Assert.Equal("true", tile.GetAttribute("data-stale"));
        Assert.Contains("tile-stale", tile.ClassName);
        Assert.DoesNotContain("has-critical", tile.ClassName);
        Assert.Equal("нет данных с 31.03.2026 13:29", cut.Find("[data-testid=tile-freshness]").TextContent);
    }

    [Fact]
    public void NeverHeardFrom_IsStaleWithNoTime()
    {
        var cut = Ctx.Render<SystemTile>(p => p.Add(x => x.System, Manholes(null)).Add(x => x.Now, Now));

        Assert.Equal("true", cut.Find("[data-testid=system-tile]").GetAttribute("data-stale"));
        Assert.Equal("данных ещё не было", cut.Find("[data-testid=tile-freshness]").TextContent);
    }

    [Theory]
    [InlineData(5, "5 мин")]
    [InlineData(180, "3 ч")]
    [InlineData(60 * 24 * 3, "3 сут.")]
    public void Ago_PicksMinutesHoursOrDays(int minutes, string expected) =>
        Assert.Equal(expected, SystemFreshness.Ago(new IKomek.Dashboard.Platform.Localization.Texts(), TimeSpan.FromMinutes(minutes)));
}
