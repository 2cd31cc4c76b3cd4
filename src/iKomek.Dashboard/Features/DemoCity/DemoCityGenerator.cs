using System.Diagnostics;
using Dapper;
using IKomek.Dashboard.Features.CitySystems.Demo;
using IKomek.Dashboard.Features.Social.Demo;
using Npgsql;

namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>
/// Fills an empty, migrated database with the demo city (DESIGN.md "The demo city"): reference data, KPIs,
/// projects, planted problems and years of appeals, all or nothing in one transaction. Leaves
/// systemic_problems and the managers' rating to the jobs that compute them.
/// </summary>
public sealed class DemoCityGenerator
{
    private DemoCityGenerator()
    {
    }

    public static Task<DemoCityResult> SeedAsync(NpgsqlDataSource db, DemoCityOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var wallClock = TimeProvider.System.GetUtcNow();
        // The work is CPU- and COPY-bound for up to minutes: give it its own thread rather than a pool thread.
        return Task.Factory.StartNew(() => Seed(db, options, wallClock, progress, ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    internal static DemoCityResult Seed(NpgsqlDataSource db, DemoCityOptions options, DateTimeOffset wallClock, IProgress<string>? progress, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        progress?.Report("Planning the demo city");
        var plan = DemoCityPlan.Create(options, wallClock);

        using var connection = db.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var writer = new DemoCityWriter(connection);
        writer.EnsureEmpty();
        progress?.Report("Reference data, KPIs, projects, planted problems");
        writer.WriteReference(plan.Reference);
        writer.WriteKpis(plan.Kpis);
        writer.WriteProjects(plan.Projects);
        writer.WritePlanted(plan.Planted.Select(p => p.Row));
        ct.ThrowIfCancellationRequested();

        var deferred = writer.DeferConstraintsAndIndexes();
        var (appeals, events) = writer.WriteAppeals(plan.AppealDays(), progress, ct);
        progress?.Report("Indexes and foreign keys");
        writer.RestoreConstraintsAndIndexes(deferred);
        progress?.Report("Computed KPIs");
        writer.RecountKpis(plan.Settings);
        progress?.Report("City systems: registers and feeds' history");
        WriteCitySystems(connection, plan.Settings);
        // The demo's leaders subscribed by e-mail (sql/functions/alerts/alerts_defaults.sql), so that the demo shows alerts.
        connection.Execute("SELECT alerts_demo_subscriptions(@now)", new { now = plan.Settings.NowUtc });
        writer.Finish(plan.Settings, appeals);
        // After Finish: the posts name the buildings it registers.
        progress?.Report("Social networks' posts");
        var posts = SocialDemoGenerator.Write(connection, plan.Settings.Seed, plan.Settings.Scale, plan.Settings.NowUtc);
        progress?.Report($"Social networks' posts: {posts:N0}");
        transaction.Commit();

        progress?.Report("Analyzing");
        writer.Analyze();
        progress?.Report($"Demo city ready: {appeals:N0} appeals, {events:N0} events in {stopwatch.Elapsed.TotalSeconds:N1} s");
        return new DemoCityResult(appeals, events, stopwatch.Elapsed);
    }

    /// <summary>The city's other systems (Features/CitySystems/Demo), placed among the districts just written.</summary>
    private static void WriteCitySystems(NpgsqlConnection connection, DemoCitySettings settings)
    {
        var districts = connection.Query<(int Id, double Lat, double Lon)>("SELECT id, center_lat, center_lon FROM districts ORDER BY id").AsList();
        var systems = SystemsDemoGenerator.Generate(new SystemsDemoSettings(settings.Seed, settings.Scale, settings.StartDate, settings.NowUtc, districts));
        SystemsDemoWriter.Write(connection, systems, settings.NowUtc);
    }
}
