using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dapper;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Database;
using Npgsql;
using NpgsqlTypes;

namespace IKomek.Dashboard.Features.CitySystems.Intake;

/// <summary>Checked items of one system, by one path, from one sender (an API key's source, a person's import, a job).</summary>
public sealed record SystemsBatch(string SystemCode, SystemsPath Path, IReadOnlyList<SystemsItem> Items, Actor By);

/// <summary>What a batch did: items stored (readings inserted, objects written), and readings already stored before.</summary>
public sealed record SystemsWriteResult(int Accepted, int Duplicates);

/// <summary>
/// Writes the city systems' checked items through the group commit the appeals' intake uses
/// (<see cref="GroupCommit{TItem,TResult}"/>): batches that arrive while a transaction is written go together into the
/// next one. In that transaction: the items go in by binary COPY into temporary tables; objects are upserted once each
/// (attributes merged, the latest reading's values, time and place kept on the object, where an older reading arriving
/// late changes nothing; change_seq moves only when something changed); readings are inserted idempotently by
/// (object, observed_at), duplicates counted; the daily roll-up of every numeric reading field is upserted from the
/// readings inserted; one 'systems' change row and its NOTIFY tell the open panels and the alert evaluator.
/// The readings' month partitions are made first (city_readings_partition), once per month per node.
/// </summary>
public sealed class SystemsWriter : IAsyncDisposable
{
    /// <summary>Most batches in one transaction.</summary>
    public const int MaxGroup = 64;

    // The city systems are Astana's (their intake checks Astana's outline): a reading's day is its UTC+5 day, whatever
    // the date (the IANA Asia/Almaty was UTC+6 before March 2024).
    private static readonly TimeSpan Astana = TimeSpan.FromHours(5);

    private readonly NpgsqlDataSource _db;
    private readonly TimeProvider _time;
    private readonly GroupCommit<SystemsBatch, SystemsWriteResult> _groups;
    private readonly ConcurrentDictionary<DateOnly, bool> _months = new();

    public SystemsWriter(NpgsqlDataSource db, TimeProvider time)
    {
        _db = db;
        _time = time;
        _groups = new GroupCommit<SystemsBatch, SystemsWriteResult>(WriteGroupAsync, MaxGroup);
    }

    /// <summary>Writes a batch (with whatever else is queued) in one transaction; returns once it is committed.</summary>
    public Task<SystemsWriteResult> WriteAsync(SystemsBatch batch, CancellationToken ct = default) =>
        batch.Items.Count == 0 ? Task.FromResult(new SystemsWriteResult(0, 0)) : _groups.WriteAsync(batch, ct);

    private sealed record ObjectRow(string System, string SourceId, string? Name, int? DistrictId, double? Lat, double? Lon,
        JsonObject Attrs, string? LastVals, DateTimeOffset? LastAt, string By);

    private sealed record ReadingRow(int Batch, string System, string SourceId, DateTimeOffset ObservedAt, DateOnly Day, int? DistrictId,
        double? Lat, double? Lon, string Vals);

