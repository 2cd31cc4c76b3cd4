using Dapper;
using IKomek.Dashboard.Platform.Changes;
using IKomek.Dashboard.Platform.Localization;
using Npgsql;

namespace IKomek.Dashboard.Platform.City;

/// <summary>A named thing of the reference data, in the three languages.</summary>
public record RefItem(int Id, string Code, string NameRu, string NameKk, string NameEn)
{
    public string Name(Texts t) => t.Pick(NameRu, NameKk, NameEn);
}

/// <summary>A service type with what intake decides by: its area, the department that answers, the SLA, criticality.</summary>
public sealed record ServiceTypeItem(int Id, string Code, string NameRu, string NameKk, string NameEn,
    int AreaId, int DepartmentId, int SlaWorkingDays, bool IsCritical, IReadOnlyList<string> Keywords)
    : RefItem(Id, Code, NameRu, NameKk, NameEn);

/// <summary>
/// The one in-memory copy of the reference data (districts, areas, channels, departments, service types, holidays):
/// a few thousand rows that change rarely, read by every page, by intake on every appeal and by every import.
/// A change to any of those tables is announced on the change feed (kind <see cref="ChangeKind"/>, from a statement
/// trigger, migration 0030) and drops the copy at once on every node; a node whose LISTEN was down replays it, and
/// the copy also lapses after <see cref="Lifetime"/> in case a notification was lost anyway.
/// </summary>
public sealed class CityReference : IDisposable
{
    /// <summary>The change feed's kind for a statement on a reference table.</summary>
    public const string ChangeKind = "reference";

    /// <summary>A backstop only: changes arrive through the feed.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly NpgsqlDataSource _db;
    private readonly TimeProvider _time;
    private readonly ChangeFeed? _feed;
    private readonly IDisposable? _subscription;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;
    private long _generation;

    /// <param name="feed">The node's change feed; without it (a verb, a test) the copy lives for <see cref="Lifetime"/>.</param>
    public CityReference(NpgsqlDataSource db, TimeProvider time, ChangeFeed? feed = null)
    {
        _db = db;
        _time = time;
        _feed = feed;
        _subscription = feed?.Subscribe(change =>
        {
            if (change.Kind == ChangeKind) Invalidate();
        });
        // Back after a lost connection: the replay brings the missed changes, and dropping the copy costs one read.
        if (feed is not null) feed.ConnectionChanged += OnConnectionChanged;
    }

    public sealed record Snapshot(
        IReadOnlyDictionary<int, RefItem> Districts,
        IReadOnlyDictionary<int, RefItem> Areas,
        IReadOnlyDictionary<int, RefItem> Channels,
        IReadOnlyDictionary<int, RefItem> Departments,
        IReadOnlyDictionary<int, ServiceTypeItem> ServiceTypes,
        IReadOnlyDictionary<int, (double Lat, double Lon)> DistrictCentres,
        WorkingCalendar Calendar,
        DateTimeOffset LoadedAt,
        CityBounds? Bounds = null,
        IReadOnlyList<(int Id, IReadOnlyList<OutlinePolygon> Polygons)>? Outlines = null)
    {
        /// <summary>The applied profile's map extent (Astana's without one): points outside are not the city's.</summary>
        public bool IsInCity(double lat, double lon) => (Bounds ?? CityProfile.Astana.Bounds).Contains(lat, lon);

        public IReadOnlyDictionary<string, ServiceTypeItem> ServiceTypesByCode { get; } = ByCode(ServiceTypes);
        public IReadOnlyDictionary<string, RefItem> DistrictsByCode { get; } = ByCode(Districts);
        public IReadOnlyDictionary<string, RefItem> AreasByCode { get; } = ByCode(Areas);
        public IReadOnlyDictionary<string, RefItem> ChannelsByCode { get; } = ByCode(Channels);
        public IReadOnlyDictionary<string, RefItem> DepartmentsByCode { get; } = ByCode(Departments);

        /// <summary>District centres in id order, as <see cref="CityGeography.NearestDistrict"/> takes them.</summary>
        public IReadOnlyList<(int Id, double Lat, double Lon)> CentreList { get; } =
            DistrictCentres.OrderBy(c => c.Key).Select(c => (c.Key, c.Value.Lat, c.Value.Lon)).ToList();

        /// <summary>The district whose outline holds the point (a profile's districts), else the one whose centre is nearest.</summary>
        public int NearestDistrict(double lat, double lon) =>
            Outlines?.FirstOrDefault(o => o.Polygons.Any(p => p.Contains(lat, lon))) is { Id: > 0 } inside
                ? inside.Id
                : CityGeography.NearestDistrict(CentreList, lat, lon);

        // Codes are exact (the API's service_code is case-sensitive); the import builds its own forgiving maps.
        private static Dictionary<string, T> ByCode<T>(IReadOnlyDictionary<int, T> items) where T : RefItem =>
            items.Values.ToDictionary(i => i.Code, StringComparer.Ordinal);
    }

