using IKomek.Dashboard.Features.Projects.Editing;
using IKomek.Dashboard.Tests.Infrastructure;
using static IKomek.Dashboard.Tests.Features.Projects.Editing.EditingFixture;

namespace IKomek.Dashboard.Tests.Features.Projects.Editing;

/// <summary>Milestones, risks and results of a project: their rules and their record of who changed them.</summary>
public sealed class ProjectPartsTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private static readonly DateTime Today = TestClock.Now.Date;

    private async Task<int> ProjectAsync(string code) =>
        (await Editor(city.DataSource).SaveAsync(await ValidAsync(city.DataSource, code), Office)).ProjectId!.Value;

    [Fact]
    public async Task Milestone_AddRenameMarkDone_AndADoneDateInTheFutureIsRefused()
    {
        var id = await ProjectAsync("ED-MS-1");
        var parts = Parts(city.DataSource);
        Assert.Empty(await parts.SaveMilestoneAsync(id, new MilestoneDraft { Name = "Котлован", DueDate = new DateTime(2026, 6, 1) }, Office));
        var m = Assert.Single((await parts.LoadAsync(id)).Milestones);

        m.Name = "Котлован и фундамент";
        m.DoneDate = Today.AddDays(1);
        var refused = Assert.Single(await parts.SaveMilestoneAsync(id, m, Office));
        Assert.Equal(("done_date", "doneInFuture"), (refused.Field, refused.Code));
        Assert.Equal("Котлован", Assert.Single((await parts.LoadAsync(id)).Milestones).Name);

        m.DoneDate = Today;
        Assert.Empty(await parts.SaveMilestoneAsync(id, m, Office));
        var saved = Assert.Single((await parts.LoadAsync(id)).Milestones);
        Assert.Equal(("Котлован и фундамент", Today), (saved.Name, saved.DoneDate));
        Assert.Equal("project.office", await ScalarAsync<string>(city.DataSource, "SELECT updated_by FROM project_milestones WHERE id = @Id", new { saved.Id }));
        Assert.Equal(["project.create", "project.change", "project.change"], (await AuditRows.AboutAsync(city.DataSource, "project", "ED-MS-1")).Select(a => a.Action));
    }

    [Fact]
    public async Task Milestone_WithoutNameOrDue_OrASecondOfTheSameName_IsRefused()
    {
        var id = await ProjectAsync("ED-MS-2");
        var parts = Parts(city.DataSource);
        Assert.Equal(["name:required", "due_date:required"], (await parts.SaveMilestoneAsync(id, new MilestoneDraft(), Office)).Select(e => e.Field + ":" + e.Code));
        Assert.Empty(await parts.SaveMilestoneAsync(id, new MilestoneDraft { Name = "Сдача", DueDate = new DateTime(2027, 8, 1) }, Office));
        Assert.Equal("duplicateMilestone", Assert.Single(await parts.SaveMilestoneAsync(id, new MilestoneDraft { Name = "Сдача", DueDate = new DateTime(2027, 9, 1) }, Office)).Code);
    }

    [Theory]
    [InlineData("severity 4", "severity", "severity")]
    [InlineData("closed tomorrow", "closed_on", "closedInFuture")]
    [InlineData("meeting without owner", "owner", "meetingNeedsOwner")]
    [InlineData("unknown kind", "kind", "unknownKind")]
    [InlineData("no title", "title", "required")]
    public async Task Risk_BadInput_IsRefused_AndNothingIsStored(string spoil, string field, string code)
    {
        var id = await ProjectAsync("ED-RK-" + field + code.Length);
        var risk = new RiskDraft { Title = "Срыв поставки металлоконструкций", Severity = 3, Owner = "Ахметов Е.", DueDate = new DateTime(2026, 5, 15) };
        switch (spoil)
        {
            case "severity 4": risk.Severity = 4; break;
            case "closed tomorrow": risk.ClosedOn = Today.AddDays(1); break;
            case "meeting without owner": (risk.ToMeeting, risk.Owner) = (true, " "); break;
            case "unknown kind": risk.Kind = "threat"; break;
            case "no title": risk.Title = ""; break;
        }

        var error = Assert.Single(await Parts(city.DataSource).SaveRiskAsync(id, risk, Office));

        Assert.Equal((field, code), (error.Field, error.Code));
        Assert.Empty((await Parts(city.DataSource).LoadAsync(id)).Risks);
    }

    [Fact]
    public async Task Risk_AddedThenClosed_IsNoLongerOpen()
    {
        var id = await ProjectAsync("ED-RK-CLOSE");
        var parts = Parts(city.DataSource);
        Assert.Empty(await parts.SaveRiskAsync(id, new RiskDraft { Title = "Нет разрешения на вырубку", Kind = "issue", Severity = 3, Owner = "Ахметов Е.",
            DueDate = new DateTime(2026, 4, 20), ToMeeting = true }, Office));
        var risk = Assert.Single((await parts.LoadAsync(id)).Risks);
        risk.ClosedOn = Today;

        Assert.Empty(await parts.SaveRiskAsync(id, risk, Office));
        Assert.Equal("f|issue|t|2026-03-31|project.office", await ScalarAsync<string>(city.DataSource,
            "SELECT concat_ws('|', is_open, kind, to_meeting, closed_on, updated_by) FROM project_risks WHERE id = @Id", new { risk.Id }));
    }

    [Fact]
    public async Task Result_NegativePlan_IsRefused_AndAValidOneIsKept()
    {
        var id = await ProjectAsync("ED-RES-1");
        var parts = Parts(city.DataSource);
        var result = new ResultDraft { Kind = "direct", NameRu = "Ученических мест", NameKk = "Оқушы орындары", NameEn = "School places", Unit = "мест", Planned = -1 };

        Assert.Equal(("planned", "negative"), Assert.Single(await parts.SaveResultAsync(id, result, Office)) is var e ? (e.Field, e.Code) : default);
        result.Planned = 1200;
        result.Achieved = 0;
        Assert.Empty(await parts.SaveResultAsync(id, result, Office));
        Assert.Equal(1200m, Assert.Single((await parts.LoadAsync(id)).Results).Planned);
    }
}
