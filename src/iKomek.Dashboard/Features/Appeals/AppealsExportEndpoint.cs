using System.Globalization;
using IKomek.Dashboard.Hosting;

namespace IKomek.Dashboard.Features.Appeals;

/// <summary>GET /appeals/export.csv?{filter}: the explorer's filtered set as CSV, streamed (UTF-8 with BOM for Excel).</summary>
public static class AppealsExportEndpoint
{
    /// <summary>One export at most this many appeals: a year of the whole city is about two million.</summary>
    public const int MaxRows = 1_000_000;

    public static void MapAppealsExport(this WebApplication app) => app.MapGet("/appeals/export.csv", async (HttpContext http, AppealsQueries queries, CancellationToken ct) =>
    {
        var filter = AppealFilter.FromQuery(http.Request.Query);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"appeals-{DateTime.UtcNow.AddHours(5):yyyyMMdd-HHmm}.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await WriteCsvAsync(writer, queries.ExportAsync(filter, MaxRows, ct));
    });

    /// <summary>The export's CSV (header and rows): what the import's preset "ours" reads back.</summary>
    public static async Task WriteCsvAsync(TextWriter writer, IAsyncEnumerable<AppealExportRow> rows)
    {
        await WriteLineAsync(writer, ["reg_number", "created_at", "channel", "service_code", "area", "district", "department", "organisation",
            "status", "sla_due_at", "resolved_at", "closed_at", "address", "lat", "long", "language", "description"]);
        await foreach (var r in rows)
        {
            await WriteLineAsync(writer, [r.RegNumber, Time(r.CreatedAt), r.Channel, r.ServiceCode, r.Area, r.District, r.Department,
                r.Organisation, r.Status, Time(r.SlaDueAt), r.ResolvedAt is { } resolved ? Time(resolved) : null,
                r.ClosedAt is { } closed ? Time(closed) : null, r.Address, r.Lat?.ToString("0.######", CultureInfo.InvariantCulture),
                r.Lon?.ToString("0.######", CultureInfo.InvariantCulture), r.Language, r.Description]);
        }
    }

    /// <summary>One RFC 4180 line: fields with commas, quotes or line breaks are quoted, quotes doubled.</summary>
    private static Task WriteLineAsync(TextWriter writer, string?[] fields) =>
        writer.WriteAsync(string.Join(',', fields.Select(Escape)) + "\r\n");

    public static string Escape(string? field) =>
        field is null ? "" : field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    private static string Time(DateTime utc) => AstanaClock.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