    private async Task<SystemsWriteResult[]> WriteGroupAsync(IReadOnlyList<SystemsBatch> batches)
    {
        var now = _time.GetUtcNow();
        var (objects, readings) = Arrange(batches);
        await EnsurePartitionsAsync(readings.Select(r => DateOnly.FromDateTime(r.ObservedAt.UtcDateTime)));

        await using var conn = await _db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync(new CommandDefinition("""
            CREATE TEMP TABLE systems_objects_in (system_code text, source_id text, name text, district_id smallint, lat float8, lon float8,
                attrs jsonb, last_vals jsonb, last_at timestamptz, updated_by text) ON COMMIT DROP;
            CREATE TEMP TABLE systems_readings_in (batch int, system_code text, source_id text, observed_at timestamptz, day date,
                district_id smallint, lat float8, lon float8, vals jsonb) ON COMMIT DROP;
            """, transaction: tx));
        await CopyObjectsAsync(conn, objects);
        await CopyReadingsAsync(conn, readings);
        // Statistics of what was just copied: without them the planner takes the tables for empty and joins them row by row.
        await conn.ExecuteAsync(new CommandDefinition("ANALYZE systems_objects_in; ANALYZE systems_readings_in", transaction: tx));

        // Objects in key order (concurrent nodes lock them in one order); a row that would not change is left alone.
        var seqs = (await conn.QueryAsync<long>(new CommandDefinition("""
            INSERT INTO city_objects AS o (system_code, source_id, name, district_id, lat, lon, attrs, last_vals, last_at, updated_at, updated_by)
            SELECT system_code, source_id, name, district_id, lat, lon, attrs, last_vals, last_at, @now, updated_by
            FROM systems_objects_in ORDER BY system_code, source_id
            ON CONFLICT (system_code, source_id) DO UPDATE SET
                name = coalesce(EXCLUDED.name, o.name),
                attrs = o.attrs || EXCLUDED.attrs,
                last_vals = CASE WHEN EXCLUDED.last_at > o.last_at OR (o.last_at IS NULL AND EXCLUDED.last_at IS NOT NULL) THEN EXCLUDED.last_vals ELSE o.last_vals END,
                last_at = greatest(o.last_at, EXCLUDED.last_at),
                -- A place moves with a newer reading (GPS) or a registration; a late reading leaves it.
                lat = CASE WHEN EXCLUDED.lat IS NULL OR EXCLUDED.last_at <= o.last_at THEN o.lat ELSE EXCLUDED.lat END,
                lon = CASE WHEN EXCLUDED.lon IS NULL OR EXCLUDED.last_at <= o.last_at THEN o.lon ELSE EXCLUDED.lon END,
                district_id = CASE WHEN EXCLUDED.district_id IS NULL OR EXCLUDED.last_at <= o.last_at THEN o.district_id ELSE EXCLUDED.district_id END,
                updated_at = EXCLUDED.updated_at,
                updated_by = EXCLUDED.updated_by,
                change_seq = nextval('city_object_changes')
            WHERE o.attrs IS DISTINCT FROM o.attrs || EXCLUDED.attrs
               OR coalesce(EXCLUDED.name, o.name) IS DISTINCT FROM o.name
               OR EXCLUDED.last_at > o.last_at OR (o.last_at IS NULL AND EXCLUDED.last_at IS NOT NULL)
               OR (EXCLUDED.last_at IS NULL AND EXCLUDED.lat IS NOT NULL AND (EXCLUDED.lat, EXCLUDED.lon) IS DISTINCT FROM (o.lat, o.lon))
               OR (EXCLUDED.last_at IS NULL AND EXCLUDED.district_id IS NOT NULL AND EXCLUDED.district_id IS DISTINCT FROM o.district_id)
            RETURNING change_seq
            """, new { now }, tx))).AsList();

        var inserted = readings.Count == 0 ? new Dictionary<int, int>() : (await conn.QueryAsync<(int Batch, int Count)>(new CommandDefinition("""
            WITH src AS MATERIALIZED (
                SELECT r.batch, r.system_code, r.day, coalesce(r.district_id, o.district_id, 0) AS district_id, r.vals, r.lat, r.lon,
                       r.observed_at, o.id AS object_id
                FROM systems_readings_in r JOIN city_objects o ON o.system_code = r.system_code AND o.source_id = r.source_id
            ), ins AS (
                INSERT INTO city_readings (object_id, observed_at, system_code, lat, lon, vals, received_at)
                SELECT object_id, observed_at, system_code, lat, lon, vals, @now FROM src
                ORDER BY object_id, observed_at
                ON CONFLICT (object_id, observed_at) DO NOTHING
                RETURNING object_id, observed_at
            ), got AS (
                SELECT src.batch, src.system_code, src.day, src.district_id, src.vals
                FROM ins JOIN src ON src.object_id = ins.object_id AND src.observed_at = ins.observed_at
            ), daily AS (
                INSERT INTO city_reading_daily AS d (system_code, day, district_id, field, n, sum, min, max)
                SELECT g.system_code, g.day, g.district_id, f.key, count(*), sum(f.value::float8), min(f.value::float8), max(f.value::float8)
                FROM got g CROSS JOIN LATERAL jsonb_each(g.vals) f
                WHERE jsonb_typeof(f.value) = 'number'
                GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                ON CONFLICT (system_code, day, district_id, field) DO UPDATE SET
                    n = d.n + EXCLUDED.n, sum = d.sum + EXCLUDED.sum, min = least(d.min, EXCLUDED.min), max = greatest(d.max, EXCLUDED.max)
            )
            SELECT batch, count(*)::int FROM got GROUP BY batch
            """, new { now }, tx))).ToDictionary(r => r.Batch, r => r.Count);

        // rows: readings stored and objects changed; first_id..last_id: the objects' change_seq range (0..0 when only
        // late readings went in).
        var written = inserted.Values.Sum() + seqs.Count;
        if (written > 0)
        {
            await conn.ExecuteAsync(new CommandDefinition("""
                WITH c AS (
                    INSERT INTO appeal_changes (kind, rows, first_id, last_id, critical) VALUES ('systems', @rows, @first, @last, 0)
                    RETURNING id, rows, first_id, last_id)
                SELECT pg_notify('city_changes', json_build_object(
                    'id', c.id, 'kind', 'systems', 'rows', c.rows, 'first_id', c.first_id, 'last_id', c.last_id, 'critical', 0)::text) FROM c
                """, new { rows = written, first = seqs.Count == 0 ? 0 : seqs.Min(), last = seqs.Count == 0 ? 0 : seqs.Max() }, tx));
        }
        await tx.CommitAsync();

        return batches.Select((b, i) => b.Path == SystemsPath.Objects
            ? new SystemsWriteResult(b.Items.Count, 0)
            : new SystemsWriteResult(inserted.GetValueOrDefault(i), b.Items.Count - inserted.GetValueOrDefault(i))).ToArray();
    }

