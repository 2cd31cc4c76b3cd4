using Dapper;
using IKomek.Dashboard.Features.CitySystems.Alerts;
using IKomek.Dashboard.Features.Live;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.CitySystems.Alerts;

/// <summary>
/// Alerts on the live panel, in a small demo city: an open manhole reported by its sensor and by citizens is one
/// incident, counted once in the city status; appeals elsewhere or about other things stay apart; a personal system's
/// alert names no one.
/// </summary>
public sealed class AlertIncidentsTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private LiveQueries Live() => new(city.DataSource, new AstanaClock(city.Clock));

    private AlertEvaluator Evaluator() => new(city.DataSource, city.Clock);

    /// <summary>A new critical-or-not appeal of a service type matched by name, copied from an existing appeal, at a place.</summary>
    private async Task<long> AppealAsync(string serviceLike, double lat, double lon, short district, bool notLike = false)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>($"""
            INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, organisation_id, department_id,
                                 citizen_id, language, description, address, lat, lon, status, sla_due_at, is_critical)
            SELECT 'A-' || nextval('city_object_changes'), city_now() - interval '20 minutes', a.channel_id, st.id, st.area_id, @district,
                   a.organisation_id, st.department_id, a.citizen_id, a.language, 'Открыт люк во дворе', 'ул. Сыганак, 10', @lat, @lon,
                   'registered', city_now() + interval '1 day', true
            FROM appeals a, (SELECT * FROM service_types WHERE {(notLike ? "NOT" : "")} (name_ru ILIKE @serviceLike) ORDER BY id LIMIT 1) st
            ORDER BY a.id LIMIT 1
            RETURNING id
            """, new { serviceLike, lat, lon, district });
    }

    private async Task<long> ObjectAsync(string system, string attrs, string? vals, double lat, double lon, short district, string name = "Люк МК-17")
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("""
            INSERT INTO city_objects (system_code, source_id, name, district_id, lat, lon, attrs, last_vals, last_at, updated_at, updated_by)
            VALUES (@system, 'src-' || nextval('city_object_changes'), @name, @district, @lat, @lon, @attrs::jsonb, @vals::jsonb,
                    city_now(), city_now(), 'test')
            RETURNING id
            """, new { system, name, district, lat, lon, attrs, vals });
    }

    [Fact]
    public async Task OpenManhole_ReportedBySensorAndCitizens_IsOneIncident_CountedOnce()
    {
        const double lat = 51.1400, lon = 71.4100;
        const short district = 2;
        var near = await AppealAsync("%люк%", lat + 0.0005, lon + 0.0005, district);           // ~65 m
        var far = await AppealAsync("%люк%", lat + 0.01, lon, district);                       // ~1.1 km
        var otherKind = await AppealAsync("%люк%", lat, lon, district, notLike: true);         // same place, not a manhole
        long problem, farProblem;
        await using (var conn = await city.DataSource.OpenConnectionAsync())
        {
            const string insert = """
                INSERT INTO systemic_problems (title, area_id, service_type_id, district_id, status, first_seen, last_seen, lat, lon)
                SELECT 'Открытые люки во дворах', area_id, id, @district, 'confirmed', city_now(), city_now(), @lat, @lon
                FROM service_types WHERE name_ru ILIKE '%люк%' ORDER BY id LIMIT 1
                RETURNING id
                """;
            problem = await conn.ExecuteScalarAsync<long>(insert, new { district, lat = lat - 0.0008, lon });       // ~90 m
            farProblem = await conn.ExecuteScalarAsync<long>(insert, new { district, lat, lon = lon + 0.01 });     // ~700 m
        }
        var before = await Live().GetSnapshotAsync();
        Assert.Contains(before.CriticalIncidents, i => i.Id == near);

        var manhole = await ObjectAsync("manholes", "{}", """{"state": "open", "tilt_deg": 3}""", lat, lon, district);
        await Evaluator().OnChangesAsync(0, 0);
        var after = await Live().GetSnapshotAsync();

        var incident = Assert.Single(after.SystemIncidents!, a => a.ObjectName == "Люк МК-17");
        Assert.Equal("manholes.cover_open", incident.RuleCode);
        Assert.Equal([near], incident.AppealIds);
        Assert.Equal(2, incident.Reports);
        Assert.Equal([problem], incident.ProblemIds);   // not farProblem, 700 m away
        Assert.DoesNotContain(farProblem, incident.ProblemIds);
        Assert.Equal(district, incident.DistrictId);
        Assert.DoesNotContain(after.CriticalIncidents, i => i.Id == near);
        Assert.Contains(after.CriticalIncidents, i => i.Id == far);
        Assert.Contains(after.CriticalIncidents, i => i.Id == otherKind);
        // The hub's message of it: one incident of two reports.
        var sent = Assert.Single(await Live().GetAlertIncidentsAsync(incident.Id - 1, DateTime.MinValue, default), a => a.Id == incident.Id);
        Assert.Equal(("manholes.cover_open", "Открыт люк", "Люк МК-17", 2), (sent.RuleCode, sent.RuleName, sent.ObjectName, sent.Reports));
        Assert.DoesNotContain(await Live().GetAlertIncidentsAsync(incident.Id, DateTime.MinValue, default), a => a.Id == incident.Id);
        // The citizens' report and the sensor's are one incident in progress: the status counts it once.
        Assert.Equal(before.OpenCriticalIncidents, after.OpenCriticalIncidents);

        // The cover closed: the alert closes, the appeal is an incident of its own again.
        await using (var conn = await city.DataSource.OpenConnectionAsync())
            await conn.ExecuteAsync("""
                UPDATE city_objects SET last_vals = '{"state": "closed", "tilt_deg": 0}', change_seq = nextval('city_object_changes') WHERE id = @manhole
                """, new { manhole });
        await Evaluator().OnChangesAsync(0, 0);
        var closed = await Live().GetSnapshotAsync();
        Assert.DoesNotContain(closed.SystemIncidents!, a => a.ObjectName == "Люк МК-17");
        Assert.Contains(closed.CriticalIncidents, i => i.Id == near);
    }

    [Fact]
    public async Task RaisingRule_WithoutAppeals_RaisesTheIncidentCount_AndAWarningIsNoIncident()
    {
        var before = await Live().GetSnapshotAsync();
        await ObjectAsync("manholes", "{}", """{"state": "open", "tilt_deg": 0}""", 51.20, 71.30, 5, name: "Люк Б-2");
        await ObjectAsync("street_lighting", "{}", """{"is_on": false, "fault": true}""", 51.21, 71.31, 5);
        await Evaluator().OnChangesAsync(0, 0);
        var after = await Live().GetSnapshotAsync();

        Assert.Equal(before.OpenCriticalIncidents + 1, after.OpenCriticalIncidents);
        Assert.DoesNotContain(after.SystemIncidents!, a => a.SystemCode == "street_lighting");
    }

    [Fact]
    public async Task PersonalSystemsAlert_ShowsOnlyItsDistrictAndRule()
    {
        await using (var conn = await city.DataSource.OpenConnectionAsync())
            await conn.ExecuteAsync("""
                INSERT INTO city_alert_rules (system_code, code, name_ru, name_kk, name_en, conditions, severity, updated_at, updated_by)
                VALUES ('covid', 'covid.hospitalized_test', 'Госпитализация', 'Ауруханаға жатқызу', 'Hospitalised',
                        '[{"field": "status", "op": "=", "value": "hospitalized"}]', 'critical', city_now(), 'test')
                """);
        await ObjectAsync("covid", """{"reported_on": "2026-03-30", "case_kind": "case", "status": "hospitalized", "full_name": "Иванов Иван", "address": "ул. Абая, 1, кв. 5"}""",
            null, 51.15, 71.42, 3, name: "Иванов Иван");
        await Evaluator().OnChangesAsync(0, 0);

        var incident = Assert.Single((await Live().GetSnapshotAsync()).SystemIncidents!, a => a.SystemCode == "covid");
        Assert.Null(incident.ObjectName);
        Assert.Equal(3, incident.DistrictId);
        var open = Assert.Single(await new AlertQueries(city.DataSource).GetOpenAsync("covid"));
        Assert.Equal((null, null, null, null, true), (open.ObjectName, open.ObjectId, open.Lat, open.Lon, open.Personal));
        Assert.Equal("Госпитализация", open.RuleNameRu);
        var sent = Assert.Single(await Live().GetAlertIncidentsAsync(null, DateTime.UtcNow.AddYears(-5), default), a => a.SystemCode == "covid");
        Assert.Null(sent.ObjectName);
    }
}
