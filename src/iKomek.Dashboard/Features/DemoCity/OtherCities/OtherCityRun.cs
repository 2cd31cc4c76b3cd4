using System.Diagnostics;
using Dapper;
using IKomek.Dashboard.Features.CityProfiles;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Features.SystemicProblems;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using Npgsql;

namespace IKomek.Dashboard.Features.DemoCity.OtherCities;

/// <summary>What bringing in a generated city gave: the import, the mining and the mining's score on the planted problems.</summary>
public sealed record OtherCityResult(ImportResult Import, TimeSpan ImportElapsed, MiningResult Mining, PlantedEvaluation Evaluation,
    IReadOnlyList<RowError> Rejected);

/// <summary>
/// Brings a generated city into a fresh database the way an akimat would (profile apply, import of its export with
/// the profile's mapping, a full mining run), then stores its planted problems in <c>planted_problems</c> (after the
/// mining, which never reads them) so that <see cref="SystemicMining.EvaluateAgainstPlantedAsync"/> scores it with the
/// same rule as the demo city. For the tests and the bench.
/// </summary>
public static class OtherCityRun
{
    public static async Task<OtherCityResult> RunAsync(NpgsqlDataSource db, ExportCityFiles files, TimeProvider time, Actor actor,
        int top = 50, CancellationToken ct = default)
    {
        var profile = CityProfile.Load(files.Profile, await ProfileApplier.OurCodesAsync(db, ct));
        await ProfileApplier.ApplyAsync(db, profile, actor, time, ct);
        // The zone is the database's default of city.zone, read when a session starts: pooled sessions still have the old one.
        db.Clear();

        var rejected = new List<RowError>();
        var watch = Stopwatch.StartNew();
        ImportResult import;
        using (var reference = new CityReference(db, time))
        await using (var input = File.OpenRead(files.Export))
        {
            var importer = new AppealImporter(db, new RoutingTable(db, time), reference, time);
            import = await importer.ImportAsync(input, Path.GetFileName(files.Export), profile.ToImportMapping(), actor, onRejected: rejected.Add, ct: ct);
        }
        var importElapsed = watch.Elapsed;

        var mining = new SystemicMining(db, time);
        var run = await mining.RunAsync(full: true, ct, actor);
        await StorePlantedAsync(db, files.Problems, ct);
        return new OtherCityResult(import, importElapsed, run, await mining.EvaluateAgainstPlantedAsync(top, ct), rejected);
    }

    /// <summary>The planted problems as ground truth rows (service type by code, district by the nearest centre).</summary>
    public static async Task StorePlantedAsync(NpgsqlDataSource db, IEnumerable<PlantedExportProblem> planted, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        foreach (var p in planted)
        {
            await conn.ExecuteAsync(new CommandDefinition("""
                INSERT INTO planted_problems (id, kind, service_type_id, district_id, address, lat, lon, radius_m, starts_on, ends_on,
                                              appeals_per_week, description)
                SELECT @Id, @Kind, coalesce(st.id, area_type.id), d.id, @Category, @Lat, @Lon, @RadiusM, @StartsOn, @EndsOn, 0, @Category
                FROM (SELECT 1) one
                LEFT JOIN service_types st ON st.code = @ServiceCode
                LEFT JOIN LATERAL (
                    -- A category mapped to an area: its appeals carry the area's general type, as the import gives them.
                    SELECT t.id FROM service_types t JOIN areas a ON a.id = t.area_id WHERE a.code = @ServiceCode
                    ORDER BY t.sla_working_days DESC, t.id LIMIT 1) area_type ON true
                CROSS JOIN LATERAL (SELECT id FROM districts ORDER BY (center_lat - @Lat) ^ 2 + (center_lon - @Lon) ^ 2 LIMIT 1) d
                ON CONFLICT (id) DO NOTHING
                """, new { p.Id, p.Kind, p.Category, p.ServiceCode, p.Lat, p.Lon, p.RadiusM, StartsOn = p.StartsOn.ToDateTime(TimeOnly.MinValue),
                EndsOn = p.EndsOn.ToDateTime(TimeOnly.MinValue) }, cancellationToken: ct));
        }
    }
}
