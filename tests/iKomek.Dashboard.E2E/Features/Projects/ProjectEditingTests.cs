using System.Text;
using Dapper;
using IKomek.Dashboard.E2E.Infrastructure;
using IKomek.Dashboard.E2E.Pages;
using IKomek.Dashboard.Features.DemoCity;
using ProjectCsv = IKomek.Dashboard.Features.Projects.Editing.ProjectCsv;
using Microsoft.Playwright;

namespace IKomek.Dashboard.E2E.Features.Projects;

/// <summary>The project office at work in a real browser: a new project, a plan change with its reason, a milestone, a photo; the CSV import and exports.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ProjectEditingTests(DashboardFixture fixture)
{
    private static byte[] Png(int width, int height)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (int y = 0, o = 0; y < height; y++)
        {
            raw[o++] = 0;
            for (var x = 0; x < width; x++) (raw[o++], raw[o++], raw[o++]) = ((byte)(x * 255 / width), (byte)(y * 255 / height), 160);
        }
        return IKomek.Dashboard.Platform.Images.Png.Encode(width, height, 2, raw);
    }

    [Fact]
    public async Task ProjectOffice_CreatesAProject_MovesItsEndWithAReason_AddsAMilestone_AndUploadsAPhoto()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var (department, deputy) = await conn.QuerySingleAsync<(string, string)>(
            "SELECT (SELECT name_ru FROM departments ORDER BY id LIMIT 1), (SELECT full_name FROM deputies ORDER BY id LIMIT 1)");
        var form = await ProjectEditPage.OpenNewAsync(fixture, "project.office");

        await form.FillAsync("editing-code", "E2E-SCHOOL-1");
        await form.FillAsync("editing-name-ru", "Школа на 900 мест в жилом массиве Тельмана");
        await form.FillAsync("editing-name-kk", "Тельман тұрғын алабындағы 900 орындық мектеп");
        await form.FillAsync("editing-name-en", "School for 900 pupils in Telman");
        await form.ChooseAsync("Группа", "Социальный блок");
        await form.ChooseAsync("Ответственное управление", department);
        await form.ChooseAsync("Курирующий заместитель акима", deputy);
        await form.FillAsync("editing-head", "Сейткали Арман");
        await form.FillDateAsync("editing-start", "01.04.2026");
        await form.FillDateAsync("editing-end", "31.08.2027");
        await form.FillAsync("editing-budget", "9500000000");
        await form.Save.ClickAsync();

        await Assertions.Expect(form.Heading).ToHaveTextAsync("Изменение проекта E2E-SCHOOL-1");
        Assert.EndsWith("/projects/E2E-SCHOOL-1/edit", form.Page.Url);
        // The saved project's form is back once its parts show (they come with a stored project only).
        await form.Page.GetByTestId("editing-milestones").WaitForAsync();

        // The end moves: the form asks why, and the change is listed with its reason.
        await form.FillDateAsync("editing-end", "15.12.2027");
        await form.FillAsync("editing-reason", "Перенос поставки лифтового оборудования");
        await form.Save.ClickAsync();
        await Assertions.Expect(form.PlanChanges).ToContainTextAsync("2027-08-31");
        await Assertions.Expect(form.PlanChanges).ToContainTextAsync("2027-12-15");
        await Assertions.Expect(form.PlanChanges).ToContainTextAsync("Перенос поставки лифтового оборудования");
        Assert.Equal("planned_end_date|2027-08-31|2027-12-15|project.office", await conn.ExecuteScalarAsync<string>("""
            SELECT concat_ws('|', c.field, c.old_value, c.new_value, c.changed_by) FROM project_plan_changes c JOIN projects p ON p.id = c.project_id
            WHERE p.code = 'E2E-SCHOOL-1'
            """));

        await form.AddMilestoneAsync("Устройство котлована", "01.06.2026");
        await Assertions.Expect(form.Milestones).ToHaveCountAsync(1);

        // A text file named .jpg is refused by its content; a real PNG is stored with its thumbnail.
        await form.UploadPhotoAsync(new FilePayload { Name = "site.jpg", MimeType = "image/jpeg", Buffer = Encoding.UTF8.GetBytes("not a photo") });
        await Assertions.Expect(form.PhotoError).ToContainTextAsync("не изображение JPEG, PNG или WebP");
        await form.UploadPhotoAsync(new FilePayload { Name = "site.png", MimeType = "image/png", Buffer = Png(1280, 960) });
        await Assertions.Expect(form.Photos).ToHaveCountAsync(1);
        Assert.Equal("image/png|1280|960|project.office", await conn.ExecuteScalarAsync<string>("""
            SELECT concat_ws('|', ph.content_type, ph.width, ph.height, ph.uploaded_by) FROM project_photos ph JOIN projects p ON p.id = ph.project_id
            WHERE p.code = 'E2E-SCHOOL-1'
            """));

        await form.Page.EvaluateAsync("window.scrollTo(0, 0)");
        await form.ScreenshotsAsync("project-edit");
        await form.CloseAsync();
    }

    [Fact]
    public async Task ProjectOffice_ImportsACsv_AndSeesTheRejectedRowsWithTheirReasons()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        await using var conn = await db.OpenConnectionAsync();
        var (department, deputy) = await conn.QuerySingleAsync<(string, string)>(
            "SELECT (SELECT code FROM departments ORDER BY id LIMIT 1), (SELECT code FROM deputies ORDER BY id LIMIT 1)");
        var csv = string.Join("\n",
            "code,name_ru,name_kk,name_en,group,department,deputy,district,project_head,scope,lat,lon,start_date,planned_end_date,budget_kzt,spent_kzt,progress_pct,status,area_ha,storeys,capacity,capacity_unit,is_public,plan_change_reason",
            $"E2E-IMP-1,Сквер у школы,Мектеп жанындағы скверт,Square by the school,improvement,{department},{deputy},,Ержанов Б.,,,,2026-05-01,2026-09-01,100000000,0,0,planned,1.2,,,,true,",
            $"E2E-IMP-2,Дорога,Жол,Road,roads,{department},{deputy},,Ержанов Б.,,,,2026-05-01,2026-04-01,100000000,0,0,planned,,,,,false,",
            $"E2E-IMP-3,Дорога,Жол,Road,roads,nowhere,{deputy},,Ержанов Б.,,,,2026-05-01,2026-09-01,100000000,0,140,planned,,,,,false,");
        var import = await ProjectImportPage.OpenAsync(fixture, "project.office");

        await import.ImportAsync(new FilePayload { Name = "projects.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

        Assert.Equal((3L, 1L, 0L, 2L), await import.CountsAsync());
        await Assertions.Expect(import.ReportRows).ToHaveCountAsync(2);
        await Assertions.Expect(import.Report).ToContainTextAsync("Окончание 01.04.2026 раньше начала 01.05.2026.");
        await Assertions.Expect(import.Report).ToContainTextAsync("Нет управления «nowhere».");
        Assert.Equal(1L, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM projects WHERE code LIKE 'E2E-IMP-%'"));

        await import.ScreenshotsAsync("project-import");
        await import.CloseAsync();
    }

    [Fact]
    public async Task Exports_AreTheImportsFiles_ForSignedInReadersOnly()
    {
        using var anonymous = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "192.0.2.60");
        await anonymous.GetAsync("/projects/risks.csv");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, anonymous.LastResponse!.StatusCode);

        using var reader = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "192.0.2.61");
        Assert.Null(await reader.SignInAsync("planning.office", DemoAccounts.Passwords["planning.office"]));
        var milestones = await reader.GetAsync("/projects/milestones.csv");
        var risks = await reader.GetAsync("/projects/risks.csv");

        Assert.StartsWith(string.Join(",", ProjectCsv.MilestonesHeader), milestones.TrimStart('\uFEFF'));
        Assert.StartsWith(string.Join(",", ProjectCsv.RisksHeader), risks.TrimStart('\uFEFF'));
        Assert.True(risks.Split('\n').Length > 100);
    }

    [Fact]
    public async Task Analyst_IsSentToSignIn_FromTheEditingPages()
    {
        using var analyst = new PanelHttpClient(fixture.App.BaseUrl, forwardedFor: "192.0.2.62");
        Assert.Null(await analyst.SignInAsync("analyst", DemoAccounts.Passwords["analyst"]));

        foreach (var path in new[] { ProjectEditPage.NewPath, ProjectImportPage.Path, "/projects/E2E-NONE/edit" })
        {
            await analyst.GetAsync(path);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, analyst.LastResponse!.StatusCode);
            Assert.StartsWith("/account/signin", analyst.LastResponse.Headers.Location!.OriginalString.Replace(fixture.App.BaseUrl, "", StringComparison.Ordinal));
        }
    }
}
