using Dapper;
using IKomek.Dashboard.Platform.City;
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
/// Reads behind the Open311 API. Service types, channel and district codes come from the node's reference copy
/// (<see cref="CityReference"/>): every POST needs them, and an administrator's change reaches the API at once.
/// </summary>
public sealed class Open311Queries(NpgsqlDataSource db, CityReference reference, TimeProvider time)
{
    public async Task<IReadOnlyList<ServiceRow>> GetServicesAsync(string? code, CancellationToken ct)
    {
        var city = await reference.GetAsync(ct);
        if (code is null) return Services(city, city.ServiceTypes.Values);
        return city.ServiceTypesByCode.TryGetValue(code, out var type) ? Services(city, [type]) : [];
    }

    /// <summary>Reference codes the API accepts: channels and districts by code.</summary>
    public async Task<(IReadOnlyDictionary<string, int> Channels, IReadOnlyDictionary<string, int> Districts)> GetCodesAsync(CancellationToken ct)
    {
        var city = await reference.GetAsync(ct);
        return (city.ChannelsByCode.ToDictionary(c => c.Key, c => c.Value.Id, StringComparer.Ordinal),
            city.DistrictsByCode.ToDictionary(d => d.Key, d => d.Value.Id, StringComparer.Ordinal));
    }

    /// <summary>The API's service rows, by area and then id.</summary>
    private static List<ServiceRow> Services(CityReference.Snapshot city, IEnumerable<ServiceTypeItem> types) =>
        types.Where(t => city.Areas.ContainsKey(t.AreaId))
            .OrderBy(t => t.AreaId).ThenBy(t => t.Id)
            .Select(t =>
            {
                var area = city.Areas[t.AreaId];
                return new ServiceRow(t.Id, t.Code, area.Code, t.NameRu, t.NameKk, t.NameEn, area.NameRu, area.NameKk, area.NameEn,
                    string.Join(", ", t.Keywords), t.SlaWorkingDays, t.IsCritical);
            })
            .ToList();

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

    // Keys are checked on every POST against a copy of the active clients, kept by the keys' SHA-256 (the raw keys do
    // not sit in memory). The copy is read again after a while, so a revoked key stops working within that time; an
    // unknown key rereads it (a new key works at once) at most every few seconds, so guessing keys costs no database
    // reads beyond that.
    private static readonly TimeSpan ClientsFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan UnknownRereadAfter = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private (IReadOnlyDictionary<string, ApiClient> ByHash, DateTimeOffset At)? _clients;

    /// <summary>The active client with this key (null: unknown) from the copy in memory; false when the copy is too old to say.</summary>
    public bool TryFindInMemory(string apiKey, out ApiClient? client)
    {
        client = null;
        if (_clients is not { } c || time.GetUtcNow() - c.At >= ClientsFor) return false;
        client = c.ByHash.GetValueOrDefault(KeyHash(apiKey));
        return true;
    }

    /// <summary>The active API client with this key, with its default channel and its own rate limit.</summary>
    public async Task<ApiClient?> FindClientAsync(string apiKey, CancellationToken ct)
    {
        if (TryFindInMemory(apiKey, out var known) && known is not null) return known;
        await _reading.WaitAsync(ct);
        try
        {
            // Another request may have just read it; a young copy answers an unknown key without a read.
            if (_clients is not { } c || time.GetUtcNow() - c.At >= UnknownRereadAfter)
            {
                await using var conn = await db.OpenConnectionAsync(ct);
                var rows = await conn.QueryAsync<(string Key, int Id, int ChannelId, int? PerMinute, string Name)>(new CommandDefinition(
                    "SELECT api_key, id, channel_id::int, requests_per_minute, name FROM api_clients WHERE is_active", cancellationToken: ct));
                _clients = (rows.ToDictionary(r => KeyHash(r.Key), r => new ApiClient(r.Id, r.ChannelId, r.PerMinute, r.Name), StringComparer.Ordinal),
                    time.GetUtcNow());
            }
            return _clients.Value.ByHash.GetValueOrDefault(KeyHash(apiKey));
        }
        finally
        {
            _reading.Release();
        }
    }

    private static string KeyHash(string apiKey) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(apiKey)));
}

/// <summary>An active API client: its id, the channel its appeals come through, its own requests a minute (or the default), its name (the actor of its appeals).</summary>
public sealed record ApiClient(int Id, int ChannelId, int? RequestsPerMinute, string Name);
