using Bunit;
using IKomek.Dashboard.Components.Shared;

namespace IKomek.Dashboard.Tests.Components;

public sealed class SharedComponentsTests : MudContext
{
    private static readonly DateTimeOffset ReadAt = new(2026, 12, 7, 9, 41, 5, TimeSpan.FromHours(5));

    [Fact]
    public void Panel_WithTitleAndTime_ShowsHeadingContentAndFreshness()
    {
        var cut = Ctx.Render<Panel>(p => p
            .Add(x => x.Title, "Каналы сегодня")
            .Add(x => x.AsOf, ReadAt)
            .AddChildContent("<p class=\"inside\">7</p>"));

        Assert.Equal("Каналы сегодня", cut.Find("h2.panel-title").TextContent);
        Assert.Equal("Каналы сегодня", cut.Find("[role=region]").GetAttribute("aria-label"));
        Assert.Equal("7", cut.Find(".panel-body .inside").TextContent);
        Assert.Equal("09:41:05", cut.Find("[data-testid=freshness]").TextContent);
        Assert.DoesNotContain("tile-stale", cut.Find("[role=region]").ClassName);
    }

    [Fact]
    public void Panel_Stale_GreysOut()
    {
        var cut = Ctx.Render<Panel>(p => p.Add(x => x.Title, "Районы").Add(x => x.AsOf, ReadAt).Add(x => x.Stale, true));

        Assert.Contains("tile-stale", cut.Find("[role=region]").ClassName);
        Assert.Equal("true", cut.Find("[data-testid=freshness]").GetAttribute("data-stale"));
    }

    [Fact]
    public void StatCard_Fresh_ShowsTheNumberItsToneAndItsDrillLink()
    {
        var cut = Ctx.Render<StatCard>(p => p
            .Add(x => x.Label, "Просрочено сейчас")
            .Add(x => x.Value, "4")
            .Add(x => x.Tone, "bad")
            .Add(x => x.TestId, "live-overdue")
            .Add(x => x.Href, "appeals?period=all&overdue=true")
            .Add(x => x.AsOf, ReadAt));

        var card = cut.Find("[role=group]");
        Assert.Equal("Просрочено сейчас", card.GetAttribute("aria-label"));
        Assert.Contains("stat-bad", card.ClassName);
        Assert.DoesNotContain("tile-stale", card.ClassName);
        var value = cut.Find("[data-testid=live-overdue]");
        Assert.Equal("a", value.TagName, ignoreCase: true);
        Assert.Equal("appeals?period=all&overdue=true", value.GetAttribute("href"));
        Assert.Equal("4", value.TextContent);
        Assert.Equal("false", cut.Find("[data-testid=freshness]").GetAttribute("data-stale"));
    }

    [Fact]
    public void StatCard_Stale_GreysOutAndSaysSince()
    {
        var cut = Ctx.Render<StatCard>(p => p
            .Add(x => x.Label, "Обращений сегодня")
            .Add(x => x.Value, "1 204")
            .Add(x => x.AsOf, ReadAt)
            .Add(x => x.Stale, true));

        Assert.Contains("tile-stale", cut.Find("[role=group]").ClassName);
        var mark = cut.Find("[data-testid=freshness]");
        Assert.Equal("true", mark.GetAttribute("data-stale"));
        Assert.Contains("is-stale", mark.ClassName);
        Assert.Contains("09:41", mark.TextContent);
        // Without a link the number is plain text.
        Assert.Empty(cut.FindAll("a.stat-value"));
    }

    [Fact]
    public void Freshness_WithoutTime_ShowsNothing()
    {
        var cut = Ctx.Render<Freshness>();

        Assert.Empty(cut.FindAll("[data-testid=freshness]"));
    }

    [Fact]
    public void Freshness_FreshAndStale_DifferInTextTitleAndMark()
    {
        var fresh = Ctx.Render<Freshness>(p => p.Add(x => x.AsOf, ReadAt));
        var stale = Ctx.Render<Freshness>(p => p.Add(x => x.AsOf, ReadAt).Add(x => x.Stale, true));

        var f = fresh.Find("[data-testid=freshness]");
        var s = stale.Find("[data-testid=freshness]");
        Assert.Equal("09:41:05", f.TextContent);
        Assert.DoesNotContain("is-stale", f.ClassName);
        Assert.Contains("is-stale", s.ClassName);
        Assert.NotEqual(f.TextContent, s.TextContent);
        Assert.NotEqual(f.GetAttribute("title"), s.GetAttribute("title"));
    }

    [Fact]
    public void RankedBars_LinkedItems_DrillFromTheirNumbers()
    {
        var cut = Ctx.Render<RankedBars>(p => p
            .Add(x => x.Title, "Каналы")
            .Add(x => x.Items, [new RankedBars.Item("Контакт-центр 109", 7, "appeals?period=today&channel=1"), new RankedBars.Item("Telegram", 2)]));

        var rows = cut.FindAll("li");
        Assert.Equal(2, rows.Count);
        Assert.Equal("appeals?period=today&channel=1", rows[0].QuerySelector("a.ranked-value")!.GetAttribute("href"));
        Assert.Null(rows[1].QuerySelector("a"));
    }

    [Fact]
    public void StatusBadge_NamesTheStatusInRussian()
    {
        var cut = Ctx.Render<StatusBadge>(p => p.Add(x => x.Status, "assigned"));

        Assert.Equal("Назначено", cut.Find(".status-badge").TextContent.Trim());
    }
}
