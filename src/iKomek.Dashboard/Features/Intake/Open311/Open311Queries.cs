using Dapper;
using Npgsql;

namespace IKomek.Dashboard.Features.Intake.Open311;

public sealed record ServiceRow(int Id, string Code, string AreaCode, string NameRu, string NameKk, string NameEn,
    string AreaRu, string AreaKk, string AreaEn, string Keywords, int SlaWorkingDays, bool IsCritical);

public sealed record RequestRow(
    long Id, string RegNumber, string Status, string ServiceCode, string ServiceName, string Description, string? Agency,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime SlaDueAt, string? Address, double? Lat, double? Lon, string? MediaUrl,
    string Channel, string Language, string District, long? DuplicateOf, string? DuplicateOfReg, long? SystemicProblemId = null);

public sealed record NoteRow(long AppealId, DateTime At, string Status, string? Note);

/// <summary>A GET requests query, validated at the edge.</summary>
public sealed record RequestsQuery(
    IReadOnlyList<string>? Ids, IReadOnlyList<string>? ServiceCodes, DateTime FromUtc, DateTime ToUtc, bool? Open, int Page, int PageSize);

/// <summary>
/// Reads behind the Open311 API. Service types, channel and district codes are reference data, read once and kept
/// for five minutes; every POST needs them, and none of them changes by the minute.
/// </summary>
public sealed class Open311Queries(NpgsqlDataSource db, TimeProvider time)
{
    private static readonly TimeSpan ReferenceFor = TimeSpan.FromMinutes(5);
    private Reference? _reference;

    private sealed record Reference(IReadOnlyList<ServiceRow> Services, IReadOnlyDictionary<string, ServiceRow> ByCode,
        IReadOnlyDictionary<string, int> Channels, IReadOnlyDictionary<string, int> Districts, DateTimeOffset At);

    public async Task<IReadOnlyList<ServiceRow>> GetServicesAsync(string? code, CancellationToken ct)
    {
        var reference = await ReferenceAsync(ct);
        return code is null ? reference.Services : reference.ByCode.TryGetValue(code, out var service) ? [service] : [];
    }

    /// <summary>Reference codes the API accepts: channels and districts by code.</summary>
    public async Task<(IReadOnlyDictionary<string, int> Channels, IReadOnlyDictionary<string, int> Districts)> GetCodesAsync(CancellationToken ct)
    {
        var r = await ReferenceAsync(ct);
        return (r.Channels, r.Districts);
    }

    private async Task<Reference> ReferenceAsync(CancellationToken ct)
    {
        if (_reference is { } r && time.GetUtcNow() - r.At < ReferenceFor) return r;
        var services = await LoadServicesAsync(ct);
        await using var conn = await db.OpenConnectionAsync(ct);
        var channels = (await conn.QueryAsync<(string, int)>(new CommandDefinition("SELECT code, id::int FROM channels", cancellationToken: ct))).ToDictionary(x => x.Item1, x => x.Item2);
        var districts = (await conn.QueryAsync<(string, int)>(new CommandDefinition("SELECT code, id::int FROM districts", cancellationToken: ct))).ToDictionary(x => x.Item1, x => x.Item2);
        var loaded = new Reference(services, services.ToDictionary(s => s.Code, StringComparer.Ordinal), channels, districts, time.GetUtcNow());
        _reference = loaded;
        return loaded;
    }

