using System.Text;
using Dapper;
using IKomek.Dashboard.Features.Kpis.Entry;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Csv;
using IKomek.Dashboard.Tests.Infrastructure;
using static IKomek.Dashboard.Tests.Features.Kpis.Entry.KpiEntryTestCity;

namespace IKomek.Dashboard.Tests.Features.Kpis.Entry;

/// <summary>The CSV import of KPI values on a real database: good rows kept, each bad row refused with its precise
/// reason and column, files in other encodings, the file of refused rows, and a re-import that changes nothing.</summary>
public sealed class KpiValueImporterTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private KpiValueImporter Importer => new(new KpiValueEntry(city.DataSource, city.Clock), new KpiEntryQueries(city.DataSource));

    private Task<KpiImportResult> ImportAsync(string csv, KpiEditor editor, Encoding? encoding = null) =>
        Importer.ImportAsync(new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(csv)), editor);

    [Fact]
    public async Task PlanningOffice_GoodRowsKept_EachBadRowRefusedWithItsReason()
    {
        var wear = await KpiAsync(city.DataSource, Wear);
        await using (var conn = await city.DataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("""
                UPDATE kpis SET source = 'computed', measure = 'appeals_on_time' WHERE code = 'water.sewer_coverage';
                INSERT INTO kpi_periods (period_start, closed_at, closed_by) VALUES ('2025-12-01', now(), 'planning.office');
                """);
        }
        const string csv = """
            period;kpi;actual;target
            2026-02;energy.network_wear;57,25;
            2026-02;energy.heating_incidents;12;11
            2026-02;no.such_kpi;1;
            2026-13;water.accidents;1;
            2026-02;water.accidents;много;
            2026-02;water.supply_coverage;101;
            2025-12;water.accidents;5;
            2026-02;water.sewer_coverage;95;
            2026-Q1;energy.network_wear;57;
            2026-02;energy.network_wear;58;
            2026-02;water.accidents;;
            2026-02;water.accidents;4;x
            """;

        var result = await ImportAsync(csv, PlanningOffice);

        Assert.Null(result.FileError);
        Assert.Equal((12, 2, 0, 10), (result.RowsRead, result.Saved, result.Unchanged, result.Rejected));
        Assert.Equal(
        [
            (4, "kpi", "Нет показателя с кодом «no.such_kpi»"),
            (5, "period", "«2026-13» — не период: нужен вид 2026-03, 2026-Q1 или 2026"),
            (6, "actual", "«много» — не число"),
            (7, "actual", "101 вне допустимого диапазона: от 0 до 100"),
            (8, "period", "Период 2025-12 закрыт"),
            (9, "kpi", "Показатель water.sewer_coverage рассчитывается по данным города и не вводится вручную"),
            (10, "period", "Показатель energy.network_wear отчитывается за другой период: укажите 2026-01, а не 2026-Q1"),
            (11, "period", "energy.network_wear за 2026-02 уже есть в файле в строке 2"),
            (12, "actual", "Для water.accidents не указаны ни факт, ни цель"),
            (13, "target", "Цель «x» — не число"),
        ], result.Errors.Select(e => (e.Row, e.Column, Short(e.Rejection.Text(new IKomek.Dashboard.Platform.Localization.Texts())))));

        Assert.Equal(57.25m, (await ValueAsync(city.DataSource, wear, new DateOnly(2026, 2, 1)))!.Actual);
        var outages = await ValueAsync(city.DataSource, await KpiAsync(city.DataSource, Outages), new DateOnly(2026, 2, 1));
        Assert.Equal((11m, 12m, "planning.office"), (outages!.Target, outages.Actual, outages.EnteredBy));
        var audit = (await AuditAsync(city.DataSource, wear, AuditActions.KpiValue)).Single();
        Assert.Equal(("planning.office", "import", "57.25"), (audit.Actor, audit.Detail("via"), audit.Detail("new")));

        // The same file again: the good rows are there already, the bad ones still refused.
        var again = await ImportAsync(csv, PlanningOffice);
        Assert.Equal((0, 2, 10), (again.Saved, again.Unchanged, again.Rejected));
    }

    // The closed period's message ends with who closed it and when; the rest is what the test pins.
    private static string Short(string text) => text.StartsWith("Период 2025-12 закрыт", StringComparison.Ordinal) ? "Период 2025-12 закрыт" : text;

    [Fact]
    public async Task DepartmentHead_ImportsTheOwnDepartmentsRows_OthersRefusedRowByRow()
    {
        var head = await EnergyHeadAsync(city.DataSource);
        const string csv = """
            kpi,period,actual,target
            energy.heating_incidents,2026-01,13
            water.supply_coverage,2026-01,99
            energy.network_wear,2026-01,58,50
            """;

        var result = await ImportAsync(csv, head);

        Assert.Equal((3, 1, 2), (result.RowsRead, result.Saved, result.Rejected));
        Assert.Equal([("kpi", "otherDepartment"), ("target", "targetNotYours")], result.Errors.Select(e => (e.Column, e.Rejection.Code)));
        var saved = await ValueAsync(city.DataSource, await KpiAsync(city.DataSource, Outages), new DateOnly(2026, 1, 1));
        Assert.Equal((13m, "head.energy"), (saved!.Actual, saved.EnteredBy));
        var audit = (await AuditAsync(city.DataSource, await KpiAsync(city.DataSource, Outages), AuditActions.KpiValue))[^1];
        Assert.Equal(("head.energy", "department_head", "import"), (audit.Actor, audit.Role, audit.Detail("via")));
    }

    [Fact]
    public async Task Windows1251File_IsReadInItsEncoding()
    {
        var result = await ImportAsync("kpi;period;actual\r\nwater.accidents;2026-01;нет данных\r\nwater.accidents;2026-01;17,25\r\n", PlanningOffice,
            CodePagesEncoding("windows-1251"));

        Assert.Equal((2, 1), (result.RowsRead, result.Saved));
        Assert.Equal("«нет данных» — не число", result.Errors.Single().Rejection.Text(new IKomek.Dashboard.Platform.Localization.Texts()));
    }

    [Theory]
    [InlineData("", "file.empty")]
    [InlineData("kpi;value\nwater.accidents;3\n", "file.columns")]
    public async Task FileWithoutItsColumns_ImportsNothing_AndSaysWhy(string csv, string code)
    {
        var result = await ImportAsync(csv, PlanningOffice);

        Assert.Equal(code, result.FileError!.Code);
        Assert.Equal(0, result.RowsRead);
    }

    [Fact]
    public async Task FileNotValidInItsEncoding_IsRefusedWithTheLine()
    {
        var bytes = Encoding.UTF8.GetBytes("kpi;period;actual\nwater.accidents;2026-01;1\nwater.accidents;2026-02;нет данных\n");
        var broken = bytes.Concat(new byte[] { 0xD0, 0x0A }).ToArray();   // a cut multi-byte letter on the last line

        var result = await Importer.ImportAsync(new MemoryStream(broken), PlanningOffice);

        Assert.Equal("file.encoding", result.FileError!.Code);
        Assert.Equal(0, result.Saved);
    }

    [Fact]
    public async Task RejectsFile_GivesTheRowsBackUnderTheImportsHeader_WithFormulasNeutralised()
    {
        var result = await ImportAsync("actual;kpi;period\n=1+1;=HYPERLINK(x);2026-01\n", PlanningOffice);

        var file = KpiValueImporter.RejectsFile(result.Errors, e => e.Rejection.English());

        await using var reader = new CsvRowReader(new MemoryStream(file));
        Assert.Equal(["kpi", "period", "actual", "target", "row", "column", "reason"], (await reader.ReadAsync())!.Fields);
        var row = (await reader.ReadAsync())!.Fields;
        Assert.Equal(["'=HYPERLINK(x)", "2026-01", "'=1+1", "", "2", "kpi"], row.Take(6));
        Assert.Equal("No indicator has the code “=HYPERLINK(x)”", row[6]);
    }

    private static Encoding CodePagesEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }
}
