using Dapper;
using Npgsql;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Platform.Audit;

namespace IKomek.Dashboard.Features.DemoCity;

/// <summary>What the simulator streams: a calm day, a storm, or a heating failure in one district.</summary>
public enum SimulatedScenario { Calm, Storm, HeatingFailure }

/// <summary>
/// Streams realistic appeals through the one intake path at a chosen rate, for demos and load: each is modelled on
/// a real appeal of the city (its type, place and words), so the mix of topics, districts and languages is the
/// city's own. A storm weights storm drains, power, trees and roofs; a heating failure floods one district with
/// heating appeals.
/// </summary>
public sealed class LiveSimulator(NpgsqlDataSource db, AppealIntake intake, TimeProvider time)
{
    /// <summary>The actor of every appeal it sends.</summary>
    public static readonly Actor Actor = Actor.Job("simulator");

    private sealed record Template(int ServiceTypeId, int ChannelId, double? Lat, double? Lon, string? Address, int DistrictId, string Description, string Language);

    public async Task<long> RunAsync(SimulatedScenario scenario, double perSecond, TimeSpan duration, Action<IntakeResult>? onAppeal, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var templates = await LoadTemplatesAsync(scenario, ct);
        if (templates.Count == 0) throw new InvalidOperationException("The database holds no appeals to model new ones on: seed the demo city first.");
        var rng = new Random();
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var started = time.GetUtcNow();
        long sent = 0;
        while (!ct.IsCancellationRequested && time.GetUtcNow() - started < duration)
        {
            var t = templates[rng.Next(templates.Count)];
            // Jitter the place a little: another flat, the next house, so duplicates stay as frequent as in life.
            var result = await intake.RegisterAsync(new NewAppeal(t.Description, t.ServiceTypeId, t.ChannelId,
                t.Lat + (rng.NextDouble() - 0.5) * 0.002, t.Lon + (rng.NextDouble() - 0.5) * 0.003, t.Address, DistrictId: t.DistrictId,
                Language: t.Language, CitizenKey: $"sim-{rng.Next(1_000_000)}", SubmittedBy: Actor), ct);
            onAppeal?.Invoke(result);
            sent++;
            var due = started + interval * sent;
            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        return sent;
    }

    private async Task<IReadOnlyList<Template>> LoadTemplatesAsync(SimulatedScenario scenario, CancellationToken ct)
    {
        var areas = scenario switch
        {
            SimulatedScenario.Storm => new[] { "storm_drainage", "electricity", "landscaping", "housing_maintenance", "street_lighting" },
            SimulatedScenario.HeatingFailure => ["heating"],
            _ => null,
        };
        const string sql = """
            SELECT a.service_type_id AS ServiceTypeId, a.channel_id::int AS ChannelId, a.lat AS Lat, a.lon AS Lon, a.address AS Address,
                   a.district_id::int AS DistrictId, a.description AS Description, a.language AS Language
            FROM appeals a JOIN areas ar ON ar.id = a.area_id
            WHERE a.created_at > city_now() - interval '400 days'
              AND (@areas::text[] IS NULL OR ar.code = ANY(@areas))
              AND (@district::int IS NULL OR a.district_id = @district)
            ORDER BY random() LIMIT 2000
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        // A heating failure hits one district: the one with most heating appeals.
        int? district = scenario == SimulatedScenario.HeatingFailure
            ? await conn.ExecuteScalarAsync<int?>(new CommandDefinition(
                "SELECT district_id::int FROM appeals WHERE area_id = (SELECT id FROM areas WHERE code = 'heating') GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", cancellationToken: ct))
            : null;
        return (await conn.QueryAsync<Template>(new CommandDefinition(sql, new { areas, district }, cancellationToken: ct, commandTimeout: 120))).AsList();
    }
}
