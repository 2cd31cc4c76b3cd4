using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Tests.Features.CitySystems;

/// <summary>
/// A known set of the city systems' data written straight into the 0050 tables (the intake is another part's), on a
/// database with the demo city's districts: the read-model and component tests' city, and the browser tests' (this file
/// is linked into the E2E project).
/// </summary>
public static class SystemsData
{
    public const int Cameras = 2500, Manholes = 30, StaleManholes = 5, Households = 40, Buildings = 10;

    /// <summary>Writes the set, "now" being <paramref name="nowUtc"/>.</summary>
    public static async Task SeedAsync(NpgsqlConnection conn, DateTime nowUtc)
    {
        // The demo city's own systems go first: the counts below are of this set alone.
        await conn.ExecuteAsync("""
            DELETE FROM city_alert_seen; DELETE FROM city_alert_state; DELETE FROM city_alerts; DELETE FROM city_reading_daily; DELETE FROM city_readings; DELETE FROM city_objects;
            """);
        var districts = (await conn.QueryAsync<(short Id, double Lat, double Lon)>("SELECT id, center_lat, center_lon FROM districts ORDER BY id")).ToList();
        const string insert = """
            INSERT INTO city_objects (system_code, source_id, name, district_id, lat, lon, attrs, last_vals, last_at, updated_at, updated_by)
            VALUES (@system, @source, @name, @district, @lat, @lon, @attrs::jsonb, @vals::jsonb, @lastAt, @updated, 'test')
            """;
        // Cameras on a 50 x 50 grid over the city, statuses in turn.
        string[] statuses = ["online", "online", "online", "offline", "maintenance"];
        string[] near = ["school", "kindergarten", "bus_stop", "mall", "street"];
        await conn.ExecuteAsync(insert, Enumerable.Range(0, Cameras).Select(i => new
        {
            system = "cameras", source = $"CAM-{i:D5}", name = $"Камера {i}", district = districts[i % districts.Count].Id,
            lat = 51.06 + (i / 50) * 0.0035, lon = 71.32 + (i % 50) * 0.0055,
            attrs = $$"""{"camera_kind":"fixed","near":"{{near[i % near.Length]}}","status":"{{statuses[i % statuses.Length]}}"}""",
            vals = (string?)null, lastAt = (DateTime?)null, updated = nowUtc.AddMinutes(-10),
        }));
        await conn.ExecuteAsync(insert, Enumerable.Range(0, Manholes).Select(i => new
        {
            system = "manholes", source = $"MH-{i:D3}", name = $"Люк {i}", district = districts[i % districts.Count].Id,
            lat = districts[i % districts.Count].Lat + 0.001 * (i / districts.Count), lon = districts[i % districts.Count].Lon,
            attrs = """{"network":"sewer"}""",
            vals = $$"""{"state":"{{(i < 2 ? "open" : "closed")}}","tilt_deg":{{i % 7}},"battery_pct":80}""",
            lastAt = (DateTime?)(i >= Manholes - StaleManholes ? nowUtc.AddHours(-3) : nowUtc.AddMinutes(-5)), updated = nowUtc.AddMinutes(-5),
        }));
        string[] categories = ["disabled", "large_family", "low_income", "elderly_alone"];
        await conn.ExecuteAsync(insert, Enumerable.Range(0, Households).Select(i => new
        {
            system = "social_map", source = $"SM-{i:D3}", name = $"Иванов Иван {i}", district = districts[i % districts.Count].Id,
            lat = districts[i % districts.Count].Lat, lon = districts[i % districts.Count].Lon + 0.001 * i,
            attrs = $$"""{"category":"{{categories[i % categories.Length]}}","members":{{1 + i % 5}},"full_name":"Иванов Иван {{i}}","phone":"+7 701 000 00 {{i:D2}}","address":"ул. Абая, 1, кв. {{i}}"}""",
            vals = (string?)null, lastAt = (DateTime?)null, updated = nowUtc.AddDays(-1),
        }));
        string[] works = ["active", "active", "problem", "completed", "suspended"];
        await conn.ExecuteAsync(insert, Enumerable.Range(0, Buildings).Select(i => new
        {
            system = "construction", source = $"C-{i:D2}", name = $"ЖК «Дом {i}»", district = districts[i % districts.Count].Id,
            lat = districts[i % districts.Count].Lat - 0.002, lon = districts[i % districts.Count].Lon,
            attrs = $$"""{"permit_no":"P-{{i}}","developer":"ТОО Курылыс","shared_equity":{{(i % 2 == 0 ? "true" : "false")}},"progress_pct":{{i * 10}},"status":"{{works[i % works.Length]}}"}""",
            vals = (string?)null, lastAt = (DateTime?)null, updated = nowUtc.AddDays(-i * 20),
        }));

        // Alerts: two covers open (critical, open), one tilted (warning), three closed ones, and three cameras offline.
        var rule = await conn.ExecuteScalarAsync<int>("""
            INSERT INTO city_alert_rules (system_code, code, name_ru, name_kk, name_en, conditions, severity, updated_at, updated_by)
            VALUES ('manholes', 'test.manhole-open', 'Люк открыт', 'Люк ашық', 'Cover open', '[{"field":"state","op":"eq","value":"open"}]', 'critical', @nowUtc, 'test')
            RETURNING id
            """, new { nowUtc });
        var camRule = await conn.ExecuteScalarAsync<int>("""
            INSERT INTO city_alert_rules (system_code, code, name_ru, name_kk, name_en, conditions, severity, updated_at, updated_by)
            VALUES ('cameras', 'test.camera-offline', 'Камера не в сети', 'Камера желіден тыс', 'Camera offline', '[{"field":"status","op":"eq","value":"offline"}]', 'critical', @nowUtc, 'test')
            RETURNING id
            """, new { nowUtc });
        await conn.ExecuteAsync("""
            INSERT INTO city_alerts (kind, rule_id, system_code, object_id, severity, opened_at, closed_at, value, district_id, lat, lon)
            SELECT 'rule', @rule, o.system_code, o.id, CASE WHEN o.source_id = 'MH-002' THEN 'warning' ELSE 'critical' END,
                   @nowUtc - interval '20 minutes', NULL, 1, o.district_id, o.lat, o.lon
            FROM city_objects o WHERE o.system_code = 'manholes' AND o.source_id IN ('MH-000', 'MH-001', 'MH-002');
            INSERT INTO city_alerts (kind, rule_id, system_code, object_id, severity, opened_at, closed_at, value, district_id, lat, lon)
            SELECT 'rule', @rule, o.system_code, o.id, 'critical', @nowUtc - make_interval(days => n), @nowUtc - make_interval(days => n) + interval '1 hour', 1, o.district_id, o.lat, o.lon
            FROM city_objects o CROSS JOIN generate_series(1, 3) n WHERE o.system_code = 'manholes' AND o.source_id = 'MH-010';
            INSERT INTO city_alerts (kind, rule_id, system_code, object_id, severity, opened_at, district_id, lat, lon)
            SELECT 'rule', @camRule, o.system_code, o.id, 'critical', @nowUtc - interval '1 hour', o.district_id, o.lat, o.lon
            FROM city_objects o WHERE o.system_code = 'cameras' AND o.source_id IN ('CAM-00003', 'CAM-00008', 'CAM-00013');
            """, new { rule, camRule, nowUtc });

        // Readings of one cover over two months (their partitions first), and ten days of roll-ups per district.
        var month = DateOnly.FromDateTime(nowUtc);
        await conn.ExecuteAsync("SELECT city_readings_partition(@m::date); SELECT city_readings_partition((@m::date - interval '1 month')::date)",
            new { m = month.ToDateTime(TimeOnly.MinValue) });
        await conn.ExecuteAsync("""
            INSERT INTO city_readings (object_id, observed_at, system_code, vals, received_at)
            SELECT o.id, @nowUtc - make_interval(hours => h), 'manholes', jsonb_build_object('state', 'closed', 'tilt_deg', h % 5, 'battery_pct', 90 - h / 24), @nowUtc
            FROM city_objects o CROSS JOIN generate_series(0, 24 * 40, 6) h WHERE o.system_code = 'manholes' AND o.source_id = 'MH-003';
            INSERT INTO city_reading_daily (system_code, day, district_id, field, n, sum, min, max)
            SELECT 'manholes', (@nowUtc AT TIME ZONE 'Asia/Almaty')::date - d, dist.id, 'tilt_deg', 144, 144 * (d % 3 + dist.id), 0, 10
            FROM generate_series(0, 9) d CROSS JOIN districts dist;
            """, new { nowUtc });
    }


    /// <summary>Tells open pages that the systems changed, as the intake does after a batch.</summary>
    public static Task NotifyAsync(NpgsqlConnection conn) => conn.ExecuteAsync("""
        WITH c AS (INSERT INTO appeal_changes (kind, rows, first_id, last_id, critical) VALUES ('systems', 1, 0, 0, 0) RETURNING id)
        SELECT pg_notify('city_changes', json_build_object('id', c.id, 'kind', 'systems', 'rows', 1, 'first_id', 0, 'last_id', 0, 'critical', 0)::text) FROM c
        """);
}
