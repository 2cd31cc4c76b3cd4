using Bunit;
using IKomek.Dashboard.Features.Live;

namespace IKomek.Dashboard.Tests.Components;

public sealed class CriticalIncidentsListTests : MudContext
{
    private static CriticalIncident Incident(string reg, long reports, int minutesAgo) =>
        new(1, reg, DateTime.UtcNow.AddHours(-3), 1, 1, "ул. Шокая, 10", "registered", reports, DateTime.UtcNow.AddMinutes(-minutesAgo));

    [Fact]
    public void CriticalIncidentsList_RepeatReports_ShowAsOneRowWithTheirCount()
    {
        var cut = Ctx.Render<CriticalIncidentsList>(p => p.Add(x => x.Incidents, [Incident("109-2026-0000101", 3, 5), Incident("109-2026-0000090", 1, 40)]));

        var rows = cut.FindAll("[data-testid=critical-incidents] li");
        Assert.Equal(2, rows.Count);
        Assert.Equal("×3", rows[0].QuerySelector("[data-testid=incident-reports]")!.TextContent.Trim());
        Assert.Null(rows[1].QuerySelector("[data-testid=incident-reports]"));
        // The row opens the incident's first report, whose page lists the repeats.
        Assert.Equal("appeals/109-2026-0000101", rows[0].QuerySelector("a.type")!.GetAttribute("href"));
    }

    [Fact]
    public void CriticalIncidentsList_MoreThanFit_SaysHowManyMoreAndLinksToThem()
    {
        var cut = Ctx.Render<CriticalIncidentsList>(p => p
            .Add(x => x.Incidents, Enumerable.Range(1, 6).Select(i => Incident($"109-2026-00001{i:00}", 1, i)).ToList())
            .Add(x => x.Limit, 4));

        Assert.Equal(4, cut.FindAll("[data-testid=critical-incidents] li").Count);
        var more = cut.Find("[data-testid=critical-more]");
        Assert.Equal("ещё 2 →", more.TextContent);
        Assert.Equal(LiveDrill.CriticalToday(), more.GetAttribute("href"));
    }

    private static SystemIncident Alert(string rule, string? objectName, long[] appeals, int minutesAgo, string? reg = null) => new()
    {
        Id = 7, SystemCode = "manholes", RuleCode = rule, NameRu = "Открыт люк", NameKk = "Люк ашық", NameEn = "Manhole cover open",
        OpenedAt = DateTime.UtcNow.AddMinutes(-minutesAgo), LastAt = DateTime.UtcNow.AddMinutes(-minutesAgo), DistrictId = null,
        ObjectName = objectName, AppealIds = appeals, FirstRegNumber = reg, ProblemIds = [],
    };

    [Fact]
    public void CriticalIncidentsList_SystemAlert_StandsWithItsAppeals_InTimeOrder()
    {
        var cut = Ctx.Render<CriticalIncidentsList>(p => p
            .Add(x => x.Incidents, [Incident("109-2026-0000101", 1, 30)])
            .Add(x => x.Alerts, [Alert("manholes.cover_open", "Люк МК-17", [11, 12], 5, "109-2026-0000120"), Alert("manholes.cover_open", null, [], 60)]));

        var rows = cut.FindAll("[data-testid=critical-incidents] li");
        Assert.Equal(3, rows.Count);
        Assert.Equal("system-incident", rows[0].GetAttribute("data-testid"));
        Assert.Equal("Открыт люк", rows[0].QuerySelector("a.type")!.TextContent);
        Assert.Contains("Люк МК-17", rows[0].QuerySelector(".where")!.TextContent);
        // The sensor and two citizens: one incident of three reports, opening the first citizen's report.
        Assert.Equal("×3", rows[0].QuerySelector("[data-testid=incident-reports]")!.TextContent.Trim());
        Assert.Equal("appeals/109-2026-0000120", rows[0].QuerySelector("a.type")!.GetAttribute("href"));
        Assert.Null(rows[1].GetAttribute("data-rule"));
        // No appeals: the system's page; no object named (a personal system's alert has none).
        Assert.Equal("systems/manholes", rows[2].QuerySelector("a.type")!.GetAttribute("href"));
        Assert.Equal("", rows[2].QuerySelector(".where")!.TextContent.Trim());
    }
}
