using System.Text;
using Dapper;
using IKomek.Dashboard.Features.Appeals;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Features.Intake;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.Import;

/// <summary>Shared helpers of the import tests: run an import of a CSV text, read a real exported row as a template.</summary>
internal static class ImportFixture
{
    public const string OursHeader = "reg_number,created_at,channel,service_code,area,district,department,organisation,status,sla_due_at,resolved_at,closed_at,address,lat,long,language,description";

    public static AppealImporter Importer(NpgsqlDataSource db) => new(db, new RoutingTable(db, TimeProvider.System), TimeProvider.System);

    public static async Task<ImportResult> ImportAsync(NpgsqlDataSource db, string csv, ImportMapping mapping, bool bom = false, string file = "test.csv")
    {
        var bytes = new UTF8Encoding(bom).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        return await Importer(db).ImportAsync(new MemoryStream(bytes), file, mapping, "test");
    }

    /// <summary>A closed appeal of the demo city with coordinates, as its export writes it (17 fields).</summary>
    public static async Task<string[]> ClosedAppealAsync(NpgsqlDataSource db)
    {
        var writer = new StringWriter();
        await AppealsExportEndpoint.WriteCsvAsync(writer, new AppealsQueries(db).ExportAsync(new AppealFilter(Status: "closed"), 50)
            .Where(r => r.Lat is not null && r.Organisation is not null && !r.Description.Contains('\n') && !r.Description.Contains('"')));
        var line = writer.ToString().Split("\r\n")[1];
        return Split(line);
    }

    /// <summary>Splits one export line (quoted fields hold no quotes here) into its fields.</summary>
    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(AppealsExportEndpoint.Escape));

    /// <summary>A fingerprint of everything stored about appeals: equal before and after means nothing changed.</summary>
    public static Task<string> AppealsFingerprintAsync(NpgsqlConnection conn) => conn.ExecuteScalarAsync<string>("""
        SELECT md5(string_agg(t, '|' ORDER BY t)) FROM (
            SELECT a::text AS t FROM appeals a
            UNION ALL SELECT e::text FROM appeal_events e
            UNION ALL SELECT i::text FROM appeal_imports i) x
        """)!;
}
