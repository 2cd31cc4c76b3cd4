using IKomek.Dashboard.Features.Projects.Editing;
using IKomek.Dashboard.Tests.Infrastructure;
using static IKomek.Dashboard.Tests.Features.Projects.Editing.EditingFixture;

namespace IKomek.Dashboard.Tests.Features.Projects.Editing;

/// <summary>A project's form saves: every rule on a real database, the baseline, plan changes with their reason, the audit log.</summary>
public sealed class ProjectEditorTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    [Fact]
    public async Task NewProject_IsSaved_WithItsPlanAsBaseline_WhoAndWhen_AndAnAuditEntry()
    {
        var draft = await ValidAsync(city.DataSource, "ED-NEW-1");

        var result = await Editor(city.DataSource).SaveAsync(draft, Office);

        Assert.True(result.Saved, string.Join("; ", result.Errors));
        var row = await ScalarAsync<string>(city.DataSource, """
            SELECT concat_ws('|', baseline_start_date, baseline_end_date, baseline_budget_kzt, forecast_end_date, updated_by, updated_at IS NOT NULL, storeys, capacity_unit)
            FROM projects WHERE id = @id
            """, new { id = result.ProjectId });
        Assert.Equal("2026-04-01|2027-08-31|12500000000|2027-08-31|project.office|t|3|places", row);
        var audit = Assert.Single(await AuditRows.AboutAsync(city.DataSource, "project", "ED-NEW-1"));
        Assert.Equal(("project.office", "project_office", "project.create"), (audit.Actor, audit.Role, audit.Action));
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "end before start", "planned_end_date", "endBeforeStart" },
        { "negative budget", "budget_kzt", "negative" },
        { "negative spent", "spent_kzt", "negative" },
        { "progress 101", "progress_pct", "percent" },
        { "progress -1", "progress_pct", "percent" },
        { "unknown department", "department", "unknownDepartment" },
        { "unknown deputy", "deputy", "unknownDeputy" },
        { "no deputy", "deputy", "required" },
        { "unknown district", "district", "unknownDistrict" },
        { "point outside", "lat", "pointOutside" },
        { "lat without lon", "lon", "pointHalf" },
        { "empty Kazakh name", "name_kk", "required" },
        { "no end", "planned_end_date", "required" },
        { "storeys 0", "storeys", "storeys" },
        { "capacity without unit", "capacity_unit", "capacityHalf" },
        { "unknown group", "group", "unknownGroup" },
        { "unknown status", "status", "unknownStatus" },
        { "code with a space", "code", "codeFormat" },
        { "duplicate code", "code", "duplicateCode" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInput_IsRefusedWithItsField_AndNothingIsStored(string spoil, string field, string code)
    {
        var draft = await ValidAsync(city.DataSource, "ED-BAD-" + Math.Abs(spoil.GetHashCode()) % 100000);
        Action<ProjectDraft> change = spoil switch
        {
            "end before start" => d => d.PlannedEndDate = new DateTime(2026, 3, 1),
            "negative budget" => d => d.BudgetKzt = -1,
            "negative spent" => d => d.SpentKzt = -5,
            "progress 101" => d => d.ProgressPct = 101,
            "progress -1" => d => d.ProgressPct = -1,
            "unknown department" => d => d.DepartmentId = 999,
            "unknown deputy" => d => d.DeputyId = 999,
            "no deputy" => d => d.DeputyId = null,
            "unknown district" => d => d.DistrictId = 999,
            "point outside" => d => (d.Lat, d.Lon) = (43.24, 76.89),
            "lat without lon" => d => d.Lon = null,
            "empty Kazakh name" => d => d.NameKk = "  ",
            "no end" => d => d.PlannedEndDate = null,
            "storeys 0" => d => d.Storeys = 0,
            "capacity without unit" => d => d.CapacityUnit = null,
            "unknown group" => d => d.Group = "bridges",
            "unknown status" => d => d.Status = "frozen",
            "code with a space" => d => d.Code = "ED 1",
            "duplicate code" => d => d.Code = ScalarAsync<string>(city.DataSource, "SELECT min(code) FROM projects").GetAwaiter().GetResult(),
            _ => throw new ArgumentOutOfRangeException(nameof(spoil)),
        };
        change(draft);
        var before = await ScalarAsync<long>(city.DataSource, "SELECT count(*) FROM projects");

        var result = await Editor(city.DataSource).SaveAsync(draft, Office);

        Assert.False(result.Saved);
        Assert.Equal((field, code), (result.Errors[0].Field, result.Errors[0].Code));
        Assert.Single(result.Errors);
        Assert.Equal(before, await ScalarAsync<long>(city.DataSource, "SELECT count(*) FROM projects"));
    }

    [Fact]
    public async Task EndBeforeStart_SaysBothDates_InTheReadersLanguage()
    {
        var draft = await ValidAsync(city.DataSource, "ED-MSG-1");
        draft.PlannedEndDate = new DateTime(2026, 3, 1);

        var error = Assert.Single((await Editor(city.DataSource).SaveAsync(draft, Office)).Errors);

        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new("ru-KZ");
        Assert.Equal("Окончание 01.03.2026 раньше начала 01.04.2026.", EditingTexts.Message(new IKomek.Dashboard.Platform.Localization.Texts(), error.Code, error.Args));
    }

    [Fact]
    public async Task ChangeOfTheEnd_NeedsAReason_ThenWritesAPlanChange_AndKeepsTheBaseline()
    {
        var editor = Editor(city.DataSource);
        var created = await editor.SaveAsync(await ValidAsync(city.DataSource, "ED-PLAN-1"), Office);
        var draft = (await editor.LoadAsync("ED-PLAN-1"))!;
        draft.PlannedEndDate = new DateTime(2027, 12, 31);
        draft.BudgetKzt = 13_000_000_000m;

        var refused = await editor.SaveAsync(draft, Office);
        Assert.Equal(("plan_change_reason", "reasonRequired"), (refused.Errors[0].Field, refused.Errors[0].Code));
        Assert.Equal("2027-08-31", await ScalarAsync<string>(city.DataSource, "SELECT planned_end_date::text FROM projects WHERE code = 'ED-PLAN-1'"));

        draft.PlanChangeReason = "Перенос срока поставки лифтов";
        var saved = await editor.SaveAsync(draft, Office);

        Assert.True(saved.Saved);
        Assert.Equal(created.ProjectId, saved.ProjectId);
        var changes = await ScalarAsync<string>(city.DataSource, """
            SELECT string_agg(concat_ws('|', field, old_value, new_value, reason, changed_by), ';' ORDER BY field)
            FROM project_plan_changes WHERE project_id = @id
            """, new { id = saved.ProjectId });
        Assert.Equal("budget_kzt|12500000000|13000000000|Перенос срока поставки лифтов|project.office;" +
                     "planned_end_date|2027-08-31|2027-12-31|Перенос срока поставки лифтов|project.office", changes);
        Assert.Equal("2026-04-01|2027-08-31|12500000000|2027-12-31", await ScalarAsync<string>(city.DataSource,
            "SELECT concat_ws('|', baseline_start_date, baseline_end_date, baseline_budget_kzt, planned_end_date) FROM projects WHERE code = 'ED-PLAN-1'"));
        var audit = await AuditRows.AboutAsync(city.DataSource, "project", "ED-PLAN-1");
        Assert.Equal(["project.create", "project.change"], audit.Select(a => a.Action));
        Assert.Equal("Перенос срока поставки лифтов", audit[1].Detail("reason"));
    }

    [Fact]
    public async Task EditOfOtherFields_NeedsNoReason_AndWritesNoPlanChange()
    {
        var editor = Editor(city.DataSource);
        var id = (await editor.SaveAsync(await ValidAsync(city.DataSource, "ED-FIELDS-1"), Office)).ProjectId;
        var draft = (await editor.LoadAsync("ED-FIELDS-1"))!;
        draft.ProgressPct = 12.5m;
        draft.Status = "active";

        Assert.True((await editor.SaveAsync(draft, Office)).Saved);
        Assert.Equal(0L, await ScalarAsync<long>(city.DataSource, "SELECT count(*) FROM project_plan_changes WHERE project_id = @id", new { id }));
        Assert.Equal("12.5|active|2026-04-01", await ScalarAsync<string>(city.DataSource,
            "SELECT concat_ws('|', progress_pct, status, actual_start_date) FROM projects WHERE id = @id", new { id }));
    }
}
