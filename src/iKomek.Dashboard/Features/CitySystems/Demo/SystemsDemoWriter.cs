using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace IKomek.Dashboard.Features.CitySystems.Demo;

/// <summary>
/// Writes the demo city's systems in bulk, inside the demo city's transaction: objects by binary COPY (with their latest
/// reading on them), the readings by COPY into a temporary table and one INSERT ... SELECT into their month partitions,
/// and the daily roll-ups computed once from them, as the intake's writer keeps them.
/// </summary>
public static class SystemsDemoWriter
{
    public const string Actor = "system:demo-city";

    public static (int Objects, int Readings) Write(NpgsqlConnection conn, SystemsDemo demo, DateTime nowUtc)
    {
        var latest = demo.Readings.GroupBy(r => (r.System, r.SourceId)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.AtUtc)!);
        var months = demo.Readings.Select(r => new DateTime(r.AtUtc.Year, r.AtUtc.Month, 1)).Distinct().Order().ToArray();
        conn.Execute("SELECT city_readings_partition(m::date) FROM unnest(@months) m", new { months });

        using (var copy = conn.BeginBinaryImport(
            "COPY city_objects (system_code, source_id, name, district_id, lat, lon, attrs, last_vals, last_at, updated_at, updated_by) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var o in demo.Objects)
            {
                var last = latest.GetValueOrDefault((o.System, o.SourceId));
                copy.StartRow();
                copy.Write(o.System, NpgsqlDbType.Text);
                copy.Write(o.SourceId, NpgsqlDbType.Text);
                if (o.Name is null) copy.WriteNull(); else copy.Write(o.Name, NpgsqlDbType.Text);
                copy.Write((short)o.DistrictId, NpgsqlDbType.Smallint);
                copy.Write(last?.Lat ?? o.Lat, NpgsqlDbType.Double);
                copy.Write(last?.Lon ?? o.Lon, NpgsqlDbType.Double);
                copy.Write(JsonSerializer.Serialize(o.Attrs), NpgsqlDbType.Jsonb);
                if (last is null) { copy.WriteNull(); copy.WriteNull(); }
                else { copy.Write(JsonSerializer.Serialize(last.Vals), NpgsqlDbType.Jsonb); copy.Write(last.AtUtc, NpgsqlDbType.TimestampTz); }
                copy.Write(nowUtc, NpgsqlDbType.TimestampTz);
                copy.Write(Actor, NpgsqlDbType.Text);
            }
            copy.Complete();
        }

        conn.Execute("""
            CREATE TEMP TABLE demo_systems_readings (system_code text, source_id text, observed_at timestamptz, lat float8, lon float8, district_id smallint, vals jsonb)
            ON COMMIT DROP
            """);
        using (var copy = conn.BeginBinaryImport("COPY demo_systems_readings FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in demo.Readings)
            {
                copy.StartRow();
                copy.Write(r.System, NpgsqlDbType.Text);
                copy.Write(r.SourceId, NpgsqlDbType.Text);
                copy.Write(r.AtUtc, NpgsqlDbType.TimestampTz);
                if (r.Lat is { } lat) copy.Write(lat, NpgsqlDbType.Double); else copy.WriteNull();
                if (r.Lon is { } lon) copy.Write(lon, NpgsqlDbType.Double); else copy.WriteNull();
                if (r.DistrictId is { } d) copy.Write((short)d, NpgsqlDbType.Smallint); else copy.WriteNull();
                copy.Write(JsonSerializer.Serialize(r.Vals), NpgsqlDbType.Jsonb);
            }
            copy.Complete();
        }
        // A moving object's reading counts in the district it was in, a fixed one's in its object's.
        conn.Execute("""
            WITH r AS (
                SELECT o.id, r.observed_at, r.system_code, r.lat, r.lon, r.vals, coalesce(r.district_id, o.district_id) AS district_id
                FROM demo_systems_readings r JOIN city_objects o ON o.system_code = r.system_code AND o.source_id = r.source_id
            ), ins AS (
                INSERT INTO city_readings (object_id, observed_at, system_code, lat, lon, vals, received_at)
                SELECT id, observed_at, system_code, lat, lon, vals, observed_at FROM r
            )
            INSERT INTO city_reading_daily (system_code, day, district_id, field, n, sum, min, max)
            SELECT r.system_code, (r.observed_at AT TIME ZONE 'UTC' + interval '5 hours')::date, coalesce(r.district_id, 0), f.key,
                   count(*), sum(f.value::float8), min(f.value::float8), max(f.value::float8)
            FROM r CROSS JOIN LATERAL jsonb_each(r.vals) f
            WHERE jsonb_typeof(f.value) = 'number'
            GROUP BY 1, 2, 3, 4
            """, commandTimeout: 0);
        return (demo.Objects.Count, demo.Readings.Count);
    }
}
