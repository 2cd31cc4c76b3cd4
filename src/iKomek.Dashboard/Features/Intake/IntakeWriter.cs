using Npgsql;
using NpgsqlTypes;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Platform.City;
using IKomek.Dashboard.Platform.Database;

namespace IKomek.Dashboard.Features.Intake;

/// <summary>An appeal with every decision of intake made, ready to be written.</summary>
public sealed record IntakeRow(
    int Year, DateTime CreatedUtc, DateTime DueUtc, int ChannelId, int ServiceTypeId, int AreaId, int DistrictId, int? OrganisationId,
    int DepartmentId, long CitizenId, string Language, string Description, string? Address, string? Building, double? Lat, double? Lon,
    bool IsCritical, string? MediaUrl, string? AttributesJson, string? Note, int? ApiClientId, string? Token, IntakeSuggestion? Suggestion = null,
    Actor? SubmittedBy = null);

/// <summary>The topic model's suggestion for the appeal, recorded beside it even when the operator's type wins.</summary>
public sealed record IntakeSuggestion(int ModelId, int? SuggestedTypeId, float Confidence, string SuggestionsJson, int? OperatorTypeId, bool LowConfidence);

/// <summary>
/// Writes appeals with group commit (<see cref="GroupCommit{TItem,TResult}"/>): appeals that arrive while a transaction
/// is being written wait for the next one, which writes them all in one transaction. A group is read in one statement
/// (resubmitted tokens, the first report each appeal duplicates among stored appeals) and written in one multi-row statement, so the change feed and the
/// live rollups run once per group, not once per appeal. Duplicates within a group are linked here as they would be
/// one by one: an appeal with no stored first report duplicates the earliest non-duplicate appeal before it in the
/// group by the same rule (a stored first report wins: on one node, stored appeals are older than the group's, whose
/// registration times follow the queue). A group that fails is retried appeal by appeal, so one bad appeal fails alone.
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    /// <summary>Most appeals in one transaction: enough to absorb a burst, few enough to keep each commit short.</summary>
    public const int MaxGroup = 200;

    /// <summary>Submissions of one token from several nodes wait for each other (in one order, so never on each other
    /// in a cycle); the later one finds the first.</summary>
    private const string LockTokens = """
        SELECT count(pg_advisory_xact_lock(client, hashtext(token))) FROM (
            SELECT DISTINCT client, token FROM unnest($1::int[], $2::text[]) AS x(client, token)
            WHERE client IS NOT NULL AND token IS NOT NULL ORDER BY client, token) keys
        """;

    private static readonly string Lookup = $"""
        SELECT x.ord::int, e.id, e.reg_number, e.created_at, e.sla_due_at, e.duplicate_of, f.id
        FROM unnest($1::int[], $2::text[], $3::int[], $4::timestamptz[], $5::text[], $6::float8[], $7::float8[])
             WITH ORDINALITY AS x(client, token, service_type_id, created_at, building, lat, lon, ord)
        LEFT JOIN LATERAL (
            SELECT a.id, a.reg_number, a.created_at, a.sla_due_at, a.duplicate_of
            FROM intake_tokens t JOIN appeals a ON a.id = t.appeal_id
            WHERE t.api_client_id = x.client AND t.token = x.token) e ON true
        LEFT JOIN LATERAL (
            -- Within 300 m (the box is checked in appeals_first_report_idx), or at the same building.
            SELECT id FROM (
                (SELECT a.id, a.created_at FROM appeals a
                 WHERE a.service_type_id = x.service_type_id AND a.duplicate_of IS NULL
                   AND a.created_at > x.created_at - interval '{AppealIntake.DuplicateWindow.TotalDays} days' AND a.created_at <= x.created_at
                   AND a.lat > x.lat - 0.003 AND a.lat < x.lat + 0.003 AND a.lon > x.lon - 0.005 AND a.lon < x.lon + 0.005
                   AND 2 * 6371000 * asin(least(1, sqrt(power(sin(radians(a.lat - x.lat) / 2), 2)
                       + cos(radians(x.lat)) * cos(radians(a.lat)) * power(sin(radians(a.lon - x.lon) / 2), 2)))) <= {AppealIntake.DuplicateRadiusMetres}
                 ORDER BY a.created_at, a.id LIMIT 1)
                UNION ALL
                (SELECT a.id, a.created_at FROM appeals a
                 WHERE x.building IS NOT NULL AND a.service_type_id = x.service_type_id AND a.duplicate_of IS NULL
                   AND a.created_at > x.created_at - interval '{AppealIntake.DuplicateWindow.TotalDays} days' AND a.created_at <= x.created_at
                   AND (a.address = x.building OR a.address LIKE x.building || ',%')
                 ORDER BY a.created_at, a.id LIMIT 1)) candidates
            ORDER BY created_at, id LIMIT 1) f ON e.id IS NULL
        ORDER BY x.ord
        """;

    private const string Insert = $"""
        WITH x AS MATERIALIZED (
            SELECT x.*, nextval(pg_get_serial_sequence('appeals', 'id')) AS id, next_reg_number(x.year) AS reg_number
            FROM unnest($1::int[], $2::timestamptz[], $3::smallint[], $4::int[], $5::smallint[], $6::smallint[], $7::int[],
                        $8::smallint[], $9::bigint[], $10::text[], $11::text[], $12::text[], $13::text[], $14::float8[],
                        $15::float8[], $16::bool[], $17::timestamptz[], $18::text[], $19::text[], $20::int[], $21::text[],
                        $22::bigint[], $23::int[], $24::int[], $25::int[], $26::real[], $27::text[], $28::int[], $29::bool[],
                        $30::text[], $31::text[], $32::inet[])
                 WITH ORDINALITY AS x(year, created_at, channel_id, service_type_id, area_id, district_id, organisation_id,
                                      department_id, citizen_id, language, description, address, note, lat,
                                      lon, is_critical, sla_due_at, media_url, attributes, client, token,
                                      duplicate_of, duplicate_of_ord, model_id, suggested_type_id, confidence, suggestions, operator_type_id, low_confidence,
                                      actor, actor_role, actor_address, ord)
            ORDER BY ord
        ), appeal AS (
            INSERT INTO appeals (id, reg_number, created_at, channel_id, service_type_id, area_id, district_id, organisation_id,
                                 department_id, citizen_id, language, description, address, lat, lon, status, is_critical,
                                 sla_due_at, media_url, attributes, duplicate_of)
            SELECT x.id, x.reg_number, x.created_at, x.channel_id, x.service_type_id, x.area_id, x.district_id, x.organisation_id,
                   x.department_id, x.citizen_id, x.language, x.description, x.address, x.lat, x.lon, 'registered', x.is_critical,
                   x.sla_due_at, x.media_url, x.attributes::jsonb, coalesce(x.duplicate_of, first.id)
            FROM x LEFT JOIN x first ON first.ord = x.duplicate_of_ord
            ORDER BY x.ord
            RETURNING id, reg_number, created_at, sla_due_at, duplicate_of, organisation_id, department_id
        ), event AS (
            INSERT INTO appeal_events (appeal_id, at, status, organisation_id, department_id, note, actor)
            SELECT a.id, a.created_at, 'registered', a.organisation_id, a.department_id, x.note, x.actor FROM appeal a JOIN x ON x.id = a.id
        ), audit AS (
            -- The act's facts only: the resident's words and place stay in the appeal.
            INSERT INTO audit_log (actor, actor_role, address, action, subject_kind, subject_id, details)
            SELECT x.actor, x.actor_role, x.actor_address, '{AuditActions.AppealStatus}', 'appeal', a.id::text,
                   jsonb_build_object('to', 'registered', 'channel', x.channel_id, 'organisation', a.organisation_id)
            FROM appeal a JOIN x ON x.id = a.id
        ), token AS (
            INSERT INTO intake_tokens (api_client_id, token, appeal_id)
            SELECT x.client, x.token, x.id FROM x WHERE x.client IS NOT NULL AND x.token IS NOT NULL
        ), classification AS (
            INSERT INTO appeal_classifications (appeal_id, model_id, classified_at, suggested_type_id, confidence, suggestions,
                                                operator_type_id, agrees, low_confidence)
            SELECT x.id, x.model_id, x.created_at, x.suggested_type_id, x.confidence, x.suggestions::jsonb, x.operator_type_id,
                   CASE WHEN x.operator_type_id IS NULL THEN NULL ELSE x.suggested_type_id IS NOT DISTINCT FROM x.operator_type_id END,
                   x.low_confidence
            FROM x WHERE x.model_id IS NOT NULL
        )
        SELECT x.ord::int, a.id, a.reg_number, a.created_at, a.sla_due_at, a.duplicate_of FROM appeal a JOIN x ON x.id = a.id
        """;

    /// <summary>What the group's lookup found for one appeal: its token's earlier appeal, or the stored first report it duplicates.</summary>
    private readonly record struct Found(IntakeResult? Earlier, long? FirstReport);

    private readonly NpgsqlDataSource _db;
    private readonly GroupCommit<IntakeRow, IntakeResult> _groups;
    private DateTime _lastCreatedUtc;

    public IntakeWriter(NpgsqlDataSource db)
    {
        _db = db;
        _groups = new GroupCommit<IntakeRow, IntakeResult>(WriteGroupAsync, MaxGroup, Admit);
    }

    public Task<IntakeResult> WriteAsync(IntakeRow row, CancellationToken ct = default) => _groups.WriteAsync(row, ct);

    /// <summary>
    /// Registration times follow the queue's order: callers read the clock microseconds apart and may queue in the
    /// other order, and an appeal must not precede in time one written before it, or neither would be found as the
    /// other's first report.
    /// </summary>
    private IntakeRow Admit(IntakeRow row)
    {
        if (row.CreatedUtc < _lastCreatedUtc)
            row = row with { CreatedUtc = _lastCreatedUtc, DueUtc = row.DueUtc + (_lastCreatedUtc - row.CreatedUtc) };
        _lastCreatedUtc = row.CreatedUtc;
        return row;
    }

    private async Task<IntakeResult[]> WriteGroupAsync(IReadOnlyList<IntakeRow> rows)
    {
        await using var conn = await _db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var found = await LookupAsync(conn, tx, rows);

        // Decide in arrival order, as if the appeals came one by one: a token seen earlier in the group replays that
        // appeal; an appeal without a stored first report may duplicate one written just before it in this group.
        var results = new IntakeResult?[rows.Count];
        var replayOf = new int?[rows.Count];
        var written = new List<int>(rows.Count);
        var firstReportInGroup = new Dictionary<int, int>();     // row -> position in `written` of the row it duplicates
        var tokens = new Dictionary<(int, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row is { ApiClientId: { } client, Token: { } token })
            {
                if (found[i].Earlier is { } earlier) { results[i] = earlier; continue; }
                if (tokens.TryGetValue((client, token), out var first)) { replayOf[i] = first; continue; }
                tokens[(client, token)] = i;
            }
            if (found[i].FirstReport is null)
            {
                var match = written.FindIndex(k => found[k].FirstReport is null && !firstReportInGroup.ContainsKey(k) && SameIncident(rows[k], row));
                if (match >= 0) firstReportInGroup[i] = match;
            }
            written.Add(i);
        }

        if (written.Count > 0)
        {
            await using var insert = InsertCommand(conn, tx, rows, written, found, firstReportInGroup);
            await using var reader = await insert.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                results[written[reader.GetInt32(0) - 1]] = new IntakeResult(reader.GetInt64(1), reader.GetString(2), reader.GetDateTime(3),
                    reader.GetDateTime(4), false, reader.IsDBNull(5) ? null : reader.GetInt64(5));
            }
        }
        await tx.CommitAsync();
        for (var i = 0; i < rows.Count; i++)
        {
            if (replayOf[i] is { } first) results[i] = results[first]! with { Replayed = true };
        }
        return results.Select(r => r ?? throw new InvalidOperationException("An appeal of the group was not written.")).ToArray();
    }

    /// <summary>The rule of the stored-first-report lookup above, for two appeals of one group (earlier, later).</summary>
    private static bool SameIncident(IntakeRow earlier, IntakeRow later) =>
        earlier.ServiceTypeId == later.ServiceTypeId
        && earlier.CreatedUtc > later.CreatedUtc - AppealIntake.DuplicateWindow && earlier.CreatedUtc <= later.CreatedUtc
        && ((later.Building is { } building && earlier.Address is { } address && (address == building || address.StartsWith(building + ",", StringComparison.Ordinal)))
            || (later is { Lat: { } lat, Lon: { } lon } && earlier is { Lat: { } lat0, Lon: { } lon0 }
                && Math.Abs(lat0 - lat) < 0.003 && Math.Abs(lon0 - lon) < 0.005
                && CityGeography.DistanceMetres(lat, lon, lat0, lon0) <= AppealIntake.DuplicateRadiusMetres));

    private static async Task<Found[]> LookupAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<IntakeRow> rows)
    {
        await using var batch = new NpgsqlBatch(conn, tx);
        var clients = rows.Select(r => r.Token is null ? null : r.ApiClientId).ToArray();
        var tokens = rows.Select(r => r.ApiClientId is null ? null : r.Token).ToArray();
        if (tokens.Any(t => t is not null))
        {
            var lockTokens = new NpgsqlBatchCommand(LockTokens);
            lockTokens.Parameters.Add(Array(clients, NpgsqlDbType.Integer));
            lockTokens.Parameters.Add(Array(tokens, NpgsqlDbType.Text));
            batch.BatchCommands.Add(lockTokens);
        }
        var lookup = new NpgsqlBatchCommand(Lookup);
        lookup.Parameters.Add(Array(clients, NpgsqlDbType.Integer));
        lookup.Parameters.Add(Array(tokens, NpgsqlDbType.Text));
        lookup.Parameters.Add(Array(rows.Select(r => r.ServiceTypeId).ToArray(), NpgsqlDbType.Integer));
        lookup.Parameters.Add(Array(rows.Select(r => r.CreatedUtc).ToArray(), NpgsqlDbType.TimestampTz));
        lookup.Parameters.Add(Array(rows.Select(r => r.Building).ToArray(), NpgsqlDbType.Text));
        lookup.Parameters.Add(Array(rows.Select(r => r.Lat).ToArray(), NpgsqlDbType.Double));
        lookup.Parameters.Add(Array(rows.Select(r => r.Lon).ToArray(), NpgsqlDbType.Double));
        batch.BatchCommands.Add(lookup);

        var found = new Found[rows.Count];
        await using var reader = await batch.ExecuteReaderAsync();
        if (batch.BatchCommands.Count > 1) await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            var i = reader.GetInt32(0) - 1;
            found[i] = reader.IsDBNull(1)
                ? new Found(null, reader.IsDBNull(6) ? null : reader.GetInt64(6))
                : new Found(new IntakeResult(reader.GetInt64(1), reader.GetString(2), reader.GetDateTime(3), reader.GetDateTime(4), true,
                    reader.IsDBNull(5) ? null : reader.GetInt64(5)), null);
        }
        return found;
    }

    private static NpgsqlCommand InsertCommand(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<IntakeRow> all, List<int> written,
        Found[] found, Dictionary<int, int> firstReportInGroup)
    {
        var rows = written.Select(i => all[i]).ToList();
        var command = new NpgsqlCommand(Insert, conn, tx);
        var p = command.Parameters;
        p.Add(Array(rows.Select(r => r.Year).ToArray(), NpgsqlDbType.Integer));
        p.Add(Array(rows.Select(r => r.CreatedUtc).ToArray(), NpgsqlDbType.TimestampTz));
        p.Add(Array(rows.Select(r => (short)r.ChannelId).ToArray(), NpgsqlDbType.Smallint));
        p.Add(Array(rows.Select(r => r.ServiceTypeId).ToArray(), NpgsqlDbType.Integer));
        p.Add(Array(rows.Select(r => (short)r.AreaId).ToArray(), NpgsqlDbType.Smallint));
        p.Add(Array(rows.Select(r => (short)r.DistrictId).ToArray(), NpgsqlDbType.Smallint));
        p.Add(Array(rows.Select(r => r.OrganisationId).ToArray(), NpgsqlDbType.Integer));
        p.Add(Array(rows.Select(r => (short)r.DepartmentId).ToArray(), NpgsqlDbType.Smallint));
        p.Add(Array(rows.Select(r => r.CitizenId).ToArray(), NpgsqlDbType.Bigint));
        p.Add(Array(rows.Select(r => r.Language).ToArray(), NpgsqlDbType.Text));
        p.Add(Array(rows.Select(r => r.Description).ToArray(), NpgsqlDbType.Text));
        p.Add(Array(rows.Select(r => r.Address).ToArray(), NpgsqlDbType.Text));
        p.Add(Array(rows.Select(r => r.Note).ToArray(), NpgsqlDbType.Text));
        p.Add(Array(rows.Select(r => r.Lat).ToArray(), NpgsqlDbType.Double));
        p.Add(Array(rows.Select(r => r.Lon).ToArray(), NpgsqlDbType.Double));
        p.Add(Array(rows.Select(r => r.IsCritical).ToArray(), NpgsqlDbType.Boolean));
        p.Add(Array(rows.Select(r => r.DueUtc).ToArray(), NpgsqlDbType.TimestampTz));
        p.Add(Array(rows.Select(r => r.MediaUrl).ToArray(), NpgsqlDbType.Text));
        p.Add(Array(rows.Select(r => r.AttributesJson).ToArray(), NpgsqlDbType.Text));
        p.Add(Array(rows.Select(r => r.Token is null ? null : r.ApiClientId).ToArray(), NpgsqlDbType.Integer));
        p.Add(Array(rows.Select(r => r.ApiClientId is null ? null : r.Token).ToArray(), NpgsqlDbType.Text));
        p.Add(Array(written.Select(i => found[i].FirstReport).ToArray(), NpgsqlDbType.Bigint));
        // 1-based positions among the written rows, as WITH ORDINALITY counts them.
        p.Add(Array(written.Select(i => firstReportInGroup.TryGetValue(i, out var k) ? k + 1 : (int?)null).ToArray(), NpgsqlDbType.Integer));
        p.Add(Array(rows.Select(r => r.Suggestion?.ModelId).ToArray(), NpgsqlDbType.Integer));
        p.Add(Array(rows.Select(r => r.Suggestion?.SuggestedTypeId).ToArray(), NpgsqlDbType.Integer));
        p.Add(Array(rows.Select(r => r.Suggestion?.Confidence).ToArray(), NpgsqlDbType.Real));
        p.Add(Array(rows.Select(r => r.Suggestion?.SuggestionsJson).ToArray(), NpgsqlDbType.Text));
        p.Add(Array(rows.Select(r => r.Suggestion?.OperatorTypeId).ToArray(), NpgsqlDbType.Integer));
        p.Add(Array(rows.Select(r => r.Suggestion?.LowConfidence).ToArray(), NpgsqlDbType.Boolean));
        p.Add(Array(rows.Select(r => (r.SubmittedBy ?? Actor.Anonymous).Name).ToArray(), NpgsqlDbType.Text));
        p.Add(Array(rows.Select(r => r.SubmittedBy?.Role).ToArray(), NpgsqlDbType.Text));
        p.Add(Array(rows.Select(r => r.SubmittedBy?.Address).ToArray(), NpgsqlDbType.Inet));
        return command;
    }

    private static NpgsqlParameter Array<T>(T[] values, NpgsqlDbType element) => new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | element };

    public ValueTask DisposeAsync() => _groups.DisposeAsync();
}
