using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace IKomek.Dashboard.Features.Intake;

/// <summary>An appeal with every decision of intake made, ready to be written.</summary>
public sealed record IntakeRow(
    int Year, DateTime CreatedUtc, DateTime DueUtc, int ChannelId, int ServiceTypeId, int AreaId, int DistrictId, int? OrganisationId,
    int DepartmentId, long CitizenId, string Language, string Description, string? Address, string? Building, double? Lat, double? Lon,
    bool IsCritical, string? MediaUrl, string? AttributesJson, string? Note, int? ApiClientId, string? Token, IntakeSuggestion? Suggestion = null);

/// <summary>The topic model's suggestion for the appeal, recorded beside it even when the operator's type wins.</summary>
public sealed record IntakeSuggestion(int ModelId, int? SuggestedTypeId, float Confidence, string SuggestionsJson, int? OperatorTypeId, bool LowConfidence);

/// <summary>
/// Writes appeals with group commit: appeals that arrive while a transaction is being written wait for the next one,
/// which writes them all, in order, in one round trip and one durable commit. Each appeal still gets its own
/// statement, so duplicates within a group are linked as they would be one by one. A group that fails is retried
/// appeal by appeal, so one bad appeal fails alone.
/// </summary>
public sealed class IntakeWriter(NpgsqlDataSource db) : IAsyncDisposable
{
    /// <summary>Most appeals in one transaction: enough to absorb a burst, few enough to keep each commit short.</summary>
    public const int MaxGroup = 200;

    private static readonly string Insert = $"""
        WITH earlier AS (
            SELECT a.id, a.reg_number, a.created_at, a.sla_due_at, a.duplicate_of
            FROM intake_tokens t JOIN appeals a ON a.id = t.appeal_id
            WHERE t.api_client_id = $21 AND t.token = $22
        ), first_report AS (
            SELECT id FROM appeals
            WHERE service_type_id = $4 AND duplicate_of IS NULL
              AND created_at > $2 - interval '{AppealIntake.DuplicateWindow.TotalDays} days' AND created_at <= $2
              AND (($14::text IS NOT NULL AND (address = $14 OR address LIKE $14 || ',%'))
                   OR ($15::float8 IS NOT NULL AND lat IS NOT NULL
                       AND abs(lat - $15) < 0.003 AND abs(lon - $16) < 0.005
                       AND 2 * 6371000 * asin(least(1, sqrt(power(sin(radians(lat - $15) / 2), 2)
                           + cos(radians($15)) * cos(radians(lat)) * power(sin(radians(lon - $16) / 2), 2)))) <= {AppealIntake.DuplicateRadiusMetres}))
            ORDER BY created_at, id LIMIT 1
        ), appeal AS (
            INSERT INTO appeals (reg_number, created_at, channel_id, service_type_id, area_id, district_id, organisation_id,
                                 department_id, citizen_id, language, description, address, lat, lon, status, is_critical,
                                 sla_due_at, media_url, attributes, duplicate_of)
            SELECT next_reg_number($1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $15, $16, 'registered', $17,
                   $18, $19, $20::jsonb, (SELECT id FROM first_report)
            WHERE NOT EXISTS (SELECT 1 FROM earlier)
            RETURNING id, reg_number, created_at, sla_due_at, duplicate_of, organisation_id, department_id
        ), event AS (
            INSERT INTO appeal_events (appeal_id, at, status, organisation_id, department_id, note)
            SELECT id, created_at, 'registered', organisation_id, department_id, $13 FROM appeal
        ), token AS (
            INSERT INTO intake_tokens (api_client_id, token, appeal_id)
            SELECT $21, $22, id FROM appeal WHERE $21::int IS NOT NULL
        ), classification AS (
            INSERT INTO appeal_classifications (appeal_id, model_id, classified_at, suggested_type_id, confidence, suggestions,
                                                operator_type_id, agrees, low_confidence)
            SELECT id, $23, $2, $24, $25, $26::jsonb, $27,
                   CASE WHEN $27::int IS NULL THEN NULL ELSE $24::int IS NOT DISTINCT FROM $27::int END, $28
            FROM appeal WHERE $23::int IS NOT NULL
        )
        SELECT id, reg_number, created_at, sla_due_at, false, duplicate_of FROM appeal
        UNION ALL
        SELECT id, reg_number, created_at, sla_due_at, true, duplicate_of FROM earlier
        """;

    private sealed record Pending(IntakeRow Row, TaskCompletionSource<IntakeResult> Done);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _loop;
    private readonly Lock _start = new();

