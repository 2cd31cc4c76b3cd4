using Bunit;
using IKomek.Dashboard.Components.Charts;
using IKomek.Dashboard.Features.Projects.Card;
using IKomek.Dashboard.Tests.Components;
using Plotly.Blazor.Traces;

namespace IKomek.Dashboard.Tests.Features.Projects.Card;

/// <summary>The card's components drawn from hand-made data: the schedule's chart, the results table, the photo grid.</summary>
public sealed class CardComponentsTests : MudContext
{
    private static readonly DateTime Today = new(2026, 3, 31);

    /// <summary>A delayed project: baseline 2025-01-01..2026-06-30, current plan moved to end 2026-09-30, forecast 2026-11-15.</summary>
    private static ProjectCard Project(DateTime? actualEnd = null, string status = "delayed") => new(
        7, "PRJ-007", "Школа на 1200 мест", "1200 орындық мектеп", "School for 1,200", "social", "Ерлан Сейткали", "deputy-1", "А. Нуржанов",
        3, 2, "Школа", 51.12, 71.43, null,
        new DateTime(2025, 1, 1), new DateTime(2026, 6, 30), new DateTime(2025, 2, 1), new DateTime(2026, 9, 30), new DateTime(2026, 11, 15),
        new DateTime(2025, 2, 10), actualEnd, 10_000_000_000m, 12_000_000_000m, 7_500_000_000m, 60, 70, 85.7m, status, true, 2.5m, 4, 1200, "places");

    private static readonly IReadOnlyList<Milestone> Milestones =
    [
        new(1, "Котлован", new DateTime(2025, 5, 1), new DateTime(2025, 5, 20)),
        new(2, "Каркас", new DateTime(2026, 1, 15), null),
        new(3, "Отделка", new DateTime(2026, 8, 1), null),
    ];

    [Fact]
    public void Timeline_BaselineCurrentForecastMilestonesAndToday()
    {
        var cut = Ctx.Render<CardTimeline>(p => p.Add(x => x.Project, Project()).Add(x => x.Milestones, Milestones).Add(x => x.Today, Today));

        var traces = cut.FindComponent<PlotlyChart>().Instance.Traces.Cast<Scatter>().ToList();
        Assert.Equal(["Базовый план", "Текущий план", "Прогноз", "Веха выполнена", "Веха впереди", "Веха просрочена", "Сегодня"], traces.Select(t => t.Name));
        Assert.Equal(["2025-01-01", "2026-06-30"], traces[0].X);
        Assert.Equal(["2025-02-01", "2026-09-30"], traces[1].X);
        // The forecast starts at the actual start and ends at the forecast; a delay draws it amber.
        Assert.Equal(["2025-02-10", "2026-11-15"], traces[2].X);
        Assert.Equal(ChartLayout.Palette.Amber, traces[2].Line.Color);
        // A done milestone sits at its done date; the one past due and not done is overdue.
        Assert.Equal(["2025-05-20"], traces[3].X);
        Assert.Equal(["Отделка"], traces[4].TextArray);
        Assert.Equal(["Каркас"], traces[5].TextArray);
        Assert.Equal(["2026-03-31", "2026-03-31"], traces[6].X);
    }

    [Fact]
    public void Timeline_FinishedProject_ShowsTheActualEnd()
    {
        var cut = Ctx.Render<CardTimeline>(p => p
            .Add(x => x.Project, Project(actualEnd: new DateTime(2026, 9, 1), status: "completed")).Add(x => x.Today, Today));

        var forecast = (Scatter)cut.FindComponent<PlotlyChart>().Instance.Traces[2];
        Assert.Equal("Факт", forecast.Name);
        Assert.Equal(["2025-02-10", "2026-09-01"], forecast.X);
        Assert.Equal(ChartLayout.Palette.Green, forecast.Line.Color);
    }

    [Fact]
    public void BudgetCurve_SpreadsEachPlanOverItsDates()
    {
        var curve = CardBudget.Curve(new DateTime(2025, 1, 1), new DateTime(2025, 12, 31), 3_640_000_000m);

        Assert.Equal(13, curve.Count);
        Assert.Equal((new DateTime(2025, 1, 1), 0m), curve[0]);
        // 181 of 364 days on 1 July: 3 640 m × 181 / 364.
        Assert.Equal((new DateTime(2025, 7, 1), 1810.0m), curve[6]);
        Assert.Equal((new DateTime(2025, 12, 31), 3640.0m), curve[^1]);
    }

