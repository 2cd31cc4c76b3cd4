using System.Text;
using Dapper;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Platform.Csv;
using Npgsql;
using IKomek.Dashboard.Tests.Infrastructure;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Tests.Features.Import;

/// <summary>Shared helpers of the import tests: run an import of a CSV text, read a real exported row as a template.</summary>
internal static class ImportFixture
{
    public const string OursHeader = "reg_number,created_at,channel,service_code,area,district,department,organisation,status,sla_due_at,resolved_at,closed_at,address,lat,long,language,description";

    public static AppealImporter Importer(NpgsqlDataSource db) =>
        new(db, new RoutingTable(db, TestClock.Create()), new CityReference(db, TestClock.Create()), TestClock.Create());

    public static async Task<ImportResult> ImportAsync(NpgsqlDataSource db, string csv, ImportMapping mapping, bool bom = false, string file = "test.csv")
    {
        var bytes = new UTF8Encoding(bom).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return await Importer(db).ImportAsync(new MemoryStream(bytes), file, mapping, new IKomek.Dashboard.Platform.Audit.Actor("test"));
    }

    /// <summary>A closed appeal of the demo city with coordinates, as its export writes it (17 fields).</summary>
    public static async Task<string[]> ClosedAppealAsync(NpgsqlDataSource db)
    {
        var export = new MemoryStream();
        await using (var csv = CsvRowWriter.Create(export, byteOrderMark: true, leaveOpen: true))
        {
            await AppealsExportEndpoint.WriteCsvAsync(csv, new AppealsQueries(db).ExportAsync(new AppealFilter(Status: "closed"), 50)
                .Where(r => r.Lat is not null && r.Organisation is not null && !r.Description.Contains('\n') && !r.Description.Contains('"')));
        }
        export.Position = 0;
        await using var reader = new CsvRowReader(export, unescapeFormulas: true);
        await reader.ReadAsync();
        return [.. (await reader.ReadAsync())!.Fields];
    }

    /// <summary>One record as the export writes it, without its line end.</summary>
    public static string Line(IEnumerable<string> fields)
    {
        var text = new StringWriter();
        using (var csv = CsvRowWriter.Create(text))
        {
            csv.Write([.. fields]);
        }
        return text.ToString()[..^2];
    }

    /// <summary>A fingerprint of everything stored about appeals: equal before and after means nothing changed.</summary>
    public static Task<string> AppealsFingerprintAsync(NpgsqlConnection conn) => conn.ExecuteScalarAsync<string>("""
        SELECT md5(string_agg(t, '|' ORDER BY t)) FROM (
            SELECT a::text AS t FROM appeals a
            UNION ALL SELECT e::text FROM appeal_events e
            UNION ALL SELECT i::text FROM appeal_imports i) x
        """)!;
}
