using System.Globalization;
using System.Text;
using IKomek.Dashboard.Features.Projects.Editing;
using IKomek.Dashboard.Platform.Csv;
using IKomek.Dashboard.Platform.Localization;
using IKomek.Dashboard.Tests.Infrastructure;
using Npgsql;
using static IKomek.Dashboard.Tests.Features.Projects.Editing.EditingFixture;

namespace IKomek.Dashboard.Tests.Features.Projects.Editing;

/// <summary>The CSV import of projects, milestones and risks: good rows kept, bad rows reported precisely and not stored.</summary>
public sealed class ProjectImportTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private const string Header = "code,name_ru,name_kk,name_en,group,department,deputy,district,project_head,scope,lat,lon,start_date,planned_end_date,budget_kzt,spent_kzt,progress_pct,status,area_ha,storeys,capacity,capacity_unit,is_public,plan_change_reason";

    private static ProjectImporter Importer(NpgsqlDataSource db) => new(db, Editor(db), Parts(db));

    private static Task<ProjectImportResult> ImportAsync(NpgsqlDataSource db, string csv, Encoding? encoding = null, string file = "projects.csv") =>
        Importer(db).ImportAsync(new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(csv)), file, Office);

    private async Task<(string Department, string Deputy, string District)> CodesAsync() => (
        await ScalarAsync<string>(city.DataSource, "SELECT code FROM departments ORDER BY id LIMIT 1"),
        await ScalarAsync<string>(city.DataSource, "SELECT code FROM deputies ORDER BY id LIMIT 1"),
        await ScalarAsync<string>(city.DataSource, "SELECT code FROM districts ORDER BY id LIMIT 1"));

    private static string Reason(ImportRowError e)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ru-KZ");
        return EditingTexts.Message(new Texts(), e.Code, e.Args);
    }

    [Fact]
    public async Task GoodRowsAreKept_BadRowsReportedWithLineColumnAndReason_AndNotStored()
    {
        var (dep, dp, di) = await CodesAsync();
        string Row(string code, string start = "2026-05-01", string end = "2027-05-01", string budget = "1000000", string pct = "0", string department = "") =>
            $"{code},Сквер,Сквер,Square,improvement,{(department.Length > 0 ? department : dep)},{dp},{di},Иванов И.,,51.1,71.4,{start},{end},{budget},0,{pct},planned,,,,,true,";
        var csv = string.Join("\n",
            Header,
            Row("CSV-OK-1"),                                  // 2: kept
            Row("CSV-BAD-1", end: "2026-04-01"),              // 3: end before start
            Row("CSV-BAD-2", budget: "-5"),                   // 4: negative budget
            Row("CSV-BAD-3", pct: "150"),                     // 5: % outside 0-100
            Row("CSV-BAD-4", department: "no_such_dept"),     // 6: unknown department
            Row("CSV-OK-1"),                                  // 7: duplicate code in the file
            Row("CSV-BAD-5", start: "31/02/2026"),            // 8: bad date
            Row("CSV-BAD-6", budget: "много"),                // 9: bad number
            Row("CSV-OK-2", start: "01.06.2026", end: "01.06.2027", budget: "2 500 000"));   // 10: kept (dotted dates, spaced number)

        var result = await ImportAsync(city.DataSource, csv, file: "good-and-bad.csv");

        Assert.Null(result.FileError);
        Assert.Equal(("projects", 9, 2, 0, 7), (result.Kind, result.RowsRead, result.Created, result.Updated, result.Rejected));
        Assert.Equal(
        [
            "3 planned_end_date Окончание 01.04.2026 раньше начала 01.05.2026.",
            "4 budget_kzt Не может быть отрицательным (-5).",
            "5 progress_pct Процент 150,0 вне 0–100.",
            "6 department Нет управления «no_such_dept».",
            "7 code Повтор в файле: та же запись уже была в строке 2.",
            "8 start_date Дата «31/02/2026» не распознана: нужен вид ГГГГ-ММ-ДД или ДД.ММ.ГГГГ.",
            "9 budget_kzt Число «много» не распознано.",
        ], result.Errors.Select(e => $"{e.Row} {e.Column} {Reason(e)}"));
        Assert.Equal("CSV-OK-1,CSV-OK-2", await ScalarAsync<string>(city.DataSource, "SELECT string_agg(code, ',' ORDER BY code) FROM projects WHERE code LIKE 'CSV-OK-%' OR code LIKE 'CSV-BAD-%'"));
        Assert.Equal(2500000m, await ScalarAsync<decimal>(city.DataSource, "SELECT budget_kzt FROM projects WHERE code = 'CSV-OK-2'"));
        var audit = Assert.Single(await AuditRows.AboutAsync(city.DataSource, "import", "good-and-bad.csv"));
        Assert.Equal(("project.import", "project.office", "7"), (audit.Action, audit.Actor, audit.Detail("rejected")));
    }

    [Fact]
    public async Task ReimportWithAChangedEnd_NeedsTheReasonColumn_AndThenWritesThePlanChange()
    {
        var (dep, dp, di) = await CodesAsync();
        string Row(string end, string reason) => $"CSV-UP-1,Дорога,Жол,Road,roads,{dep},{dp},{di},Сейтказы А.,,,,2026-05-01,{end},5000000,0,10,active,,,3.5,km,false,{reason}";
        Assert.Equal(1, (await ImportAsync(city.DataSource, Header + "\n" + Row("2026-10-01", ""))).Created);

        var refused = await ImportAsync(city.DataSource, Header + "\n" + Row("2026-12-01", ""));
        Assert.Equal(("plan_change_reason", "reasonRequired"), (refused.Errors[0].Column, refused.Errors[0].Code));
        var updated = await ImportAsync(city.DataSource, Header + "\n" + Row("2026-12-01", "Перенос по погоде"));

        Assert.Equal((0, 1, 0), (updated.Created, updated.Updated, updated.Rejected));
        Assert.Equal("planned_end_date|2026-10-01|2026-12-01|Перенос по погоде", await ScalarAsync<string>(city.DataSource, """
            SELECT concat_ws('|', c.field, c.old_value, c.new_value, c.reason) FROM project_plan_changes c JOIN projects p ON p.id = c.project_id WHERE p.code = 'CSV-UP-1'
            """));
    }

    [Fact]
    public async Task MilestonesAndRisks_AreUpsertedByProjectAndName_UnknownProjectsReported()
    {
        var code = await ScalarAsync<string>(city.DataSource, "SELECT min(code) FROM projects");
        var milestones = $"project_code,name,due_date,done_date\n{code},Новая веха импорта,2026-09-01,\nNOPE-1,Веха,2026-09-01,\n{code},Новая веха импорта,2026-09-15,\n{code},Веха из будущего,2026-09-01,2026-12-01\n";
        var m = await ImportAsync(city.DataSource, milestones);
        Assert.Equal(("milestones", 1, 3), (m.Kind, m.Created, m.Rejected));
        Assert.Equal(["3 project_code unknownProject", "4 name duplicateInFile", "5 done_date doneInFuture"], m.Errors.Select(e => $"{e.Row} {e.Column} {e.Code}"));

        var again = await ImportAsync(city.DataSource, $"project_code,name,due_date,done_date\n{code},Новая веха импорта,2026-10-01,2026-03-30\n");
        Assert.Equal((0, 1), (again.Created, again.Updated));
        Assert.Equal("2026-10-01|2026-03-30", await ScalarAsync<string>(city.DataSource,
            "SELECT concat_ws('|', due_date, done_date) FROM project_milestones WHERE name = 'Новая веха импорта'"));

        var risks = await ImportAsync(city.DataSource,
            $"project_code,title,kind,severity,owner,due_date,to_meeting,closed_on\n{code},Риск импорта,issue,3,Ахметов Е.,2026-04-30,true,\n{code},Риск без серьёзности,risk,,,,false,\n{code},Риск с ошибкой,risk,5,,,maybe,\n");
        Assert.Equal(("risks", 1, 2), (risks.Kind, risks.Created, risks.Rejected));
        Assert.Equal(["3 severity required", "4 to_meeting badBool"], risks.Errors.Select(e => $"{e.Row} {e.Column} {e.Code}"));
    }

    [Fact]
    public async Task Windows1251File_IsReadByItsDetectedEncoding()
    {
        var (dep, dp, _) = await CodesAsync();
        var csv = $"{Header}\nCSV-1251,Благоустройство сквера у озера,Көл жанындағы скверді абаттандыру,Lakeside square,improvement,{dep},{dp},,Ержанов Б.,,,,2026-05-01,2026-09-01,100000,0,0,planned,1.5,,,,false,\n";
        // Kazakh letters have no place in Windows-1251: the Kazakh name is written in Russian letters here.
        csv = csv.Replace("Көл жанындағы скверді абаттандыру", "Кол жанындагы скверди абаттандыру", StringComparison.Ordinal);

        var result = await ImportAsync(city.DataSource, csv, CodePages("windows-1251"));

        Assert.Equal(1, result.Created);
        Assert.Equal("Благоустройство сквера у озера", await ScalarAsync<string>(city.DataSource, "SELECT name_ru FROM projects WHERE code = 'CSV-1251'"));
    }

    [Fact]
    public async Task FileThatIsNoneOfTheThree_IsRefusedWhole()
    {
        var result = await ImportAsync(city.DataSource, "reg_number,created_at\nA-1,2026-01-01\n");

        Assert.Equal("fileHeader", result.FileError!.Code);
        Assert.Equal(0, result.RowsRead);
    }

    [Fact]
    public async Task ExportedProjects_ReadBackByTheImport_ChangeNothing()
    {
        var export = new MemoryStream();
        await using (var csv = CsvRowWriter.Create(export, byteOrderMark: true, leaveOpen: true))
        {
            await csv.WriteAsync(ProjectCsv.ProjectsHeader);
            await foreach (var row in ProjectCsv.ProjectRowsAsync(city.DataSource)) await csv.WriteAsync(row);
        }
        var count = await ScalarAsync<long>(city.DataSource, "SELECT count(*) FROM projects");
        var changes = await ScalarAsync<long>(city.DataSource, "SELECT count(*) FROM project_plan_changes");

        export.Position = 0;
        var result = await Importer(city.DataSource).ImportAsync(export, "export.csv", Office);

        Assert.Empty(result.Errors.Select(e => $"{e.Row} {e.Column} {e.Code} {string.Join(",", e.Args)}").Take(5));
        Assert.Equal((0, (int)count, 0), (result.Created, result.Updated, result.Rejected));
        Assert.Equal(changes, await ScalarAsync<long>(city.DataSource, "SELECT count(*) FROM project_plan_changes"));
    }

    private static Encoding CodePages(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }
}