    private async Task<IReadOnlyList<ServiceRow>> LoadServicesAsync(CancellationToken ct)
    {
        const string sql = """
            SELECT s.id AS Id, s.code AS Code, a.code AS AreaCode, s.name_ru AS NameRu, s.name_kk AS NameKk, s.name_en AS NameEn,
                   a.name_ru AS AreaRu, a.name_kk AS AreaKk, a.name_en AS AreaEn, array_to_string(s.keywords, ', ') AS Keywords, s.sla_working_days::int AS SlaWorkingDays, s.is_critical AS IsCritical
            FROM service_types s JOIN areas a ON a.id = s.area_id
            ORDER BY a.id, s.id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ServiceRow>(new CommandDefinition(sql, cancellationToken: ct))).AsList();
    }

    public async Task<(IReadOnlyList<RequestRow> Rows, IReadOnlyDictionary<long, List<NoteRow>> Notes)> GetRequestsAsync(RequestsQuery q, CancellationToken ct)
    {
        // Explicit ids override every other argument (the specification).
        var byIds = q.Ids is { Count: > 0 };
        var sql = $"""
            SELECT a.id AS Id, a.reg_number AS RegNumber, a.status AS Status, s.code AS ServiceCode, s.name_ru AS ServiceName,
                   a.description AS Description, coalesce(o.name, d.name_ru) AS Agency, a.created_at AS CreatedAt,
                   coalesce((SELECT max(e.at) FROM appeal_events e WHERE e.appeal_id = a.id), a.created_at) AS UpdatedAt,
                   a.sla_due_at AS SlaDueAt, a.address AS Address, a.lat AS Lat, a.lon AS Lon, a.media_url AS MediaUrl,
                   c.code AS Channel, a.language AS Language, di.code AS District, a.duplicate_of AS DuplicateOf, f.reg_number AS DuplicateOfReg,
                   a.systemic_problem_id AS SystemicProblemId
            FROM appeals a
            JOIN service_types s ON s.id = a.service_type_id
            JOIN channels c ON c.id = a.channel_id
            JOIN districts di ON di.id = a.district_id
            JOIN departments d ON d.id = a.department_id
            LEFT JOIN organisations o ON o.id = a.organisation_id
            LEFT JOIN appeals f ON f.id = a.duplicate_of
            WHERE {(byIds ? "a.reg_number = ANY(@ids)" : """
                  a.created_at >= @from AND a.created_at <= @to
                  AND (@codes::text[] IS NULL OR s.code = ANY(@codes))
                  AND (@open::boolean IS NULL OR (a.status NOT IN ('resolved', 'closed')) = @open)
                  """)}
            ORDER BY a.created_at DESC, a.id DESC
            OFFSET @offset LIMIT @limit
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<RequestRow>(new CommandDefinition(sql, new
        {
            ids = q.Ids?.ToArray(),
            from = q.FromUtc,
            to = q.ToUtc,
            codes = q.ServiceCodes?.ToArray(),
            open = q.Open,
            offset = (q.Page - 1) * q.PageSize,
            limit = q.PageSize,
        }, cancellationToken: ct))).AsList();
        var notes = (await conn.QueryAsync<NoteRow>(new CommandDefinition("""
            SELECT appeal_id AS AppealId, at AS At, status AS Status, note AS Note FROM appeal_events
            WHERE appeal_id = ANY(@ids) ORDER BY appeal_id, at, id
            """, new { ids = rows.Select(r => r.Id).ToArray() }, cancellationToken: ct)))
            .GroupBy(n => n.AppealId).ToDictionary(g => g.Key, g => g.ToList());
        return (rows, notes);
    }

    /// <summary>The appeal a client's token created; the api_key narrows it when two clients used one token.</summary>
    public async Task<IReadOnlyList<(string RegNumber, string Token)>> FindTokenAsync(string token, string? apiKey, CancellationToken ct)
    {
        const string sql = """
            SELECT a.reg_number, t.token FROM intake_tokens t
            JOIN appeals a ON a.id = t.appeal_id JOIN api_clients c ON c.id = t.api_client_id
            WHERE t.token = @token AND (@apiKey::text IS NULL OR c.api_key = @apiKey)
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(string, string)>(new CommandDefinition(sql, new { token, apiKey }, cancellationToken: ct))).AsList();
    }

    // Keys are checked on every POST: the active ones are kept for a short while, so a revoked key stops working
    // within that time and a new one works at once (an unknown key rereads the table).
    private static readonly TimeSpan ClientsFor = TimeSpan.FromSeconds(30);
    private (IReadOnlyDictionary<string, (int Id, int ChannelId, string Name)> Keys, DateTimeOffset At)? _clients;

    /// <summary>The active client of the key: its id, its default channel and its name (the actor of its appeals).</summary>
    public async Task<(int Id, int ChannelId, string Name)?> FindClientAsync(string apiKey, CancellationToken ct)
    {
        if (_clients is { } c && time.GetUtcNow() - c.At < ClientsFor && c.Keys.TryGetValue(apiKey, out var known)) return known;
        await using var conn = await db.OpenConnectionAsync(ct);
        var keys = (await conn.QueryAsync<(string Key, int Id, int ChannelId, string Name)>(new CommandDefinition(
            "SELECT api_key, id, channel_id::int, name FROM api_clients WHERE is_active", cancellationToken: ct)))
            .ToDictionary(k => k.Key, k => (k.Id, k.ChannelId, k.Name), StringComparer.Ordinal);
        _clients = (keys, time.GetUtcNow());
        return keys.TryGetValue(apiKey, out var found) ? found : null;
    }
}
