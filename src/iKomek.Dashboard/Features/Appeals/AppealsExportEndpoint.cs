using System.Globalization;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Csv;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Exports;
using IKomek.Dashboard.Platform.Localization;
using IKomek.Dashboard.Platform.Privacy;

namespace IKomek.Dashboard.Features.Appeals;

/// <summary>
/// GET /appeals/export.csv?{filter} and /appeals/export.xlsx?{filter}: the explorer's filtered set, for signed-in
/// readers only, within <see cref="ExportGate"/>'s limits, recorded in the audit log; personal data redacted for a
/// role without <see cref="CityAction.SeePersonalData"/>.
/// </summary>
public static class AppealsExportEndpoint
{
    private static readonly Texts T = new();

    public static readonly string[] Header =
    [
        "reg_number", "created_at", "channel", "service_code", "area", "district", "department", "organisation",
        "status", "sla_due_at", "resolved_at", "closed_at", "address", "lat", "long", "language", "description",
    ];

    public static void MapAppealsExport(this WebApplication app) => app.MapGet("/appeals/export.{format}", ExportAsync).RequireAuthorization();

    /// <summary>The export for the request's filter and user: the file, or the reason it is refused.</summary>
    public static async Task<IResult> ExportAsync(string format, HttpContext http, AppealsQueries queries, ExportGate gate, AstanaClock clock, CancellationToken ct)
    {
        if (!ExportFile.IsFormat(format)) return Results.NotFound();
        // A department head exports their own department's appeals, whatever the URL asks (AppealScope).
        var asked = AppealFilter.FromQuery(http.Request.Query);
        var filter = asked with { DepartmentId = http.User.ScopeDepartment(asked.DepartmentId) };
        var seesPersonalData = http.User.SeesPersonalDataInScope();
        // A search for a phone or a flat would tie them to the appeals it finds: not for a role that may not see them.
        if (!seesPersonalData && PersonalData.Contains(filter.Text))
            return Results.Text(T["privacy.searchRefused"], "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        if (await gate.RefuseAsync(http.User, cap => queries.CountAsync(filter, cap, ct), ct) is { } refused) return refused;

        var rows = queries.ExportAsync(filter, gate.MaxRows, ct);
        if (!seesPersonalData) rows = rows.Select(r => r.Redacted());
        var written = await ExportFile.WriteAsync(http, format, $"appeals-{clock.Now:yyyyMMdd-HHmm}", Header, rows.Select(Fields), ct);
        await gate.RecordAsync(http, AuditActions.ExportAppeals, "appeals", format, filter.ToQueryString(), written, !seesPersonalData);
        return Results.Empty;
    }

    /// <summary>The export's CSV (header and rows): what the import's preset "ours" reads back.</summary>
    public static async Task WriteCsvAsync(CsvRowWriter csv, IAsyncEnumerable<AppealExportRow> rows, CancellationToken ct = default)
    {
        await csv.WriteAsync(Header, ct);
        await foreach (var r in rows.WithCancellation(ct)) await csv.WriteAsync(Fields(r), ct);
    }

    /// <summary>One appeal as the export's fields, in the order of <see cref="Header"/>.</summary>
    public static string?[] Fields(AppealExportRow r) =>
    [
        r.RegNumber, Time(r.CreatedAt), r.Channel, r.ServiceCode, r.Area, r.District, r.Department,
        r.Organisation, r.Status, Time(r.SlaDueAt), r.ResolvedAt is { } resolved ? Time(resolved) : null,
        r.ClosedAt is { } closed ? Time(closed) : null, r.Address, r.Lat?.ToString("0.######", CultureInfo.InvariantCulture),
        r.Lon?.ToString("0.######", CultureInfo.InvariantCulture), r.Language, r.Description,
    ];

    private static string Time(DateTime utc) => AstanaClock.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
