using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using IKomek.Dashboard.Features.CitySystems.Intake;
using IKomek.Dashboard.Platform.Audit;
using Npgsql;

namespace IKomek.Dashboard.Features.CitySystems.Demo;

/// <summary>The simulator's settings (section <see cref="Section"/>): off unless <c>Simulate</c> is true.</summary>
public sealed class SystemsSimulatorOptions
{
    public const string Section = "City:Systems";

    /// <summary>Stream readings of the feeds into the running panel through the intake.</summary>
    public bool Simulate { get; set; }

    /// <summary>Seconds between two rounds of readings.</summary>
    public int SimulateEverySeconds { get; set; } = 5;

    /// <summary>Objects that send a reading in one round.</summary>
    public int SimulateObjectsPerRound { get; set; } = 200;
}

/// <summary>
/// Streams feed readings into a running panel (City:Systems:Simulate=true), through the same checks and writer as the API:
/// every few seconds a sample of the feeds' objects sends its next reading (its last values drifting within the field's
/// range, a vehicle moving on), and now and then one is alert-worthy (a manhole cover opens, a boiler house's coal falls
/// to three days of burn, a pharmacy's antiseptics below their minimum).
/// </summary>
public sealed class SystemsSimulator(SystemsIntake intake, NpgsqlDataSource db, TimeProvider time, SystemsSimulatorOptions options,
    ILogger<SystemsSimulator> log) : BackgroundService
{
    private static readonly Actor Simulator = Actor.Job("systems-simulator");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rng = new Random(109);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.SimulateEverySeconds)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var written = await RoundAsync(rng, stoppingToken);
                log.LogDebug("Systems simulator: {Readings} readings", written);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Systems simulator: a round failed");
            }
        }
    }

    /// <summary>One round: returns the readings stored.</summary>
    public async Task<int> RoundAsync(Random rng, CancellationToken ct = default)
    {
        var systems = await intake.Catalogue.GetAsync(ct);
        await using var conn = await db.OpenConnectionAsync(ct);
        var sample = await conn.QueryAsync<(string System, string SourceId, string Vals, double? Lat, double? Lon)>(new CommandDefinition("""
            SELECT o.system_code, o.source_id, o.last_vals::text, o.lat, o.lon FROM city_objects o JOIN city_systems s ON s.code = o.system_code
            WHERE s.kind = 'feed' AND o.last_vals IS NOT NULL ORDER BY random() LIMIT @n
            """, new { n = options.SimulateObjectsPerRound }, cancellationToken: ct));
        var now = time.GetUtcNow().ToOffset(TimeSpan.FromHours(5));
        var stored = 0;
        foreach (var group in sample.GroupBy(o => o.System))
        {
            var system = systems[group.Key];
            var items = group.Select(o => Next(system, o.SourceId, JsonNode.Parse(o.Vals)!.AsObject(), o.Lat, o.Lon, now, rng)).ToList();
            stored += (await intake.SubmitAsync(system, SystemsPath.Readings, items, Simulator, ct)).Accepted;
        }
        return stored;
    }

    /// <summary>The object's next reading: its last values drifting, now and then an alert-worthy one.</summary>
    public static JsonElement Next(CitySystem system, string sourceId, JsonObject last, double? lat, double? lon, DateTimeOffset now, Random rng)
    {
        var vals = new JsonObject();
        foreach (var field in system.Fields.Where(f => f.IsReading))
        {
            if (last[field.Name] is not { } value) continue;
            if (field.IsNumeric && value.GetValueKind() == JsonValueKind.Number)
            {
                var next = Math.Clamp(value.GetValue<double>() * (1 + (rng.NextDouble() - 0.5) * 0.04), field.MinValue ?? double.MinValue, field.MaxValue ?? double.MaxValue);
                vals[field.Name] = field.Type == "integer" ? (JsonNode)(long)Math.Round(next) : Math.Round(next, 2);
            }
            else vals[field.Name] = value.DeepClone();
        }
        if (rng.NextDouble() < 0.02) Alarm(system.Code, vals);
        var item = new JsonObject { ["source_id"] = sourceId, ["observed_at"] = now.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture), ["values"] = vals };
        if (system.Code == "gps" && lat is { } la && lon is { } lo)
        {
            var (nLat, nLon) = (la + (rng.NextDouble() - 0.5) * 0.002, lo + (rng.NextDouble() - 0.5) * 0.003);
            if (SystemItemValidator.InCity(nLat, nLon)) (la, lo) = (nLat, nLon);
            item["lat"] = Math.Round(la, 6);
            item["lon"] = Math.Round(lo, 6);
        }
        return JsonSerializer.SerializeToElement(item);
    }

    private static void Alarm(string system, JsonObject vals)
    {
        switch (system)
        {
            case "manholes":
                vals["state"] = "open";
                vals["tilt_deg"] = 45;
                break;
            case "fuel" when vals["coal_burn_t_day"] is { } burn:
                vals["coal_t"] = Math.Round(burn.GetValue<double>() * 3, 1);
                break;
            case "medicines" when vals["antiseptic_min_l"] is { } min:
                vals["antiseptic_l"] = Math.Round(min.GetValue<double>() * 0.5, 1);
                break;
            case "street_lighting":
                vals["fault"] = true;
                vals["is_on"] = false;
                break;
        }
    }
}