    [Fact]
    public void Results_DirectThenFinal_PlannedAgainstAchieved()
    {
        IReadOnlyList<ProjectResult> results =
        [
            new(1, "direct", "Ученических мест", "Оқушы орындары", "School places", "мест", 1200, 900),
            new(2, "final", "Дети в школе", "Мектептегі балалар", "Children in school", "чел.", 1200, null),
        ];

        var cut = Ctx.Render<CardResults>(p => p.Add(x => x.Results, results));

        var rows = cut.FindAll("[data-testid=card-results] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("direct", rows[0].GetAttribute("data-kind"));
        // Whitespace collapsed: the thousands separator of ru-KZ is a no-break space.
        var cells = rows[0].QuerySelectorAll("td").Select(c => System.Text.RegularExpressions.Regex.Replace(c.TextContent.Trim(), @"\s+", " "));
        Assert.Equal(["Прямой Ученических мест", "1 200 мест", "900 мест", "75 %"], cells);
        Assert.Equal("—", rows[1].QuerySelectorAll("td")[2].TextContent.Trim());
    }

    [Fact]
    public void Results_None_SaysSo()
    {
        var cut = Ctx.Render<CardResults>(p => p.Add(x => x.Results, []));

        Assert.Contains("Результаты не заданы", cut.Markup);
    }

    [Fact]
    public void Photos_ThumbnailsOpenTheFullImageAndClose()
    {
        IReadOnlyList<PhotoInfo> photos = [new(11, new DateTime(2026, 1, 15), "", 800, 600), new(12, new DateTime(2026, 3, 1), "Фасад", 800, 600)];

        var cut = Ctx.Render<CardPhotos>(p => p.Add(x => x.Photos, photos));

        Assert.Equal(["projects/photos/11/thumb", "projects/photos/12/thumb"], cut.FindAll(".thumb img").Select(i => i.GetAttribute("src")));
        Assert.Equal("Фото от 15.01.2026", cut.Find(".thumb img").GetAttribute("alt"));
        Assert.Empty(cut.FindAll("[data-testid=card-photo-viewer]"));

        cut.Find("[data-photo='12']").Click();

        var viewer = cut.Find("[data-testid=card-photo-viewer]");
        Assert.Equal("projects/photos/12", viewer.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("Фасад · 01.03.2026", viewer.QuerySelector("figcaption")!.TextContent);

        cut.Find(".viewer .close").Click();
        Assert.Empty(cut.FindAll("[data-testid=card-photo-viewer]"));
    }

    [Fact]
    public void Site_OutlineDrawnAroundThePoint()
    {
        var line = Project() with { Outline = """{"type":"LineString","coordinates":[[71.425,51.12],[71.435,51.12]]}""" };

        var cut = Ctx.Render<CardSite>(p => p.Add(x => x.Project, line));

        Assert.Equal("line", cut.Find("[data-testid=card-site]").GetAttribute("data-kind"));
        Assert.Equal(2, cut.Find("polyline").GetAttribute("points")!.Split(' ').Length);
        Assert.Contains("51.12000, 71.43000", cut.Find("[data-testid=card-coordinates]").TextContent);
    }

    [Fact]
    public void SiteSketch_PolygonAndBadOutlines()
    {
        var polygon = SiteSketch.Of(51.12, 71.43, """{"type":"Polygon","coordinates":[[[71.43,51.121],[71.431,51.12],[71.43,51.119],[71.43,51.121]]]}""", 500);
        // 1 m of latitude north of the point is drawn above the centre; the 500 m circle fits with its margin.
        Assert.Equal("polygon", polygon.Kind);
        Assert.True(polygon.Points[0].Y < SiteSketch.Centre);
        Assert.Equal(SiteSketch.Centre / 1.15, polygon.RadiusPx, 3);

        Assert.Equal("point", SiteSketch.Of(51.12, 71.43, "not json", 500).Kind);
        Assert.Equal("point", SiteSketch.Of(51.12, 71.43, """{"type":"MultiPoint","coordinates":[]}""", 500).Kind);
    }
}
