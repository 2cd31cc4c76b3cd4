using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Dapper;
using IKomek.Dashboard.Features.Intake;
using IKomek.Dashboard.Platform.Csv;
using Npgsql;
using NpgsqlTypes;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Audit;

namespace IKomek.Dashboard.Features.Import;

/// <summary>How far an import has come; <see cref="Fraction"/> is of the file's bytes, when its size is known.</summary>
public sealed record ImportProgress(long RowsRead, long Inserted, long Skipped, long Rejected, double? Fraction);

/// <summary>What an import did. <see cref="Errors"/> holds the first <see cref="AppealImporter.MaxKeptErrors"/> row errors.</summary>
public sealed record ImportResult(
    long RunId, long RowsRead, long Inserted, long Skipped, long Rejected, IReadOnlyList<RowError> Errors, TimeSpan Elapsed,
    ImportFileException? FileError)
{
    public double RowsPerSecond => RowsRead / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>
/// Imports historical appeals from CSV. Rows are parsed and checked in C#, valid ones streamed by binary COPY into a
/// temporary table and moved into appeals (with their registered/resolved/closed events and their source keys) by
/// one set-based statement per batch, each batch in its own transaction: progress can be shown, memory stays flat,
/// and a failure keeps the batches already committed. A row whose key (source id, reg number or row hash) was
/// imported before, or whose reg number is taken, is skipped: importing the same file again inserts nothing.
/// </summary>
public sealed class AppealImporter(NpgsqlDataSource db, RoutingTable routing, CityReference reference, TimeProvider time)
{
    /// <summary>Rows per transaction: big enough that per-statement costs vanish, small enough to keep memory flat.</summary>
    public const int BatchSize = 25_000;

    /// <summary>Batches written at once, each on its own connection (the machine has two cores).</summary>
    public const int Writers = 2;
    public const int MaxKeptErrors = 10_000;

    public async Task<ImportResult> ImportAsync(Stream file, string fileName, ImportMapping mapping, Actor importedBy,
        IProgress<ImportProgress>? progress = null, Action<RowError>? onRejected = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        mapping.Validate();
        await using var conn = await db.OpenConnectionAsync(ct);
        // The run names its server process: a run whose process is gone was interrupted (ImportRuns.MarkInterruptedAsync).
        var runId = await conn.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO import_runs (source, file_name, preset, imported_by, backend_pid, backend_start)
            SELECT @Source, @fileName, @Preset, @Name, pg_backend_pid(), backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()
            RETURNING id
            """, new { mapping.Source, fileName, mapping.Preset, importedBy.Name }, cancellationToken: ct));

        Stream? source = null;
        Stream? utf8 = null;
        var counts = new Counts();
        var kept = new List<RowError>();
        var rowErrors = new List<RowError>();
        ImportFileException? fileError = null;
        var interrupted = false;
        string? encoding = null;
        // One import of a source at a time: two runs of the same file must not both find its keys new.
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(hashtext('appeal_import'), hashtext(@Source))", new { mapping.Source }, cancellationToken: ct));
        try
        {
            // The whole file is checked in its encoding before a row is read: a bad byte stores nothing.
            try
            {
                (utf8, encoding, source) = await CsvEncoding.OpenAsync(file, mapping.Encoding, ct);
            }
            catch (CsvEncodingException e)
            {
                throw new ImportFileException("encoding", e.Encoding, e.Line.ToString(CultureInfo.InvariantCulture),
                    (e.Offset + 1).ToString(CultureInfo.InvariantCulture), e.Value.ToString("X2", CultureInfo.InvariantCulture));
            }
            await using var csv = new CsvRowReader(utf8, mapping.Delimiter, mapping.FormulasEscaped, leaveOpen: true);
            var header = await csv.ReadAsync(ct);
            if (header is null) throw new ImportFileException("empty");
            if (header.Error is not null || header.Fields.All(string.IsNullOrWhiteSpace)) throw new ImportFileException("header");
            var mapper = new AppealRowMapper(mapping, await ImportReference.LoadAsync(conn, await reference.GetAsync(ct), ct), header.Fields, time.GetUtcNow().UtcDateTime);

            // Reading and checking rows overlaps with writing: batches go through a short queue to a few writers,
            // each on its own connection, so PostgreSQL works on several batches while the next one is parsed.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var queue = Channel.CreateBounded<List<ImportedAppeal>>(new BoundedChannelOptions(Writers) { SingleWriter = true });
            var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteAllAsync(queue.Reader, mapping.Source, runId, counts, Report, stop))).ToArray();
            try
            {
                var batch = new List<ImportedAppeal>(BatchSize);
                var seen = new Dictionary<ulong, int>();
                while (await csv.ReadAsync(stop.Token) is { } record)
                {
                    Interlocked.Increment(ref counts.Read);
                    rowErrors.Clear();
                    var appeal = mapper.Map(record, rowErrors);
                    if (appeal is not null && !seen.TryAdd(KeyHash(appeal.SourceKey), appeal.Line))
                    {
                        rowErrors.Add(new RowError(appeal.Line, mapper.Columns.TryGetValue("id", out var id) ? id.Column
                            : mapper.Columns.TryGetValue("reg_number", out var reg) ? reg.Column : "", "duplicateKey",
                            appeal.SourceKey, seen[KeyHash(appeal.SourceKey)].ToString(CultureInfo.InvariantCulture)));
                        appeal = null;
                    }
                    if (appeal is null)
                    {
                        Interlocked.Increment(ref counts.Rejected);
                        foreach (var e in rowErrors)
                        {
                            if (kept.Count < MaxKeptErrors) kept.Add(e);
                            onRejected?.Invoke(e);
                        }
                        continue;
                    }
                    if (!appeal.OrganisationGiven)
                        appeal.OrganisationId = await routing.OrganisationForAsync(appeal.ServiceTypeId, appeal.DepartmentId, appeal.DistrictId, stop.Token);
                    batch.Add(appeal);
                    if (batch.Count >= BatchSize)
                    {
                        await queue.Writer.WriteAsync(batch, stop.Token);
                        batch = new List<ImportedAppeal>(BatchSize);
                    }
                    else if (counts.Read % 5000 == 0) Report(null);
                }
                if (batch.Count > 0) await queue.Writer.WriteAsync(batch, stop.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // A writer failed and stopped the reading: its own exception comes out of the wait below.
            }
            catch
            {
                // The reading failed (a broken upload, a cancel): stop the writers (an unfinished batch rolls back)
                // and wait for them, so nothing is written after the run is recorded.
                await stop.CancelAsync();
                try { await Task.WhenAll(writers); }
                catch (Exception) when (stop.IsCancellationRequested) { }
                throw;
            }
            finally
            {
                queue.Writer.TryComplete();
            }
            await Task.WhenAll(writers);
            Report(1);
        }
        catch (ImportFileException e)
        {
            fileError = e;
        }
        catch
        {
            // Cancelled, the upload broke off, the database failed: the committed batches stay, the run says so.
            interrupted = true;
            throw;
        }
        finally
        {
            if (utf8 is not null && utf8 != source) await utf8.DisposeAsync();
            if (source is not null && source != file) await source.DisposeAsync();
            await FinishAsync(conn, runId, mapping, fileName, encoding, counts, fileError?.Code ?? (interrupted ? "interrupted" : null), importedBy);
        }
        return new ImportResult(runId, counts.Read, counts.Inserted, counts.Skipped, counts.Rejected, kept, clock.Elapsed, fileError);

        void Report(double? fraction) => progress?.Report(new ImportProgress(Volatile.Read(ref counts.Read), Volatile.Read(ref counts.Inserted),
            Volatile.Read(ref counts.Skipped), Volatile.Read(ref counts.Rejected), fraction ?? Fraction()));

        double? Fraction() => source is { Length: > 0 } s ? Math.Min(1, s.Position / (double)s.Length) : null;
    }

    /// <summary>
    /// Records how the run ended and puts it in the audit log. The database may be gone (PostgreSQL stopped under
    /// the import): then the run keeps the counts its committed batches wrote, and the next start marks it interrupted.
    /// </summary>
    private async Task FinishAsync(NpgsqlConnection conn, long runId, ImportMapping mapping, string fileName, string? encoding, Counts counts,
        string? error, Actor actor)
    {
        try
        {
            if (conn.State != System.Data.ConnectionState.Open) return;
            await conn.ExecuteAsync(new CommandDefinition("""
                SELECT pg_advisory_unlock(hashtext('appeal_import'), hashtext(@Source));
                UPDATE import_runs SET finished_at = now(), rows_read = @Read, rows_inserted = @Inserted, rows_skipped = @Skipped,
                       rows_rejected = @Rejected, error = @error
                WHERE id = @runId
                """, new { mapping.Source, runId, counts.Read, counts.Inserted, counts.Skipped, counts.Rejected, error },
                commandTimeout: 15, cancellationToken: CancellationToken.None));
            await AuditLog.RecordAsync(conn, null, actor, AuditActions.Import, "import", runId.ToString(CultureInfo.InvariantCulture),
                new { file = fileName, mapping.Preset, mapping.Source, encoding, rowsRead = counts.Read, inserted = counts.Inserted,
                      skipped = counts.Skipped, rejected = counts.Rejected, outcome = error ?? "finished" }, CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
        {
            // Left for ImportRuns.MarkInterruptedAsync; the original failure is the one that goes on.
        }
    }

    private sealed class Counts
    {
        public long Read;
        public long Inserted;
        public long Skipped;
        public long Rejected;
    }

    private async Task WriteAllAsync(ChannelReader<List<ImportedAppeal>> queue, string source, long runId, Counts counts,
        Action<double?> report, CancellationTokenSource stop)
    {
        try
        {
            await using var conn = await db.OpenConnectionAsync(stop.Token);
            await CreateStagingAsync(conn, stop.Token);
            var referencesPerBatch = await CanCheckReferencesPerBatchAsync(conn, stop.Token);
            await foreach (var batch in queue.ReadAllAsync(stop.Token))
            {
                var added = await WriteBatchAsync(conn, batch, source, runId, referencesPerBatch, counts, stop.Token);
                Interlocked.Add(ref counts.Inserted, added);
                Interlocked.Add(ref counts.Skipped, batch.Count - added);
                report(null);
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private static Task CreateStagingAsync(NpgsqlConnection conn, CancellationToken ct) => conn.ExecuteAsync(new CommandDefinition("""
        CREATE TEMP TABLE IF NOT EXISTS import_staging (
            line integer, source_key text, reg_number text, year integer, created_at timestamptz, channel_id smallint,
            service_type_id integer, area_id smallint, district_id smallint, organisation_id integer, department_id smallint,
            citizen_id bigint, language text, description text, address text, lat double precision, lon double precision,
            status text, is_critical boolean, sla_due_at timestamptz, resolved_at timestamptz, closed_at timestamptz,
            source_category text
        ) ON COMMIT DELETE ROWS
        """, cancellationToken: ct));

    /// <summary>
    /// Whether this connection may skip the row-by-row foreign-key checks (migration 0017): it needs the right to set
    /// session_replication_role (a superuser, as the embedded database's, or a grant), and every trigger other than a
    /// foreign key's on the tables the import writes, directly or through their triggers, must fire always, or replica
    /// mode would skip it.
    /// </summary>
    public const string CanCheckReferencesPerBatch = """
        SELECT has_parameter_privilege('session_replication_role', 'SET')
           AND NOT EXISTS (SELECT 1 FROM pg_trigger t
                           WHERE t.tgrelid IN ('appeals'::regclass, 'appeal_events'::regclass, 'appeal_imports'::regclass,
                                               'appeal_changes'::regclass, 'live_hourly'::regclass, 'live_daily'::regclass,
                                               'live_daily_types'::regclass, 'live_answers'::regclass)
                             AND t.tgenabled <> 'A'
                             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.oid = t.tgconstraint AND c.contype = 'f'))
        """;

    private static Task<bool> CanCheckReferencesPerBatchAsync(NpgsqlConnection conn, CancellationToken ct) =>
        conn.ExecuteScalarAsync<bool>(new CommandDefinition(CanCheckReferencesPerBatch, cancellationToken: ct));

    /// <summary>
    /// The foreign keys' guarantee for a whole batch at once: every referenced row is locked FOR KEY SHARE (what each
    /// foreign-key check takes, so no one can delete or re-key it until the batch commits), once per referenced row
    /// instead of once per appeal and event; a reference that is gone fails the batch as the foreign key would. Then
    /// replica mode skips the foreign-key triggers for the rest of the transaction. The events and source keys
    /// reference the appeals inserted by the same statement.
    /// </summary>
    private const string CheckReferencesOnce = """
        SELECT count(*) FROM (SELECT 1 FROM channels WHERE id IN (SELECT channel_id FROM import_staging) FOR KEY SHARE) c;
        SELECT count(*) FROM (SELECT 1 FROM service_types WHERE id IN (SELECT service_type_id FROM import_staging) FOR KEY SHARE) t;
        SELECT count(*) FROM (SELECT 1 FROM areas WHERE id IN (SELECT area_id FROM import_staging) FOR KEY SHARE) a;
        SELECT count(*) FROM (SELECT 1 FROM districts WHERE id IN (SELECT district_id FROM import_staging) FOR KEY SHARE) d;
        SELECT count(*) FROM (SELECT 1 FROM organisations WHERE id IN (SELECT organisation_id FROM import_staging) FOR KEY SHARE) o;
        SELECT count(*) FROM (SELECT 1 FROM departments WHERE id IN (SELECT department_id FROM import_staging) FOR KEY SHARE) p;
        SELECT count(*) FROM (SELECT 1 FROM import_runs WHERE id = @runId FOR KEY SHARE) r;
        SELECT coalesce(string_agg(missing, ', '), '') FROM (
            SELECT format('channel %s', channel_id) AS missing FROM import_staging WHERE channel_id NOT IN (SELECT id FROM channels)
            UNION SELECT format('service type %s', service_type_id) FROM import_staging WHERE service_type_id NOT IN (SELECT id FROM service_types)
            UNION SELECT format('area %s', area_id) FROM import_staging WHERE area_id NOT IN (SELECT id FROM areas)
            UNION SELECT format('district %s', district_id) FROM import_staging WHERE district_id NOT IN (SELECT id FROM districts)
            -- NOT IN an empty table is true even for NULL: a city without organisations yet (a fresh profile) routes to none.
            UNION SELECT format('organisation %s', organisation_id) FROM import_staging WHERE organisation_id IS NOT NULL AND organisation_id NOT IN (SELECT id FROM organisations)
            UNION SELECT format('department %s', department_id) FROM import_staging WHERE department_id NOT IN (SELECT id FROM departments)
            UNION SELECT format('import run %s', @runId::bigint) WHERE NOT EXISTS (SELECT 1 FROM import_runs WHERE id = @runId)
            LIMIT 10) m
        """;

    private static async Task<int> WriteBatchAsync(NpgsqlConnection conn, List<ImportedAppeal> batch, string source, long runId,
        bool referencesPerBatch, Counts counts, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var copy = await conn.BeginBinaryImportAsync("""
            COPY import_staging (line, source_key, reg_number, year, created_at, channel_id, service_type_id, area_id, district_id,
                organisation_id, department_id, citizen_id, language, description, address, lat, lon, status, is_critical, sla_due_at,
                resolved_at, closed_at, source_category) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var a in batch)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(a.Line, NpgsqlDbType.Integer, ct);
                await WriteNullableAsync(copy, a.KeyIsRegNumber ? null : a.SourceKey, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, a.RegNumber, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(AstanaClock.ToLocal(a.CreatedAt).Year, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(a.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync((short)a.ChannelId, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(a.ServiceTypeId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((short)a.AreaId, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync((short)a.DistrictId, NpgsqlDbType.Smallint, ct);
                await WriteNullableAsync(copy, a.OrganisationId, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync((short)a.DepartmentId, NpgsqlDbType.Smallint, ct);
                await copy.WriteAsync(a.CitizenId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(a.Language, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(a.Description, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, a.Address, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, a.Lat, NpgsqlDbType.Double, ct);
                await WriteNullableAsync(copy, a.Lon, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(a.Status, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(a.IsCritical, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(a.SlaDueAt, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(copy, a.ResolvedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(copy, a.ClosedAt, NpgsqlDbType.TimestampTz, ct);
                await WriteNullableAsync(copy, a.SourceCategory, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }

        if (referencesPerBatch)
        {
            string missing;
            await using (var grid = await conn.QueryMultipleAsync(new CommandDefinition(CheckReferencesOnce, new { runId }, tx, commandTimeout: 600, cancellationToken: ct)))
            {
                for (var i = 0; i < 7; i++) await grid.ReadSingleAsync<long>();
                missing = await grid.ReadSingleAsync<string>();
            }
            // The rows were checked against the reference data read when the import began: one of them went since.
            if (missing.Length > 0) throw new InvalidOperationException($"Reference data changed during the import, no longer present: {missing}");
            await conn.ExecuteAsync(new CommandDefinition("SET LOCAL session_replication_role = replica", transaction: tx, cancellationToken: ct));
        }

        const string insert = """
            WITH fresh AS MATERIALIZED (
                SELECT s.*, coalesce(s.reg_number, next_reg_number(s.year)) AS new_reg
                FROM import_staging s
                WHERE (s.source_key IS NULL OR NOT EXISTS (SELECT 1 FROM appeal_imports i WHERE i.source = @source AND i.source_key = s.source_key))
                  AND (s.reg_number IS NULL OR NOT EXISTS (SELECT 1 FROM appeals a WHERE a.reg_number = s.reg_number))
            ), inserted AS (
                INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, organisation_id,
                                     department_id, citizen_id, language, description, address, lat, lon, status, is_critical,
                                     sla_due_at, resolved_at, closed_at)
                SELECT new_reg, created_at, channel_id, service_type_id, area_id, district_id, organisation_id, department_id,
                       citizen_id, language, description, address, lat, lon, status, is_critical, sla_due_at, resolved_at, closed_at
                FROM fresh ORDER BY line
                ON CONFLICT (reg_number) DO NOTHING
                RETURNING id, reg_number, created_at, resolved_at, closed_at, organisation_id, department_id
            ), events AS (
                -- The actor is the import run: its record in the audit log names who ran it.
                INSERT INTO appeal_events (appeal_id, at, status, organisation_id, department_id, note, actor)
                SELECT id, created_at, 'registered', organisation_id, department_id, 'imported', 'import:' || @runId::bigint FROM inserted
                UNION ALL
                SELECT id, resolved_at, 'resolved', organisation_id, department_id, NULL, 'import:' || @runId::bigint FROM inserted WHERE resolved_at IS NOT NULL
                UNION ALL
                SELECT id, closed_at, 'closed', organisation_id, department_id, NULL, 'import:' || @runId::bigint FROM inserted WHERE closed_at IS NOT NULL
            ), keys AS (
                INSERT INTO appeal_imports (source, source_key, appeal_id, run_id, source_category)
                SELECT @source, f.source_key, i.id, @runId, f.source_category FROM inserted i JOIN fresh f ON f.new_reg = i.reg_number
                WHERE f.source_key IS NOT NULL
            )
            SELECT count(*)::int FROM inserted;

            -- Reg numbers carried in from the file: keep each year's sequence past them.
            SELECT advance_reg_number(y) FROM (SELECT DISTINCT substring(reg_number FROM 5 FOR 4)::int AS y
                                              FROM import_staging WHERE reg_number IS NOT NULL) years;
            """;
        int added;
        await using (var grid = await conn.QueryMultipleAsync(new CommandDefinition(insert, new { source, runId }, tx, commandTimeout: 600, cancellationToken: ct)))
        {
            added = await grid.ReadSingleAsync<int>();
            // Read every result: a grid disposed with results pending cancels its command, and a cancelled statement
            // turns the COMMIT below into a silent rollback.
            await grid.ReadAsync();
        }
        // The run's counts commit with the batch: a run cut short (killed, PostgreSQL stopped) still says what it stored.
        await conn.ExecuteAsync(new CommandDefinition("""
            UPDATE import_runs SET rows_inserted = rows_inserted + @added, rows_skipped = rows_skipped + @skipped,
                   rows_read = greatest(rows_read, @read), rows_rejected = greatest(rows_rejected, @rejected)
            WHERE id = @runId
            """, new { runId, added, skipped = batch.Count - added, read = Volatile.Read(ref counts.Read), rejected = Volatile.Read(ref counts.Rejected) },
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return added;
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    /// <summary>FNV-1a over the key: a 64-bit fingerprint keeps the in-file duplicate check small for millions of rows.</summary>
    private static ulong KeyHash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return hash;
    }
}
