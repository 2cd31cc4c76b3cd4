using System.Globalization;
using Dapper;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Platform.Csv;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Import;

/// <summary>The import against the real PostgreSQL with a small demo city: bad rows, good rows, re-imports.</summary>
public sealed class AppealImportTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private static string Reg(int year, int n) => $"109-{year}-{n:0000000}";

    [Fact]
    public async Task Import_EachKindOfBadRow_IsReportedPreciselyAndTheValidRowsAreCommitted()
    {
        var t = await ImportFixture.ClosedAppealAsync(city.DataSource);
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var otherArea = await conn.ExecuteScalarAsync<string>("SELECT code FROM areas WHERE code <> @area ORDER BY id LIMIT 1", new { area = t[4] });
        var before = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals");
        var created = DateTimeOffset.Parse(t[1], CultureInfo.InvariantCulture);
        string[] Row(int n, Action<string[]>? change = null)
        {
            var r = (string[])t.Clone();
            r[0] = Reg(2019, n);
            change?.Invoke(r);
            return r;
        }
        var rows = new List<string>
        {
            ImportFixture.OursHeader,
            ImportFixture.Line(Row(1, r => r[16] = "Первая строка,\nвторая строка «кавычки»")),               // lines 2-3, valid
            ImportFixture.Line(Row(2, r => r[3] = "no.such_code")),                                              // 4
            ImportFixture.Line(Row(3, r => r[1] = "31.02.2020")),                                                // 5
            ImportFixture.Line(Row(4, r => { r[10] = ""; r[11] = created.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture); })), // 6
            ImportFixture.Line(Row(5, r => r[13] = "52.5")),                                                     // 7
            ImportFixture.Line(Row(6, r => r[14] = "")),                                                         // 8
            ImportFixture.Line(Row(7, r => r[16] = new string('ж', 4001))),                                      // 9
            ImportFixture.Line(Row(8, r => r[16] = "  ")),                                                       // 10
            ImportFixture.Line(Row(9).SkipLast(1)),                                                              // 11
            ImportFixture.Line(Row(1)),                                                                          // 12
            ImportFixture.Line(Row(11, r => r[8] = "registered")),                                               // 13
            ImportFixture.Line(Row(12, r => r[13] = "abc")),                                                     // 14
            ImportFixture.Line(Row(13, r => r[5] = "atlantis")),                                                 // 15
            ImportFixture.Line(Row(14, r => r[4] = otherArea!)),                                                 // 16
            ImportFixture.Line(Row(15, r => r[0] = "2019-15")),                                                  // 17
            ImportFixture.Line(Row(16, r => r[15] = "LANG")).Replace(",LANG,", ",r\"u,"),                          // 18
            ImportFixture.Line(Row(17, r => r[8] = "lost")),                                                     // 19
            ImportFixture.Line(Row(18, r => r[1] = "2099-01-01T10:00:00+05:00")),                                // 20
            ImportFixture.Line(Row(19)),                                                                         // 21, valid
        };

        var result = await ImportFixture.ImportAsync(city.DataSource, string.Join("\r\n", rows) + "\r\n", ImportMapping.Ours);

        Assert.Null(result.FileError);
        Assert.Equal((19L, 2L, 0L, 17L), (result.RowsRead, result.Inserted, result.Skipped, result.Rejected));
        (int, string, string)[] expected =
        [
            (4, "service_code", "unknownServiceCode"), (5, "created_at", "date"), (6, "closed_at", "closedBeforeCreated"),
            (7, "lat", "outOfCity"), (8, "long", "latLonPair"), (9, "description", "tooLong"), (10, "description", "missing"),
            (11, "", "columnCount"), (12, "reg_number", "duplicateKey"), (13, "closed_at", "closedButOpen"), (14, "lat", "number"),
            (15, "district", "unknownDistrict"), (16, "area", "areaContradicts"), (17, "reg_number", "regNumber"),
            (18, "language", "strayQuote"), (19, "status", "unknownStatus"), (20, "created_at", "future"),
        ];
        foreach (var e in expected) Assert.Contains(e, result.Errors.Select(x => (x.Row, x.Column, x.Code)));
        Assert.Equal(expected.Select(e => e.Item1).Order(), result.Errors.Select(e => e.Row).Distinct().Order());
        Assert.Contains(result.Errors, e => e.Code == "duplicateKey" && e.Args[1] == "2");
        // Every reason has its text in all three languages.
        Assert.All(result.Errors, e => Assert.DoesNotContain("[", ImportTexts.ReasonEn(e)));

        Assert.Equal(before + 2, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals"));
        var stored = await conn.QuerySingleAsync<(string Description, string Status, int Events)>("""
            SELECT description, status, (SELECT count(*)::int FROM appeal_events e WHERE e.appeal_id = a.id) FROM appeals a WHERE reg_number = @reg
            """, new { reg = Reg(2019, 1) });
        Assert.Equal(("Первая строка,\nвторая строка «кавычки»", "closed", 3), stored);
        // Every event of an imported appeal names the import run as its actor.
        Assert.Equal(new[] { $"import:{result.RunId}" }, await conn.QueryAsync<string>("""
            SELECT DISTINCT e.actor FROM appeal_events e JOIN appeals a ON a.id = e.appeal_id WHERE a.reg_number = @reg
            """, new { reg = Reg(2019, 1) }));
    }

    [Fact]
    public async Task ExportThenImport_ACitizensText_ComesBackByteForByte()
    {
        string[] texts =
        [
            "  Пробелы в начале и в конце, табуляция\t ",
            "Первая строка\nвторая «строка»\r\nтретья, с \"кавычками\" и ;точкой с запятой; ",
            "-5 градусов в квартире",
            "=ГИПЕРССЫЛКА(\"http://x\")",
            "'апостроф в начале",
        ];
        var t = await ImportFixture.ClosedAppealAsync(city.DataSource);
        var file = string.Join("\r\n", [ImportFixture.OursHeader, .. texts.Select((text, i) =>
            ImportFixture.Line(t.Select((f, k) => k == 0 ? Reg(2017, i + 1) : k == 16 ? text : f)))]) + "\r\n";
        await using var conn = await city.DataSource.OpenConnectionAsync();

        var imported = await ImportFixture.ImportAsync(city.DataSource, file, ImportMapping.Ours, bom: true);
        var stored = (await conn.QueryAsync<string>("SELECT description FROM appeals WHERE reg_number LIKE '109-2017-%' ORDER BY reg_number")).ToList();
        var export = new MemoryStream();
        await using (var csv = CsvRowWriter.Create(export, byteOrderMark: true, leaveOpen: true))
        {
            await Dashboard.Features.Appeals.AppealsExportEndpoint.WriteCsvAsync(csv,
                new Dashboard.Features.Appeals.AppealsQueries(city.DataSource).ExportAsync(new Dashboard.Features.Appeals.AppealFilter(), 1_000_000)
                    .Where(r => r.RegNumber.StartsWith("109-2017-", StringComparison.Ordinal)));
        }
        export.Position = 0;
        var exported = new List<string>();
        await using (var reader = new CsvRowReader(export, unescapeFormulas: true))
        {
            await reader.ReadAsync();
            while (await reader.ReadAsync() is { } r) exported.Add(r.Fields[16]);
        }

        Assert.Equal((5L, 5L), (imported.RowsRead, imported.Inserted));
        Assert.Equal(texts, stored);
        Assert.Equal(texts.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_TheSameFileAgain_ChangesNothing()
    {
        var t = await ImportFixture.ClosedAppealAsync(city.DataSource);
        var file = string.Join("\n", [ImportFixture.OursHeader,
            ImportFixture.Line(t.Select((f, i) => i == 0 ? Reg(2018, 1) : f)),
            ImportFixture.Line(t.Select((f, i) => i == 0 ? Reg(2018, 2) : i == 13 ? "91" : f)),
            ImportFixture.Line(t)]);   // the template itself: already in the database
        await using var conn = await city.DataSource.OpenConnectionAsync();

        var first = await ImportFixture.ImportAsync(city.DataSource, file, ImportMapping.Ours, bom: true);
        var fingerprint = await ImportFixture.AppealsFingerprintAsync(conn);
        var second = await ImportFixture.ImportAsync(city.DataSource, file, ImportMapping.Ours, bom: true);

        Assert.Equal((3L, 1L, 1L, 1L), (first.RowsRead, first.Inserted, first.Skipped, first.Rejected));
        Assert.Equal((3L, 0L, 2L, 1L), (second.RowsRead, second.Inserted, second.Skipped, second.Rejected));
        Assert.Equal(fingerprint, await ImportFixture.AppealsFingerprintAsync(conn));
        var runs = (await new ImportQueries(city.DataSource).GetRecentRunsAsync()).Where(r => r.Id == first.RunId || r.Id == second.RunId).ToList();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal(("test.csv", "ours", "test", 3), (r.FileName, r.Preset, r.ImportedBy, r.RowsRead)));
        Assert.Contains(runs, r => r is { RowsInserted: 0, RowsSkipped: 2, RowsRejected: 1 } && r.FinishedAt is not null);
    }

    [Fact]
    public async Task Import_RegNumbersAheadOfTheYear_MoveItsSequencePastThem()
    {
        var t = await ImportFixture.ClosedAppealAsync(city.DataSource);
        var file = ImportFixture.OursHeader + "\n" + ImportFixture.Line(t.Select((f, i) => i == 0 ? Reg(2033, 500) : f));
        await using var conn = await city.DataSource.OpenConnectionAsync();

        var result = await ImportFixture.ImportAsync(city.DataSource, file, ImportMapping.Ours);

        Assert.Equal(1, result.Inserted);
        Assert.Equal(Reg(2033, 501), await conn.ExecuteScalarAsync<string>("SELECT next_reg_number(2033)"));
    }

    [Fact]
    public async Task Import_Open311ExportWithAValueMap_FilesCategoriesAndStatuses()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var pothole = await conn.ExecuteScalarAsync<string>("SELECT code FROM service_types WHERE code LIKE 'roads_sidewalks.%' ORDER BY id LIMIT 1");
        var mapping = ImportMapping.Open311.With(new MappingFile(Categories: new() { ["Potholes"] = pothole!, ["Street light out"] = "street_lighting" }));
        const string file = """
            service_request_id,requested_datetime,updated_datetime,status,service_name,description,address,lat,long
            311-1,2024-03-01T08:00:00Z,2024-03-04T09:30:00Z,closed,Potholes,"Deep pothole, car damaged",ул. Сарайшык 5,51.128,71.430
            311-2,2024-03-02T08:00:00+05:00,2024-03-02T09:00:00+05:00,open,Street light out,Фонарь не горит,,51.160,71.470
            311-3,2024-03-02T10:00:00Z,,open,Graffiti,Граффити на стене,,51.160,71.470
            311-4,2024-03-05T10:00:00Z,,closed,Potholes,Closed without a date,,51.160,71.470
            """;

        var result = await ImportFixture.ImportAsync(city.DataSource, file, mapping);
        var again = await ImportFixture.ImportAsync(city.DataSource, file, mapping);

        Assert.Equal((4L, 2L, 2L), (result.RowsRead, result.Inserted, result.Rejected));
        Assert.Contains((4, "service_name", "unknownServiceCode"), result.Errors.Select(e => (e.Row, e.Column, e.Code)));
        Assert.Contains((5, "updated_datetime", "closedWithoutDate"), result.Errors.Select(e => (e.Row, e.Column, e.Code)));
        Assert.Equal((0L, 2L), (again.Inserted, again.Skipped));
        var stored = (await conn.QueryAsync<(string Key, string Code, string Area, string Status, DateTime? ClosedAt, int Events, string Channel)>("""
            SELECT i.source_key, s.code, ar.code, a.status, a.closed_at, (SELECT count(*)::int FROM appeal_events e WHERE e.appeal_id = a.id), c.code
            FROM appeal_imports i JOIN appeals a ON a.id = i.appeal_id JOIN service_types s ON s.id = a.service_type_id
            JOIN areas ar ON ar.id = a.area_id JOIN channels c ON c.id = a.channel_id
            WHERE i.source = 'open311' ORDER BY i.source_key
            """)).ToList();
        Assert.Equal(2, stored.Count);
        Assert.Equal(("311-1", pothole, "closed", new DateTime(2024, 3, 4, 9, 30, 0, DateTimeKind.Utc), 3, "website"),
            (stored[0].Key, stored[0].Code, stored[0].Status, stored[0].ClosedAt!.Value.ToUniversalTime(), stored[0].Events, stored[0].Channel));
        Assert.Equal(("311-2", "street_lighting", "registered", (DateTime?)null, 1), (stored[1].Key, stored[1].Area, stored[1].Status, stored[1].ClosedAt, stored[1].Events));
    }

    [Fact]
    public async Task Import_CustomMappingFile_ReadsSemicolonsLocalDatesAndMapsWithoutAnIdColumn()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var code = await conn.ExecuteScalarAsync<string>("SELECT code FROM service_types WHERE code LIKE 'heating.%' ORDER BY id LIMIT 1");
        var mapping = MappingFile.Parse($$"""
            {
              // a comment, as in the example file
              "source": "akimat-2020",
              "dateFormat": "dd.MM.yyyy HH:mm",
              "timeZone": "Asia/Almaty",
              "columns": { "created_at": "Дата", "service_code": "Категория", "district": "Район", "description": "Текст",
                           "status": "Статус", "closed_at": "Дата закрытия", "address": "Адрес", "lat": "Широта", "long": "Долгота" },
              "categories": { "Нет отопления": "{{code}}" },
              "districts": { "Есильский": "yesil" },
              "statuses": { "Закрыта": "closed", "Новая": "registered" }
            }
            """).Apply(null);
        const string file = """
            Дата;Категория;Район;Текст;Статус;Дата закрытия;Адрес;Широта;Долгота
            05.03.2024 10:30;Нет отопления;Есильский;Пәтерде жылу жоқ, батареи холодные;Закрыта;06.03.2024 12:00;ул. Сыганак, 10;51,1281;71,4305
            06.03.2024 11:00;Нет отопления;Есильский;Холодно в подъезде;Новая;;;;
            2024-03-07;Нет отопления;Есильский;Неверная дата;Новая;;;;
            """;

        var result = await ImportFixture.ImportAsync(city.DataSource, file, mapping, bom: true);
        var again = await ImportFixture.ImportAsync(city.DataSource, file, mapping, bom: true);

        Assert.Equal((3L, 2L, 1L), (result.RowsRead, result.Inserted, result.Rejected));
        Assert.Equal((4, "Дата", "date"), result.Errors.Select(e => (e.Row, e.Column, e.Code)).Single());
        Assert.Equal((0L, 2L), (again.Inserted, again.Skipped));
        var first = await conn.QuerySingleAsync<(DateTime Created, DateTime Closed, string District, string Description, double Lat, string Language)>("""
            SELECT a.created_at, a.closed_at, d.code, a.description, a.lat, a.language FROM appeal_imports i JOIN appeals a ON a.id = i.appeal_id
            JOIN districts d ON d.id = a.district_id WHERE i.source = 'akimat-2020' AND a.status = 'closed'
            """);
        Assert.Equal(new DateTime(2024, 3, 5, 5, 30, 0, DateTimeKind.Utc), first.Created.ToUniversalTime());
        Assert.Equal(new DateTime(2024, 3, 6, 7, 0, 0, DateTimeKind.Utc), first.Closed.ToUniversalTime());
        Assert.Equal(("yesil", "Пәтерде жылу жоқ, батареи холодные", 51.1281, "mixed"), (first.District, first.Description, first.Lat, first.Language));
        Assert.Matches("^sha256:[0-9a-f]{32}$", await conn.ExecuteScalarAsync<string>("SELECT min(source_key) FROM appeal_imports WHERE source = 'akimat-2020'"));
    }

    [Fact]
    public async Task Import_UploadBreaksOff_KeepsWholeBatchesOnlyAndRecordsTheRunAsInterrupted()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var code = await conn.ExecuteScalarAsync<string>("SELECT code FROM service_types ORDER BY id LIMIT 1");
        var csv = new System.Text.StringBuilder("service_request_id,requested_datetime,service_code,description,lat,long\n");
        for (var i = 0; i < AppealImporter.BatchSize + 5000; i++)
            csv.Append(CultureInfo.InvariantCulture, $"cut-{i},2023-05-01T10:00:00Z,{code},Обращение номер {i},51.15,71.43\n");
        var bytes = System.Text.Encoding.UTF8.GetBytes(csv.ToString());
        var before = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals");

        await Assert.ThrowsAsync<IOException>(() => ImportFixture.Importer(city.DataSource).ImportAsync(
            new BreakingStream(bytes, bytes.Length - 1000), "cut.csv", ImportMapping.Open311, new IKomek.Dashboard.Platform.Audit.Actor("test")));

        var added = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals") - before;
        Assert.True(added is 0 or AppealImporter.BatchSize, $"{added} appeals added");
        Assert.Equal(added, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeal_imports WHERE source = 'open311' AND source_key LIKE 'cut-%'"));
        Assert.Equal(("interrupted", added), await conn.QuerySingleAsync<(string, long)>(
            "SELECT error, rows_inserted::bigint FROM import_runs WHERE file_name = 'cut.csv'"));
    }

    /// <summary>A network upload that breaks off after <paramref name="cut"/> bytes.</summary>
    private sealed class BreakingStream(byte[] data, int cut) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position >= cut ? throw new IOException("the upload broke off") : base.Read(buffer, offset, (int)Math.Min(count, cut - Position));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            Position >= cut ? throw new IOException("the upload broke off") : base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, cut - Position)], ct);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("reg_number,created_at,description\n109-2019-0000001,2024-01-01,x\n", "missingColumns")]
    public async Task Import_FileLevelError_IsOneMessageAndStoresNothing(string file, string code)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var fingerprint = await ImportFixture.AppealsFingerprintAsync(conn);

        var result = await ImportFixture.ImportAsync(city.DataSource, file, ImportMapping.Ours);

        Assert.Equal(code, result.FileError?.Code);
        Assert.Equal(0, result.Inserted);
        Assert.Equal(fingerprint, await ImportFixture.AppealsFingerprintAsync(conn));
        Assert.Equal(code, await conn.ExecuteScalarAsync<string>("SELECT error FROM import_runs WHERE id = @id", new { id = result.RunId }));
        Assert.DoesNotContain("[", ImportTexts.FileErrorEn(result.FileError!));
    }
}
