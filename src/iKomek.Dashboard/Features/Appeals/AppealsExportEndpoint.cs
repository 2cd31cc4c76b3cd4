using System.Globalization;
using IKomek.Dashboard.Platform.Csv;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.City;

namespace IKomek.Dashboard.Features.Appeals;

/// <summary>GET /appeals/export.csv?{filter}: the explorer's filtered set as CSV, streamed (UTF-8 with BOM for Excel).</summary>
public static class AppealsExportEndpoint
{
    /// <summary>One export at most this many appeals: a year of the whole city is about two million.</summary>
    public const int MaxRows = 1_000_000;

    public static readonly string[] Header =
    [
        "reg_number", "created_at", "channel", "service_code", "area", "district", "department", "organisation",
        "status", "sla_due_at", "resolved_at", "closed_at", "address", "lat", "long", "language", "description",
    ];

    public static void MapAppealsExport(this WebApplication app) => app.MapGet("/appeals/export.csv",
        async (HttpContext http, AppealsQueries queries, AstanaClock clock, CancellationToken ct) =>
    {
        // A department head exports their own department's appeals, whatever the URL asks (AppealScope).
        var asked = AppealFilter.FromQuery(http.Request.Query);
        var filter = asked with { DepartmentId = http.User.ScopeDepartment(asked.DepartmentId) };
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"appeals-{clock.Now:yyyyMMdd-HHmm}.csv\"";
        await using var csv = CsvRowWriter.Create(http.Response.Body, byteOrderMark: true, leaveOpen: true);
        await WriteCsvAsync(csv, queries.ExportAsync(filter, MaxRows, ct), ct);
    });

    /// <summary>The export's CSV (header and rows): what the import's preset "ours" reads back.</summary>
    public static async Task WriteCsvAsync(CsvRowWriter csv, IAsyncEnumerable<AppealExportRow> rows, CancellationToken ct = default)
    {
        await csv.WriteAsync(Header, ct);
        await foreach (var r in rows.WithCancellation(ct))
        {
            await csv.WriteAsync([r.RegNumber, Time(r.CreatedAt), r.Channel, r.ServiceCode, r.Area, r.District, r.Department,
                r.Organisation, r.Status, Time(r.SlaDueAt), r.ResolvedAt is { } resolved ? Time(resolved) : null,
                r.ClosedAt is { } closed ? Time(closed) : null, r.Address, r.Lat?.ToString("0.######", CultureInfo.InvariantCulture),
                r.Lon?.ToString("0.######", CultureInfo.InvariantCulture), r.Language, r.Description], ct);
        }
    }

    private static string Time(DateTime utc) => AstanaClock.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