    /// <summary>
    /// One row per object over the whole group (its attributes merged in arrival order, its latest reading's values,
    /// time and place), and the readings without repeats: a reading sent twice in the group is stored once (its first
    /// copy counts for its batch; the other is a duplicate wherever it came).
    /// </summary>
    private static (List<ObjectRow> Objects, List<ReadingRow> Readings) Arrange(IReadOnlyList<SystemsBatch> batches)
    {
        var objects = new Dictionary<(string, string), ObjectRow>();
        var readings = new List<ReadingRow>();
        var seen = new HashSet<(string, string, DateTimeOffset)>();
        for (var b = 0; b < batches.Count; b++)
        {
            var batch = batches[b];
            foreach (var item in batch.Items)
            {
                var key = (batch.SystemCode, item.SourceId);
                var attrs = (JsonObject)JsonNode.Parse(item.AttrsJson)!;
                var row = objects.TryGetValue(key, out var known)
                    ? known with { Name = item.Name ?? known.Name, By = batch.By.Name }
                    : new ObjectRow(batch.SystemCode, item.SourceId, item.Name, null, null, null, new JsonObject(), null, null, batch.By.Name);
                foreach (var (name, value) in attrs) row.Attrs[name] = value?.DeepClone();

                var placed = item.Lat is not null || item.DistrictId is not null;
                if (item.ObservedAt is { } at)
                {
                    if (!seen.Add((batch.SystemCode, item.SourceId, at))) { objects[key] = row; continue; }
                    readings.Add(new ReadingRow(b, batch.SystemCode, item.SourceId, at, DateOnly.FromDateTime(at.ToOffset(Astana).DateTime),
                        item.DistrictId, item.Lat, item.Lon, item.ValsJson!));
                    if (row.LastAt is null || at > row.LastAt)
                    {
                        row = row with { LastAt = at, LastVals = item.ValsJson };
                        if (placed) row = row with { Lat = item.Lat, Lon = item.Lon, DistrictId = item.DistrictId };
                    }
                }
                else if (placed && row.LastAt is null)
                {
                    row = row with { Lat = item.Lat, Lon = item.Lon, DistrictId = item.DistrictId };
                }
                objects[key] = row;
            }
        }
        return (objects.Values.ToList(), readings);
    }

    private async Task EnsurePartitionsAsync(IEnumerable<DateOnly> days)
    {
        var months = days.Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct().Where(m => !_months.ContainsKey(m)).ToArray();
        if (months.Length == 0) return;
        await using var conn = await _db.OpenConnectionAsync();
        await conn.ExecuteAsync(new CommandDefinition("SELECT city_readings_partition(m::date) FROM unnest(@months) m ORDER BY m",
            new { months = months.Select(m => m.ToDateTime(TimeOnly.MinValue)).ToArray() }));
        foreach (var m in months) _months[m] = true;
    }

    private static async Task CopyObjectsAsync(NpgsqlConnection conn, List<ObjectRow> objects)
    {
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY systems_objects_in (system_code, source_id, name, district_id, lat, lon, attrs, last_vals, last_at, updated_by) FROM STDIN (FORMAT BINARY)");
        foreach (var o in objects)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(o.System, NpgsqlDbType.Text);
            await copy.WriteAsync(o.SourceId, NpgsqlDbType.Text);
            await WriteNullable(copy, o.Name, NpgsqlDbType.Text);
            await WriteNullable(copy, o.DistrictId is { } d ? (short)d : (short?)null, NpgsqlDbType.Smallint);
            await WriteNullable(copy, o.Lat, NpgsqlDbType.Double);
            await WriteNullable(copy, o.Lon, NpgsqlDbType.Double);
            await copy.WriteAsync(o.Attrs.ToJsonString(), NpgsqlDbType.Jsonb);
            await WriteNullable(copy, o.LastVals, NpgsqlDbType.Jsonb);
            await WriteNullable(copy, o.LastAt?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(o.By, NpgsqlDbType.Text);
        }
        await copy.CompleteAsync();
    }

    private static async Task CopyReadingsAsync(NpgsqlConnection conn, List<ReadingRow> readings)
    {
        if (readings.Count == 0) return;
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY systems_readings_in (batch, system_code, source_id, observed_at, day, district_id, lat, lon, vals) FROM STDIN (FORMAT BINARY)");
        foreach (var r in readings)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(r.Batch, NpgsqlDbType.Integer);
            await copy.WriteAsync(r.System, NpgsqlDbType.Text);
            await copy.WriteAsync(r.SourceId, NpgsqlDbType.Text);
            await copy.WriteAsync(r.ObservedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await copy.WriteAsync(r.Day, NpgsqlDbType.Date);
            await WriteNullable(copy, r.DistrictId is { } d ? (short)d : (short?)null, NpgsqlDbType.Smallint);
            await WriteNullable(copy, r.Lat, NpgsqlDbType.Double);
            await WriteNullable(copy, r.Lon, NpgsqlDbType.Double);
            await copy.WriteAsync(r.Vals, NpgsqlDbType.Jsonb);
        }
        await copy.CompleteAsync();
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type) =>
        value is null ? copy.WriteNullAsync() : copy.WriteAsync(value, type);

    public ValueTask DisposeAsync() => _groups.DisposeAsync();
}
