using Dapper;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.City;
using Npgsql;

namespace IKomek.Dashboard.Features.CitySystems.Intake;

/// <summary>A field of a system's schema (city_system_fields).</summary>
public sealed record SystemField(string Name, string Scope, string Type, string? Unit, bool Required, string[]? Choices,
    double? MinValue, double? MaxValue, bool Personal)
{
    public bool IsReading => Scope == "reading";
    public bool IsNumeric => Type is "number" or "integer";
}

/// <summary>A city system and its schema (city_systems with its fields in position order).</summary>
public sealed record CitySystem(string Code, string Kind, string PlaceKind, bool Personal, IReadOnlyList<SystemField> Fields)
{
    public bool IsFeed => Kind == "feed";
    public bool PlacedByDistrict => PlaceKind == "district";
    public IReadOnlyDictionary<string, SystemField> FieldsByName { get; } = Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
}

/// <summary>
/// The systems' schemas as the intake checks against them: read once per node and kept, dropped the moment a schema
/// changes (a statement on city_systems or city_system_fields is a 'reference' change on the feed, migration 0052),
/// and after <see cref="CityReference.Lifetime"/> in case a notification was lost.
/// </summary>
public sealed class SystemCatalogue : IDisposable
{
    private readonly NpgsqlDataSource _db;
    private readonly TimeProvider _time;
    private readonly IDisposable? _subscription;
    private (IReadOnlyDictionary<string, CitySystem> Systems, DateTimeOffset LoadedAt)? _copy;

    public SystemCatalogue(NpgsqlDataSource db, TimeProvider time, ChangeFeed? feed = null)
    {
        _db = db;
        _time = time;
        _subscription = feed?.Subscribe(change =>
        {
            if (change.Kind == CityReference.ChangeKind) Invalidate();
        });
    }

    public void Invalidate() => _copy = null;

    /// <summary>Every system by code.</summary>
    public async Task<IReadOnlyDictionary<string, CitySystem>> GetAsync(CancellationToken ct = default)
    {
        if (_copy is { } copy && _time.GetUtcNow() - copy.LoadedAt < CityReference.Lifetime) return copy.Systems;
        var loaded = await LoadAsync(ct);
        _copy = (loaded, _time.GetUtcNow());
        return loaded;
    }

    /// <summary>The system with this code, or null.</summary>
    public async Task<CitySystem?> FindAsync(string code, CancellationToken ct = default) =>
        (await GetAsync(ct)).GetValueOrDefault(code);

    private async Task<IReadOnlyDictionary<string, CitySystem>> LoadAsync(CancellationToken ct)
    {
        await using var conn = await _db.OpenConnectionAsync(ct);
        var systems = await conn.QueryAsync<(string Code, string Kind, string PlaceKind, bool Personal)>(new CommandDefinition(
            "SELECT code, kind, place_kind, personal FROM city_systems ORDER BY position", cancellationToken: ct));
        var fields = (await conn.QueryAsync<FieldRow>(new CommandDefinition("""
            SELECT system_code AS SystemCode, name AS Name, scope AS Scope, type AS Type, unit AS Unit, required AS Required,
                   choices AS Choices, min_value AS MinValue, max_value AS MaxValue, personal AS Personal
            FROM city_system_fields ORDER BY system_code, position
            """, cancellationToken: ct))).ToLookup(f => f.SystemCode);
        return systems.ToDictionary(s => s.Code, s => new CitySystem(s.Code, s.Kind, s.PlaceKind, s.Personal,
            fields[s.Code].Select(f => new SystemField(f.Name, f.Scope, f.Type, f.Unit, f.Required, f.Choices, f.MinValue, f.MaxValue, f.Personal)).ToList()),
            StringComparer.Ordinal);
    }

    private sealed class FieldRow
    {
        public string SystemCode { get; init; } = "";
        public string Name { get; init; } = "";
        public string Scope { get; init; } = "";
        public string Type { get; init; } = "";
        public string? Unit { get; init; }
        public bool Required { get; init; }
        public string[]? Choices { get; init; }
        public double? MinValue { get; init; }
        public double? MaxValue { get; init; }
        public bool Personal { get; init; }
    }

    public void Dispose() => _subscription?.Dispose();
}