    public Task<IntakeResult> WriteAsync(IntakeRow row, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        lock (_start) _loop ??= Task.Run(LoopAsync, CancellationToken.None);
        var pending = new Pending(row, new TaskCompletionSource<IntakeResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(IntakeWriter));
        // A caller that gives up does not take its appeal back: it is written, as a resubmission would find it.
        return pending.Done.Task.WaitAsync(ct);
    }

    private async Task LoopAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next)) group.Add(next);
            try
            {
                var results = await WriteGroupAsync(group);
                for (var i = 0; i < group.Count; i++) group[i].Done.SetResult(results[i]);
            }
            catch (Exception) when (group.Count > 1)
            {
                foreach (var one in group) await WriteAloneAsync(one);
            }
            catch (Exception e)
            {
                group[0].Done.SetException(e);
            }
        }
    }

    private async Task WriteAloneAsync(Pending one)
    {
        try
        {
            one.Done.SetResult((await WriteGroupAsync([one]))[0]);
        }
        catch (Exception e)
        {
            one.Done.SetException(e);
        }
    }

    private async Task<IntakeResult[]> WriteGroupAsync(IReadOnlyList<Pending> group)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var row in group.Select(p => p.Row))
        {
            if (row is { ApiClientId: { } client, Token: { } token })
            {
                // Submissions of one token from several nodes wait for each other; the later one finds the first.
                var lockCommand = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1, hashtext($2))");
                lockCommand.Parameters.Add(new NpgsqlParameter<int> { TypedValue = client });
                lockCommand.Parameters.Add(new NpgsqlParameter<string> { TypedValue = token });
                batch.BatchCommands.Add(lockCommand);
            }
            batch.BatchCommands.Add(InsertCommand(row));
        }
        var results = new IntakeResult[group.Count];
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            for (var i = 0; i < group.Count; i++)
            {
                if (group[i].Row.Token is not null && group[i].Row.ApiClientId is not null) await reader.NextResultAsync();
                await reader.ReadAsync();
                results[i] = new IntakeResult(reader.GetInt64(0), reader.GetString(1), reader.GetDateTime(2), reader.GetDateTime(3),
                    reader.GetBoolean(4), reader.IsDBNull(5) ? null : reader.GetInt64(5));
                await reader.NextResultAsync();
            }
        }
        await tx.CommitAsync();
        return results;
    }

    private static NpgsqlBatchCommand InsertCommand(IntakeRow r)
    {
        var command = new NpgsqlBatchCommand(Insert);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<int> { TypedValue = r.Year });
        p.Add(new NpgsqlParameter<DateTime> { TypedValue = r.CreatedUtc, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)r.ChannelId });
        p.Add(new NpgsqlParameter<int> { TypedValue = r.ServiceTypeId });
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)r.AreaId });
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)r.DistrictId });
        p.Add(Nullable(r.OrganisationId, NpgsqlDbType.Integer));
        p.Add(new NpgsqlParameter<short> { TypedValue = (short)r.DepartmentId });
        p.Add(new NpgsqlParameter<long> { TypedValue = r.CitizenId });
        p.Add(new NpgsqlParameter<string> { TypedValue = r.Language });
        p.Add(new NpgsqlParameter<string> { TypedValue = r.Description });
        p.Add(Nullable(r.Address, NpgsqlDbType.Text));
        p.Add(Nullable(r.Note, NpgsqlDbType.Text));
        p.Add(Nullable(r.Building, NpgsqlDbType.Text));
        p.Add(Nullable(r.Lat, NpgsqlDbType.Double));
        p.Add(Nullable(r.Lon, NpgsqlDbType.Double));
        p.Add(new NpgsqlParameter<bool> { TypedValue = r.IsCritical });
        p.Add(new NpgsqlParameter<DateTime> { TypedValue = r.DueUtc, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(Nullable(r.MediaUrl, NpgsqlDbType.Text));
        p.Add(Nullable(r.AttributesJson, NpgsqlDbType.Text));
        p.Add(Nullable(r.ApiClientId, NpgsqlDbType.Integer));
        p.Add(Nullable(r.Token, NpgsqlDbType.Text));
        var c = r.Suggestion;
        p.Add(Nullable(c?.ModelId, NpgsqlDbType.Integer));
        p.Add(Nullable(c?.SuggestedTypeId, NpgsqlDbType.Integer));
        p.Add(Nullable(c?.Confidence, NpgsqlDbType.Real));
        p.Add(Nullable(c?.SuggestionsJson, NpgsqlDbType.Text));
        p.Add(Nullable(c?.OperatorTypeId, NpgsqlDbType.Integer));
        p.Add(Nullable(c?.LowConfidence, NpgsqlDbType.Boolean));
        return command;
    }

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null) await _loop;
    }
}
