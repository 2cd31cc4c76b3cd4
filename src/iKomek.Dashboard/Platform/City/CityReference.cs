using Dapper;
using IKomek.Dashboard.Platform.Localization;
using Npgsql;

namespace IKomek.Dashboard.Platform.City;

/// <summary>A named thing of the reference data, in the three languages.</summary>
public sealed record RefItem(int Id, string Code, string NameRu, string NameKk, string NameEn)
{
    public string Name(Texts t) => t.Pick(NameRu, NameKk, NameEn);
}

/// <summary>
/// The reference data (districts, areas, channels, departments, service types) held in memory: a few thousand rows
/// that change rarely, so grids and charts query ids and name them here in the reader's language.
/// </summary>
public sealed class CityReference(NpgsqlDataSource db)
{
    private Snapshot? _snapshot;

    public sealed record Snapshot(
        IReadOnlyDictionary<int, RefItem> Districts,
        IReadOnlyDictionary<int, RefItem> Areas,
        IReadOnlyDictionary<int, RefItem> Channels,
        IReadOnlyDictionary<int, RefItem> Departments,
        IReadOnlyDictionary<int, RefItem> ServiceTypes,
        IReadOnlyDictionary<int, (double Lat, double Lon)> DistrictCentres);

    public async Task<Snapshot> GetAsync(CancellationToken ct = default)
    {
        if (_snapshot is { } s) return s;
        await using var conn = await db.OpenConnectionAsync(ct);
        async Task<IReadOnlyDictionary<int, RefItem>> Load(string table) =>
            (await conn.QueryAsync<RefItem>(new CommandDefinition(
                $"SELECT id::int AS Id, code AS Code, name_ru AS NameRu, name_kk AS NameKk, name_en AS NameEn FROM {table} ORDER BY id",
                cancellationToken: ct)))
            .ToDictionary(x => x.Id);
        var centres = (await conn.QueryAsync<(int Id, double Lat, double Lon)>(new CommandDefinition(
            "SELECT id::int, center_lat, center_lon FROM districts", cancellationToken: ct))).ToDictionary(c => c.Id, c => (c.Lat, c.Lon));
        s = new Snapshot(await Load("districts"), await Load("areas"), await Load("channels"), await Load("departments"), await Load("service_types"), centres);
        _snapshot = s;
        return s;
    }

    /// <summary>Forget the cached copy (after an administrator edits reference data or the city is reseeded).</summary>
    public void Invalidate() => _snapshot = null;
}
