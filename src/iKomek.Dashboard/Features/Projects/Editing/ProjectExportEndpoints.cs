using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.Exports;
using Npgsql;

namespace IKomek.Dashboard.Features.Projects.Editing;

/// <summary>
/// GET /projects/export.csv, /projects/milestones.csv, /projects/risks.csv: the project office's three files as the
/// import reads them back, for signed-in readers, within <see cref="ExportGate"/>'s limits and recorded in the audit
/// log. They hold no resident's data (project staff names are published by the akimat).
/// </summary>
public static class ProjectExportEndpoints
{
    public static void MapProjectEditing(this WebApplication app)
    {
        app.MapGet("/projects/export.csv", (HttpContext http, NpgsqlDataSource db, ExportGate gate, AstanaClock clock, CancellationToken ct) =>
            ExportAsync("projects", http, db, gate, clock, ct)).RequireAuthorization();
        app.MapGet("/projects/milestones.csv", (HttpContext http, NpgsqlDataSource db, ExportGate gate, AstanaClock clock, CancellationToken ct) =>
            ExportAsync("milestones", http, db, gate, clock, ct)).RequireAuthorization();
        app.MapGet("/projects/risks.csv", (HttpContext http, NpgsqlDataSource db, ExportGate gate, AstanaClock clock, CancellationToken ct) =>
            ExportAsync("risks", http, db, gate, clock, ct)).RequireAuthorization();
    }

    public static async Task<IResult> ExportAsync(string kind, HttpContext http, NpgsqlDataSource db, ExportGate gate, AstanaClock clock, CancellationToken ct)
    {
        if (await gate.RefuseAsync(http.User, _ => ProjectCsv.CountAsync(db, kind, ct), ct) is { } refused) return refused;
        var rows = kind switch
        {
            "projects" => ProjectCsv.ProjectRowsAsync(db, ct),
            "milestones" => ProjectCsv.MilestoneRowsAsync(db, ct),
            _ => ProjectCsv.RiskRowsAsync(db, ct),
        };
        var written = await ExportFile.WriteAsync(http, "csv", $"{kind}-{clock.Now:yyyyMMdd-HHmm}", ProjectCsv.HeaderOf(kind), rows, ct);
        await gate.RecordAsync(http, AuditActions.ExportProjects, kind, "csv", "", written, redacted: false);
        return Results.Empty;
    }
}