    public async Task<Snapshot> GetAsync(CancellationToken ct = default)
    {
        if (Fresh(_snapshot) is { } s) return s;
        await _loading.WaitAsync(ct);
        try
        {
            if (Fresh(_snapshot) is { } again) return again;
            while (true)
            {
                var generation = Interlocked.Read(ref _generation);
                var loaded = await LoadAsync(ct);
                // A change announced while this read ran may not be in it: read again rather than keep it.
                if (Interlocked.Read(ref _generation) != generation) continue;
                _snapshot = loaded;
                return loaded;
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forget the cached copy: the next read loads the tables again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
    }

    private Snapshot? Fresh(Snapshot? s) => s is not null && _time.GetUtcNow() - s.LoadedAt < Lifetime ? s : null;

    private void OnConnectionChanged(bool connected)
    {
        if (connected) Invalidate();
    }

    private async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        const string names = "id::int AS Id, code AS Code, name_ru AS NameRu, name_kk AS NameKk, name_en AS NameEn";
        await using var conn = await _db.OpenConnectionAsync(ct);
        // One snapshot of the database for all the tables: a copy never mixes before and after a change.
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition($"""
            SELECT {names} FROM districts ORDER BY id;
            SELECT {names} FROM areas ORDER BY id;
            SELECT {names} FROM channels ORDER BY id;
            SELECT {names} FROM departments ORDER BY id;
            SELECT {names}, area_id::int AS AreaId, department_id::int AS DepartmentId, sla_working_days::int AS SlaWorkingDays,
                   is_critical AS IsCritical, keywords AS Keywords
            FROM service_types ORDER BY id;
            SELECT id::int, center_lat, center_lon FROM districts ORDER BY id;
            SELECT day::timestamp FROM holidays;
            SELECT time_zone AS TimeZone, south, west, north, east FROM city_profile;
            SELECT id::int, outline::text FROM districts WHERE outline IS NOT NULL ORDER BY id;
            """, transaction: tx, cancellationToken: ct));
        var districts = (await grid.ReadAsync<RefItem>()).ToDictionary(x => x.Id);
        var areas = (await grid.ReadAsync<RefItem>()).ToDictionary(x => x.Id);
        var channels = (await grid.ReadAsync<RefItem>()).ToDictionary(x => x.Id);
        var departments = (await grid.ReadAsync<RefItem>()).ToDictionary(x => x.Id);
        var types = (await grid.ReadAsync<ServiceTypeRow>())
            .ToDictionary(t => t.Id, t => new ServiceTypeItem(t.Id, t.Code, t.NameRu, t.NameKk, t.NameEn, t.AreaId, t.DepartmentId,
                t.SlaWorkingDays, t.IsCritical, t.Keywords ?? []));
        var centres = (await grid.ReadAsync<(int Id, double Lat, double Lon)>()).ToDictionary(c => c.Id, c => (c.Lat, c.Lon));
        var holidays = (await grid.ReadAsync<DateTime>()).Select(DateOnly.FromDateTime).ToHashSet();
        var profile = await grid.ReadSingleOrDefaultAsync<(string TimeZone, double South, double West, double North, double East)?>();
        var outlines = (await grid.ReadAsync<(int Id, string Outline)>())
            .Select(o => (o.Id, DistrictOutlines.ReadGeometry(o.Outline, $"districts.outline of district {o.Id}"))).ToList();
        // A profile's zone counts its SLA days; without one the city is Astana.
        var zone = profile is { } p ? TimeZoneInfo.FindSystemTimeZoneById(p.TimeZone) : null;
        return new Snapshot(districts, areas, channels, departments, types, centres, new WorkingCalendar(holidays, zone), _time.GetUtcNow(),
            profile is { } b ? new CityBounds(b.South, b.West, b.North, b.East) : null, outlines);
    }

    // Properties, not a constructor: Dapper matches a text[] column to a constructor's parameter as System.Array.
    private sealed class ServiceTypeRow
    {
        public int Id { get; init; }
        public string Code { get; init; } = "";
        public string NameRu { get; init; } = "";
        public string NameKk { get; init; } = "";
        public string NameEn { get; init; } = "";
        public int AreaId { get; init; }
        public int DepartmentId { get; init; }
        public int SlaWorkingDays { get; init; }
        public bool IsCritical { get; init; }
        public string[]? Keywords { get; init; }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        if (_feed is not null) _feed.ConnectionChanged -= OnConnectionChanged;
    }
}
