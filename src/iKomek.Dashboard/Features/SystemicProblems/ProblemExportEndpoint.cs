using System.Globalization;
using IKomek.Dashboard.Platform.Csv;

namespace IKomek.Dashboard.Features.SystemicProblems;

public static class ProblemExportEndpoint
{
    /// <summary>GET /problems/{id}/appeals.csv: every appeal of the problem, for the analyst's own tools.</summary>
    public static void MapProblemExport(this WebApplication app) =>
        app.MapGet("/problems/{id:long}/appeals.csv", async (long id, SystemicProblemsQueries queries, HttpContext http, CancellationToken ct) =>
        {
            if (await queries.GetProblemAsync(id, ct) is null) return Results.NotFound($"Problem {id} does not exist");
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=problem-{id}-appeals.csv";
            await using var csv = CsvRowWriter.Create(http.Response.Body, byteOrderMark: true, leaveOpen: true);
            await csv.WriteAsync(["reg_number", "created_at", "status", "address", "lat", "lon", "description"], ct);
            await foreach (var a in queries.ExportAppealsAsync(id, ct))
            {
                await csv.WriteAsync([a.RegNumber, a.CreatedAt.ToString("O", CultureInfo.InvariantCulture), a.Status, a.Address,
                    a.Lat?.ToString(CultureInfo.InvariantCulture), a.Lon?.ToString(CultureInfo.InvariantCulture), a.Description], ct);
            }
            return Results.Empty;
        });
}
