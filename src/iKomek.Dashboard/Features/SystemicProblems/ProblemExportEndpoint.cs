using System.Globalization;
using IKomek.Dashboard.Platform.Access;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Exports;

namespace IKomek.Dashboard.Features.SystemicProblems;

public static class ProblemExportEndpoint
{
    public static readonly string[] Header = ["reg_number", "created_at", "status", "address", "lat", "lon", "description"];

    /// <summary>
    /// GET /problems/{id}/appeals.csv (or .xlsx): every appeal of the problem, for the analyst's own tools; signed-in
    /// readers only, within <see cref="ExportGate"/>'s limits, recorded in the audit log, personal data redacted for a
    /// role without <see cref="CityAction.SeePersonalData"/> (a department head reads the own department's appeals as
    /// written). A department head exports the own department's problems only: another's is not found.
    /// </summary>
    public static void MapProblemExport(this WebApplication app) =>
        app.MapGet("/problems/{id:long}/appeals.{format}", ExportAsync).RequireAuthorization();

    public static async Task<IResult> ExportAsync(long id, string format, SystemicProblemsQueries queries, ExportGate gate, HttpContext http,
        CancellationToken ct)
    {
        if (!ExportFile.IsFormat(format)) return Results.NotFound();
        if (await queries.GetProblemAsync(id, http.User.OwnDepartment(), ct) is null) return Results.NotFound($"Problem {id} does not exist");
        if (await gate.RefuseAsync(http.User, cap => queries.CountAppealsAsync(id, cap, ct), ct) is { } refused) return refused;

        var redacted = false;
        var rows = queries.ExportAppealsAsync(id, gate.MaxRows, ct).Select(a =>
        {
            if (http.User.SeesPersonalDataOf(a.DepartmentId)) return a;
            redacted = true;
            return a.Redacted();
        });
        var written = await ExportFile.WriteAsync(http, format, $"problem-{id}-appeals", Header, rows.Select(Fields), ct);
        await gate.RecordAsync(http, AuditActions.ExportProblems, id.ToString(CultureInfo.InvariantCulture), format, $"problem={id}", written, redacted);
        return Results.Empty;
    }

    public static string?[] Fields(ProblemAppeal a) =>
    [
        a.RegNumber, a.CreatedAt.ToString("O", CultureInfo.InvariantCulture), a.Status, a.Address,
        a.Lat?.ToString(CultureInfo.InvariantCulture), a.Lon?.ToString(CultureInfo.InvariantCulture), a.Description,
    ];
}
